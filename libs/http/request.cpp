#include "http/request.hpp"

#include <stdexcept>

#include "http/query.hpp"

namespace dt::http {

void Request::set_target(std::string value) {
  target = std::move(value);
  const std::string_view all(target);
  const auto q = all.find('?');
  path = all.substr(0, q);
  query = q == std::string_view::npos ? std::string_view{} : all.substr(q + 1);
}

const std::string& Request::param(std::string_view name) const {
  for (const auto& [key, value] : params) {
    if (key == name) return value;
  }
  throw std::logic_error("route '" + std::string(route) + "' has no path parameter '" + std::string(name) + "'");
}

std::optional<std::string> Request::query_param(std::string_view name) const { return query_value(query, name); }

}  // namespace dt::http
