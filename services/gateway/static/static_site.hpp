#pragma once
// StaticSite: the web app's production build (web/dist) at /, for every path no API route takes.
//   - A file that exists is served with its MIME type, an ETag (size and modification time) and Last-Modified;
//     If-None-Match with that ETag gets 304.
//   - Caching: /assets/* are content-hashed by the bundler, "public, max-age=31536000, immutable"; index.html and
//     every other file "no-cache" (revalidated each time, so a new release shows at once).
//   - History-API fallback: a path with no file whose last segment has no extension ("/exam/42") gets
//     index.html; a missing file under /assets/ or with an extension ("/logo.png") is a 404.
//   - Only GET and HEAD (405 otherwise). Paths never leave the root: dot segments and encoded slashes are
//     refused before (routing/request_target.hpp), hidden files (".env") are 404, and a resolved path outside the
//     root (a symbolic link) is 404.
//   - No index.html under the root: a small page saying the web app is not built, and how to build it.
#include <filesystem>

#include "http/request.hpp"
#include "http/response.hpp"

namespace dt::gateway::static_files {

class StaticSite {
 public:
  explicit StaticSite(std::filesystem::path root);

  // Throws dt::Problem 404 or 405.
  http::Response serve(const http::Request& request) const;

  const std::filesystem::path& root() const { return root_; }

 private:
  std::filesystem::path root_;
};

}  // namespace dt::gateway::static_files
