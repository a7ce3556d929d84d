#pragma once
// Headers: an ordered list of name/value pairs, names compared without regard to case.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dt::http {

bool iequals(std::string_view a, std::string_view b);

class Headers {
 public:
  using Entry = std::pair<std::string, std::string>;

  // The first value of `name`, or nullopt.
  std::optional<std::string_view> find(std::string_view name) const;
  // The first value of `name`, or "".
  std::string_view get(std::string_view name) const { return find(name).value_or(std::string_view{}); }
  bool contains(std::string_view name) const { return find(name).has_value(); }

  void add(std::string name, std::string value) { entries_.emplace_back(std::move(name), std::move(value)); }
  // Replaces every value of `name` with one.
  void set(std::string_view name, std::string value);
  void remove(std::string_view name);

  const std::vector<Entry>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  void reserve(std::size_t n) { entries_.reserve(n); }

 private:
  std::vector<Entry> entries_;
};

}  // namespace dt::http
