#include "gateway/static/mime_types.hpp"

#include <array>
#include <utility>

#include "http/headers.hpp"

namespace dt::gateway::static_files {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kTypes = {{
    {"html", "text/html; charset=utf-8"},
    {"htm", "text/html; charset=utf-8"},
    {"js", "text/javascript; charset=utf-8"},
    {"mjs", "text/javascript; charset=utf-8"},
    {"css", "text/css; charset=utf-8"},
    {"json", "application/json"},
    {"map", "application/json"},
    {"webmanifest", "application/manifest+json"},
    {"txt", "text/plain; charset=utf-8"},
    {"xml", "application/xml"},
    {"svg", "image/svg+xml"},
    {"png", "image/png"},
    {"jpg", "image/jpeg"},
    {"jpeg", "image/jpeg"},
    {"gif", "image/gif"},
    {"webp", "image/webp"},
    {"avif", "image/avif"},
    {"ico", "image/x-icon"},
    {"woff", "font/woff"},
    {"woff2", "font/woff2"},
    {"ttf", "font/ttf"},
    {"otf", "font/otf"},
    {"wasm", "application/wasm"},
    {"mp4", "video/mp4"},
    {"webm", "video/webm"},
    {"pdf", "application/pdf"},
}};

}  // namespace

std::string_view mime_type_for(std::string_view filename) {
  const auto slash = filename.rfind('/');
  const auto name = slash == std::string_view::npos ? filename : filename.substr(slash + 1);
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos) return "application/octet-stream";
  const auto extension = name.substr(dot + 1);
  for (const auto& [known, type] : kTypes) {
    if (http::iequals(extension, known)) return type;
  }
  return "application/octet-stream";
}

}  // namespace dt::gateway::static_files
