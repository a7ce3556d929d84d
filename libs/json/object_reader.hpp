#pragma once
// ObjectReader: typed access to the members of a JSON object that turns every mistake into a 400 problem naming
// the offending field by its path ("answers[2].option"). Services parse request bodies with it:
//
//   ObjectReader in(parse_body(req.body));
//   auto name = in.string("name", {.max_length = 200});
//   auto count = in.integer("count", {.min = 1, .max = 100});
//   auto tags = in.optional_array("tags");
// The reader refers to the parsed value: keep that value alive while reading.
#include <boost/json/value.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dt::json {

struct StringRules {
  std::size_t min_length = 0;
  std::size_t max_length = 10'000;
};

struct IntegerRules {
  std::int64_t min = INT64_MIN;
  std::int64_t max = INT64_MAX;
};

// "a string", "an integer", "null"...: how messages name a JSON value's type.
std::string_view kind_name(const boost::json::value& value);

class ObjectReader {
 public:
  // Throws a 400 naming `path` (or "body" at the top) when value is not an object.
  explicit ObjectReader(const boost::json::value& value, std::string path = "");

  bool has(std::string_view name) const;

  std::string string(std::string_view name, StringRules rules = {}) const;
  std::optional<std::string> optional_string(std::string_view name, StringRules rules = {}) const;
  std::int64_t integer(std::string_view name, IntegerRules rules = {}) const;
  std::optional<std::int64_t> optional_integer(std::string_view name, IntegerRules rules = {}) const;
  double number(std::string_view name) const;
  bool boolean(std::string_view name) const;
  std::optional<bool> optional_boolean(std::string_view name) const;
  ObjectReader object(std::string_view name) const;
  const boost::json::array& array(std::string_view name, std::size_t max_items = 10'000) const;
  const boost::json::array* optional_array(std::string_view name, std::size_t max_items = 10'000) const;
  std::vector<std::string> string_array(std::string_view name, StringRules rules = {},
                                        std::size_t max_items = 10'000) const;

  // Fails when the object has a member not in `known`: catches typos such as "pasword".
  void reject_unknown(std::initializer_list<std::string_view> known) const;

  // The path of a member or array element, for nested readers and messages.
  std::string path_of(std::string_view name) const;
  static std::string element_path(const std::string& array_path, std::size_t index);
  // A reader over array element `index` of `array_path`.
  static ObjectReader element(const boost::json::array& array, std::size_t index, const std::string& array_path);

  const boost::json::object& raw() const { return *object_; }

 private:
  const boost::json::value* find(std::string_view name) const;
  const boost::json::value& require(std::string_view name) const;
  std::string check_string(std::string_view name, const boost::json::value& value, StringRules rules) const;
  std::int64_t check_integer(std::string_view name, const boost::json::value& value, IntegerRules rules) const;

  const boost::json::object* object_;
  std::string path_;
};

}  // namespace dt::json
