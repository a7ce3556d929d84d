#include "gateway/static/static_site.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <fstream>
#include <optional>
#include <sstream>

#include "errors/problem.hpp"
#include "gateway/static/mime_types.hpp"

namespace dt::gateway::static_files {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kNotBuilt = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>DriveTest</title></head>
<body><h1>The web app is not built</h1>
<p>The gateway serves the web app's production build from <code>DT_GATEWAY_STATIC_DIR</code> (default
<code>web/dist</code>), which has no <code>index.html</code> yet. Build the web app, then reload this page.
The API is available under <code>/api/</code>.</p></body></html>
)";

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

struct FileInfo {
  std::uintmax_t size = 0;
  std::timespec modified{};
};

std::optional<FileInfo> regular_file(const fs::path& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;
  return FileInfo{.size = static_cast<std::uintmax_t>(st.st_size), .modified = st.st_mtim};
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The decoded path relative to the root, or nullopt when a segment is hidden, empty or a dot segment.
std::optional<std::string> relative_path(std::string_view path) {
  std::string decoded;
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (path[i] == '%' && i + 2 < path.size() && hex_value(path[i + 1]) >= 0 && hex_value(path[i + 2]) >= 0) {
      decoded += static_cast<char>(hex_value(path[i + 1]) * 16 + hex_value(path[i + 2]));
      i += 2;
    } else {
      decoded += path[i];
    }
  }
  if (decoded.find('\0') != std::string::npos || decoded.find('\\') != std::string::npos) return std::nullopt;
  std::string_view rest = decoded;
  while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
  std::string_view check = rest;
  while (!check.empty()) {
    const auto slash = check.find('/');
    const auto segment = check.substr(0, slash);
    if (segment.starts_with('.')) return std::nullopt;
    if (slash == std::string_view::npos) break;
    if (segment.empty()) return std::nullopt;
    check.remove_prefix(slash + 1);
  }
  return std::string(rest);
}

bool inside(const fs::path& root, const fs::path& file) {
  std::error_code ec;
  const auto real_root = fs::canonical(root, ec);
  if (ec) return false;
  const auto real_file = fs::canonical(file, ec);
  if (ec) return false;
  const auto [root_end, file_it] =
      std::mismatch(real_root.begin(), real_root.end(), real_file.begin(), real_file.end());
  return root_end == real_root.end();
}

std::string http_date(std::time_t when) {
  std::tm tm{};
  gmtime_r(&when, &tm);
  char buf[64];
  const auto n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return std::string(buf, n);
}

std::string etag_of(const FileInfo& info) {
  std::ostringstream out;
  out << "W/\"" << std::hex << info.size << '-' << info.modified.tv_sec << '.' << info.modified.tv_nsec << '"';
  return out.str();
}

bool etag_matches(std::string_view if_none_match, const std::string& etag) {
  if (if_none_match.empty()) return false;
  if (if_none_match == "*") return true;
  const std::string_view strong = std::string_view(etag).substr(2);  // W/"..." compares weakly (RFC 9110 13.1.2)
  std::string_view rest = if_none_match;
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    auto item = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == strong) return true;
  }
  return false;
}

http::Response file_response(const http::Request& request, const fs::path& file, const FileInfo& info,
                             std::string_view cache_control) {
  const std::string etag = etag_of(info);
  http::Response response;
  response.headers.add("Cache-Control", std::string(cache_control));
  response.headers.add("ETag", etag);
  response.headers.add("Last-Modified", http_date(info.modified.tv_sec));
  response.headers.add("X-Content-Type-Options", "nosniff");
  if (etag_matches(request.header("If-None-Match"), etag)) {
    response.status = 304;
    return response;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Problem::not_found("no such file");
  std::ostringstream body;
  body << in.rdbuf();
  response.status = 200;
  response.body = body.str();
  response.headers.add("Content-Type", std::string(mime_type_for(file.filename().string())));
  return response;
}

}  // namespace

StaticSite::StaticSite(fs::path root) : root_(std::move(root)) {}

http::Response StaticSite::serve(const http::Request& request) const {
  if (request.method != http::Method::get && request.method != http::Method::head) {
    throw Problem::method_not_allowed("the web app's files are read with GET or HEAD", "GET, HEAD");
  }
  const fs::path index = root_ / "index.html";
  const auto index_info = regular_file(index);
  if (!index_info) {
    http::Response response = http::Response::text(200, std::string(kNotBuilt), "text/html; charset=utf-8");
    response.headers.add("Cache-Control", "no-store");
    return response;
  }
  const auto relative = relative_path(request.path);
  if (!relative) throw Problem::not_found("no such file");
  const bool asset = relative->starts_with("assets/");
  if (!relative->empty() && relative->back() != '/') {
    const fs::path file = root_ / *relative;
    if (const auto info = regular_file(file); info && inside(root_, file)) {
      return file_response(request, file, *info, asset ? kImmutable : kRevalidate);
    }
    const auto last = relative->substr(relative->rfind('/') + 1);
    if (asset || last.find('.') != std::string::npos) throw Problem::not_found("no such file");
  }
  return file_response(request, index, *index_info, kRevalidate);
}

}  // namespace dt::gateway::static_files
