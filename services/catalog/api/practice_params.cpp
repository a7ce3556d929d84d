#include "catalog/api/practice_params.hpp"

#include "errors/problem.hpp"

namespace dt::catalog::api {
namespace {

// Code points of valid UTF-8 without control characters; nullopt for anything else (the database refuses
// malformed UTF-8 and NUL, and neither belongs in a search box).
std::optional<std::size_t> printable_utf8_length(std::string_view s) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F) return std::nullopt;
      code = c;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      code = c & 0x1Fu;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      code = c & 0x0Fu;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      code = c & 0x07u;
    } else {
      return std::nullopt;
    }
    if (i + extra >= s.size()) return std::nullopt;  // a sequence cut short
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return std::nullopt;
      code = (code << 6) | (next & 0x3Fu);
    }
    static constexpr std::uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return std::nullopt;
    if (code >= 0x80 && code < 0xA0) return std::nullopt;  // C1 controls
    i += extra + 1;
    ++count;
  }
  return count;
}

}  // namespace

PageRequest page_of(const http::Request& request) {
  PageRequest page;
  if (auto n = integer_param(request, "page", 1, 1'000'000)) page.page = static_cast<int>(*n);
  if (auto n = integer_param(request, "size", 1, kLargestPage)) page.size = static_cast<int>(*n);
  return page;
}

boost::json::object paged(boost::json::array items, std::int64_t total, const PageRequest& page) {
  boost::json::object out;
  out["items"] = std::move(items);
  out["total"] = total;
  out["page"] = page.page;
  out["size"] = page.size;
  return out;
}

std::optional<std::int64_t> integer_param(const http::Request& request, std::string_view name, std::int64_t min,
                                          std::int64_t max) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  const auto invalid = [&] {
    return Problem::invalid_field(std::string(name),
                                  "must be a whole number from " + std::to_string(min) + " to " + std::to_string(max));
  };
  if (text->empty() || text->size() > 18) throw invalid();
  std::int64_t value = 0;
  for (char c : *text) {
    if (c < '0' || c > '9') throw invalid();
    value = value * 10 + (c - '0');
  }
  if (value < min || value > max) throw invalid();
  return value;
}

std::optional<std::string> code_param(const http::Request& request, std::string_view name) {
  auto text = request.query_param(name);
  if (!text) return std::nullopt;
  if (!is_valid_code(*text)) {
    throw Problem::invalid_field(std::string(name), "must be a code of 1 to 64 letters, digits, '.', '_' or '-'");
  }
  return text;
}

std::string required_code_param(const http::Request& request, std::string_view name) {
  auto code = code_param(request, name);
  if (!code) throw Problem::invalid_field(std::string(name), "is required");
  return *code;
}

std::optional<Date> date_param(const http::Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text) return std::nullopt;
  // Within what an instant (nanoseconds since 1970 in 64 bits) can hold, with room for a day added.
  static constexpr Date kEarliest = make_date(1970, 1, 1);
  static constexpr Date kLatest = make_date(2199, 12, 31);
  auto date = parse_date(*text);
  if (!date || *date < kEarliest || *date > kLatest) {
    throw Problem::invalid_field(std::string(name), "must be a date YYYY-MM-DD from 1970-01-01 to 2199-12-31");
  }
  return date;
}

std::string text_param(const http::Request& request, std::string_view name, std::size_t max_length) {
  auto text = request.query_param(name);
  if (!text) throw Problem::invalid_field(std::string(name), "is required");
  const auto length = printable_utf8_length(*text);
  if (!length) throw Problem::invalid_field(std::string(name), "must be UTF-8 text without control characters");
  if (text->find_first_not_of(' ') == std::string::npos) {
    throw Problem::invalid_field(std::string(name), "must not be blank");
  }
  if (*length > max_length) {
    throw Problem::invalid_field(std::string(name), "must be at most " + std::to_string(max_length) + " characters");
  }
  return *text;
}

}  // namespace dt::catalog::api
