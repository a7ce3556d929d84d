#include "catalog/api/language.hpp"

#include "errors/problem.hpp"

namespace dt::catalog::api {
namespace {

bool is_language(std::string_view s) {
  if (s.size() < 2 || s.size() > 3) return false;
  for (char c : s) {
    if (c < 'a' || c > 'z') return false;
  }
  return true;
}

}  // namespace

std::string language_of(const http::Request& request) {
  if (auto lang = request.query_param("lang")) {
    if (!is_language(*lang)) throw Problem::invalid_field("lang", "must be a language code such as vi or en");
    return *lang;
  }
  auto accept = request.header("Accept-Language");
  const auto end = accept.find_first_of(",;-");
  auto first = accept.substr(0, end);
  std::string lower;
  for (char c : first) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  return is_language(lower) ? lower : "vi";
}

}  // namespace dt::catalog::api
