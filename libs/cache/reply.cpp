#include "cache/reply.hpp"

#include <utility>

namespace dt::cache {

Reply::Reply(Type type, long long integer, std::string text, std::vector<Reply> elements)
    : type_(type), integer_(integer), text_(std::move(text)), elements_(std::move(elements)) {}

Reply Reply::integer(long long value) { return Reply(Type::integer, value, {}, {}); }
Reply Reply::string(std::string value) { return Reply(Type::string, 0, std::move(value), {}); }
Reply Reply::status(std::string value) { return Reply(Type::status, 0, std::move(value), {}); }
Reply Reply::error(std::string message) { return Reply(Type::error, 0, std::move(message), {}); }
Reply Reply::array(std::vector<Reply> elements) { return Reply(Type::array, 0, {}, std::move(elements)); }

long long Reply::as_integer() const {
  if (type_ != Type::integer) type_mismatch("an integer");
  return integer_;
}

const std::string& Reply::as_string() const {
  if (type_ != Type::string && type_ != Type::status && type_ != Type::error) type_mismatch("a string");
  return text_;
}

std::optional<std::string> Reply::as_optional_string() const {
  if (type_ == Type::nil) return std::nullopt;
  if (type_ != Type::string && type_ != Type::status) type_mismatch("a string or nil");
  return text_;
}

const std::vector<Reply>& Reply::as_array() const {
  if (type_ != Type::array) type_mismatch("an array");
  return elements_;
}

void Reply::throw_if_error(const std::string& context) const {
  if (type_ == Type::error) throw Error(context + ": " + text_);
}

void Reply::type_mismatch(const char* wanted) const {
  throw_if_error("redis");
  throw Error(std::string("redis: expected ") + wanted + " reply, got " + to_string(type_));
}

const char* to_string(Reply::Type type) {
  switch (type) {
    case Reply::Type::nil:
      return "nil";
    case Reply::Type::integer:
      return "integer";
    case Reply::Type::string:
      return "string";
    case Reply::Type::status:
      return "status";
    case Reply::Type::error:
      return "error";
    case Reply::Type::array:
      return "array";
  }
  return "unknown";
}

}  // namespace dt::cache
