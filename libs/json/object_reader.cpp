#include "json/object_reader.hpp"

#include <boost/json/object.hpp>

#include <cmath>

#include "errors/problem.hpp"

namespace dt::json {
namespace {

// Counts code points, not bytes: limits are about what a person typed, in any script.
std::size_t utf8_length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string_view kind_name(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::null:
      return "null";
    case boost::json::kind::bool_:
      return "a boolean";
    case boost::json::kind::int64:
    case boost::json::kind::uint64:
      return "an integer";
    case boost::json::kind::double_:
      return "a number";
    case boost::json::kind::string:
      return "a string";
    case boost::json::kind::array:
      return "an array";
    case boost::json::kind::object:
      return "an object";
  }
  return "unknown";
}

ObjectReader::ObjectReader(const boost::json::value& value, std::string path) : path_(std::move(path)) {
  object_ = value.if_object();
  if (!object_) {
    throw Problem::invalid_field(path_.empty() ? "body" : path_,
                                 "must be a JSON object, not " + std::string(kind_name(value)));
  }
}

std::string ObjectReader::path_of(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

std::string ObjectReader::element_path(const std::string& array_path, std::size_t index) {
  return array_path + "[" + std::to_string(index) + "]";
}

ObjectReader ObjectReader::element(const boost::json::array& array, std::size_t index, const std::string& array_path) {
  return ObjectReader(array.at(index), element_path(array_path, index));
}

const boost::json::value* ObjectReader::find(std::string_view name) const {
  const auto* v = object_->if_contains(name);
  return (v && !v->is_null()) ? v : nullptr;
}

const boost::json::value& ObjectReader::require(std::string_view name) const {
  const auto* v = find(name);
  if (!v) throw Problem::invalid_field(path_of(name), "is required");
  return *v;
}

bool ObjectReader::has(std::string_view name) const { return find(name) != nullptr; }

std::string ObjectReader::check_string(std::string_view name, const boost::json::value& value,
                                       StringRules rules) const {
  const auto* s = value.if_string();
  if (!s) throw Problem::invalid_field(path_of(name), "must be a string, not " + std::string(kind_name(value)));
  const std::size_t length = utf8_length(*s);
  if (length < rules.min_length) {
    throw Problem::invalid_field(path_of(name),
                                 "must be at least " + std::to_string(rules.min_length) + " characters long");
  }
  if (length > rules.max_length) {
    throw Problem::invalid_field(path_of(name),
                                 "must be at most " + std::to_string(rules.max_length) + " characters long");
  }
  return std::string(*s);
}

std::int64_t ObjectReader::check_integer(std::string_view name, const boost::json::value& value,
                                         IntegerRules rules) const {
  std::int64_t n = 0;
  if (const auto* i = value.if_int64()) {
    n = *i;
  } else if (const auto* u = value.if_uint64(); u && *u <= static_cast<std::uint64_t>(INT64_MAX)) {
    n = static_cast<std::int64_t>(*u);
  } else if (const auto* d = value.if_double(); d && std::trunc(*d) == *d && std::abs(*d) < 9e15) {
    n = static_cast<std::int64_t>(*d);
  } else {
    throw Problem::invalid_field(path_of(name), "must be an integer, not " + std::string(kind_name(value)));
  }
  if (n < rules.min || n > rules.max) {
    throw Problem::invalid_field(path_of(name),
                                 "must be between " + std::to_string(rules.min) + " and " + std::to_string(rules.max));
  }
  return n;
}

std::string ObjectReader::string(std::string_view name, StringRules rules) const {
  return check_string(name, require(name), rules);
}

std::optional<std::string> ObjectReader::optional_string(std::string_view name, StringRules rules) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  return check_string(name, *v, rules);
}

std::int64_t ObjectReader::integer(std::string_view name, IntegerRules rules) const {
  return check_integer(name, require(name), rules);
}

std::optional<std::int64_t> ObjectReader::optional_integer(std::string_view name, IntegerRules rules) const {
  const auto* v = find(name);
  if (!v) return std::nullopt;
  return check_integer(name, *v, rules);
}

double ObjectReader::number(std::string_view name) const {
  const auto& v = require(name);
  if (!v.is_number()) throw Problem::invalid_field(path_of(name), "must be a number, not " + std::string(kind_name(v)));
  return v.to_number<double>();
}

bool ObjectReader::boolean(std::string_view name) const {
  const auto& v = require(name);
  if (!v.is_bool())
    throw Problem::invalid_field(path_of(name), "must be true or false, not " + std::string(kind_name(v)));
  return v.get_bool();
}

std::optional<bool> ObjectReader::optional_boolean(std::string_view name) const {
  if (!has(name)) return std::nullopt;
  return boolean(name);
}

ObjectReader ObjectReader::object(std::string_view name) const { return ObjectReader(require(name), path_of(name)); }

const boost::json::array& ObjectReader::array(std::string_view name, std::size_t max_items) const {
  const auto& v = require(name);
  const auto* a = v.if_array();
  if (!a) throw Problem::invalid_field(path_of(name), "must be an array, not " + std::string(kind_name(v)));
  if (a->size() > max_items) {
    throw Problem::invalid_field(path_of(name), "must have at most " + std::to_string(max_items) + " items");
  }
  return *a;
}

const boost::json::array* ObjectReader::optional_array(std::string_view name, std::size_t max_items) const {
  if (!has(name)) return nullptr;
  return &array(name, max_items);
}

std::vector<std::string> ObjectReader::string_array(std::string_view name, StringRules rules,
                                                    std::size_t max_items) const {
  const auto& items = array(name, max_items);
  std::vector<std::string> out;
  out.reserve(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.push_back(check_string(std::string(name) + "[" + std::to_string(i) + "]", items[i], rules));
  }
  return out;
}

void ObjectReader::reject_unknown(std::initializer_list<std::string_view> known) const {
  for (const auto& member : *object_) {
    bool ok = false;
    for (auto k : known) ok = ok || member.key() == k;
    if (!ok) throw Problem::invalid_field(path_of(member.key()), "is not a known field");
  }
}

}  // namespace dt::json
