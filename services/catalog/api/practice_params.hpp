#pragma once
// The query parameters the practice and learner routes share: paging, bounded integers, codes, dates and the
// search text. Every mistake is a 400 naming the parameter (Problem::invalid_field), never a 500.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "catalog/domain/code.hpp"
#include "catalog/domain/date.hpp"
#include "http/request.hpp"

namespace dt::catalog::api {

inline constexpr int kDefaultPageSize = 20;
inline constexpr int kLargestPage = 100;  // items; the store allows more, a client page needs no more

// ?page= (from 1, default 1) and ?size= (1..100, default 20).
struct PageRequest {
  int page = 1;
  int size = kDefaultPageSize;

  std::size_t offset() const { return static_cast<std::size_t>(page - 1) * static_cast<std::size_t>(size); }
};

PageRequest page_of(const http::Request& request);

// {"items", "total", "page", "size"}: the list's envelope wherever a list is paged.
boost::json::object paged(boost::json::array items, std::int64_t total, const PageRequest& page);

// A decimal integer in [min, max], or nullopt when the parameter is absent.
std::optional<std::int64_t> integer_param(const http::Request& request, std::string_view name, std::int64_t min,
                                          std::int64_t max);

// A code ([A-Za-z0-9._-], 1..64), or nullopt when absent; the required form says "is required" when absent.
std::optional<std::string> code_param(const http::Request& request, std::string_view name);
std::string required_code_param(const http::Request& request, std::string_view name);

// A calendar date YYYY-MM-DD from 1970-01-01 to 2199-12-31, or nullopt when absent.
std::optional<Date> date_param(const http::Request& request, std::string_view name);

// Free text a person typed: valid UTF-8 without control characters, not blank, 1..max_length code points.
std::string text_param(const http::Request& request, std::string_view name, std::size_t max_length);

}  // namespace dt::catalog::api
