#pragma once
// Reply: one Redis reply as a plain value (nil, integer, string, status, error or array of replies).
// The accessors check the type and throw dt::cache::Error on a mismatch; an error reply throws its own message.
#include <optional>
#include <string>
#include <vector>

#include "cache/errors.hpp"

namespace dt::cache {

class Reply {
 public:
  enum class Type { nil, integer, string, status, error, array };

  Reply() = default;  // nil
  static Reply integer(long long value);
  static Reply string(std::string value);
  static Reply status(std::string value);
  static Reply error(std::string message);
  static Reply array(std::vector<Reply> elements);

  Type type() const { return type_; }
  bool is_nil() const { return type_ == Type::nil; }
  bool is_error() const { return type_ == Type::error; }

  long long as_integer() const;
  // The text of a string, status or error reply.
  const std::string& as_string() const;
  // nullopt for nil, the text for a string or status reply.
  std::optional<std::string> as_optional_string() const;
  const std::vector<Reply>& as_array() const;
  // Throws Error("<context>: <message>") when this is an error reply.
  void throw_if_error(const std::string& context) const;

  bool operator==(const Reply&) const = default;

 private:
  Reply(Type type, long long integer, std::string text, std::vector<Reply> elements);
  [[noreturn]] void type_mismatch(const char* wanted) const;

  Type type_ = Type::nil;
  long long integer_ = 0;
  std::string text_;
  std::vector<Reply> elements_;
};

// "nil", "integer", ... for messages and test output.
const char* to_string(Reply::Type type);

}  // namespace dt::cache
