#pragma once
// Code<Tag>: a short identifier from the bank format ("vn", "vn.1", "B", "C1E"), as a distinct type per use so a
// topic code cannot be passed where a licence class is expected. It keeps the text exactly as given: codes are
// compared byte for byte ("b" is not "B"), because imports and exports must round-trip unchanged.
#include <compare>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>

namespace dt::catalog {

// 1..64 characters of [A-Za-z0-9._-]: safe in URLs, file names, SQL and log lines without escaping.
bool is_valid_code(std::string_view text);

template <class Tag>
class Code {
 public:
  Code() = default;
  explicit Code(std::string value) : value_(std::move(value)) {}

  const std::string& value() const { return value_; }
  bool empty() const { return value_.empty(); }
  bool valid() const { return is_valid_code(value_); }

  friend bool operator==(const Code&, const Code&) = default;
  friend std::strong_ordering operator<=>(const Code& a, const Code& b) { return a.value_.compare(b.value_) <=> 0; }

 private:
  std::string value_;
};

using JurisdictionCode = Code<struct JurisdictionTag>;
using TopicCode = Code<struct TopicTag>;
using LicenceClassCode = Code<struct LicenceClassTag>;

}  // namespace dt::catalog

template <class Tag>
struct std::hash<dt::catalog::Code<Tag>> {
  std::size_t operator()(const dt::catalog::Code<Tag>& code) const noexcept {
    return std::hash<std::string>{}(code.value());
  }
};
