// GET /api/files (list and search), GET /api/files/{sha256} (metadata and URL), DELETE /api/files/{sha256}.
#include <boost/json/array.hpp>

#include <algorithm>
#include <functional>

#include "errors/problem.hpp"
#include "file/api/catalog_references.hpp"
#include "file/api/file_json.hpp"
#include "file/api/routes.hpp"
#include "file/domain/media_type.hpp"
#include "http/json_response.hpp"
#include "http/require_principal.hpp"
#include "log/log.hpp"

namespace dt::file::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::size_t kMaxSearchLength = 200;

// The {sha256} path parameter: 64 hex digits (upper case accepted), else there is no such file.
std::string sha256_of(const Request& request) {
  std::string sha = request.param("sha256");
  const bool hex =
      sha.size() == 64 && std::all_of(sha.begin(), sha.end(), [](unsigned char c) { return std::isxdigit(c) != 0; });
  if (!hex) throw Problem::not_found("there is no file '" + sha + "': files are named by the SHA-256 of their bytes");
  std::transform(sha.begin(), sha.end(), sha.begin(), [](unsigned char c) { return std::tolower(c); });
  return sha;
}

int number_query(const Request& request, std::string_view name, int fallback, int max) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return fallback;
  int value = 0;
  const bool digits = text->size() <= 7 &&
                      std::all_of(text->begin(), text->end(), [](unsigned char c) { return std::isdigit(c) != 0; });
  if (digits) value = std::stoi(*text);
  if (!digits || value < 1 || value > max) {
    throw Problem::invalid_field(std::string(name), "must be a whole number from 1 to " + std::to_string(max));
  }
  return value;
}

store::FileFilter filter_of(const Request& request) {
  store::FileFilter filter;
  filter.search = request.query_param("search").value_or("");
  if (filter.search.size() > kMaxSearchLength) {
    throw Problem::invalid_field("search", "must be at most " + std::to_string(kMaxSearchLength) + " bytes");
  }
  filter.kind = request.query_param("type").value_or("");
  if (!filter.kind.empty() && filter.kind != "image" && filter.kind != "video" && !parse_mime_type(filter.kind)) {
    throw Problem::invalid_field("type",
                                 "must be image, video or one of image/png, image/jpeg, image/webp, "
                                 "image/gif, video/mp4, video/webm");
  }
  filter.page = number_query(request, "page", 1, 1'000'000);
  filter.size = number_query(request, "size", 50, store::kMaxPageSize);
  return filter;
}

Awaitable<Response> list(FileApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto filter = filter_of(request);
  const auto page = co_await api.store.list(filter);
  boost::json::array items;
  for (const auto& record : page.items) items.push_back(file_to_json(api, record));
  co_return http::json_response(
      200, boost::json::object{
               {"items", std::move(items)}, {"total", page.total}, {"page", filter.page}, {"size", filter.size}});
}

Awaitable<Response> show(FileApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto sha = sha256_of(request);
  const auto record = co_await api.store.find(sha);
  if (!record) throw Problem::not_found("there is no file " + sha);
  co_return http::json_response(200, file_to_json(api, *record));
}

Awaitable<Response> remove(FileApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto sha = sha256_of(request);
  const auto record = co_await api.store.find(sha);
  if (!record) throw Problem::not_found("there is no file " + sha);
  const auto questions = co_await published_questions_showing(api.catalog, api.settings, request, record->object_key);
  if (!questions.empty()) {
    std::string ids;
    for (const auto id : questions) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
    throw Problem::conflict("published questions show this file (" + ids +
                            "); change or retire them before deleting it")
        .with("questions", ids);
  }
  const auto bucket = record->visibility == "public" ? api.settings.public_bucket : api.settings.private_bucket;
  // The row goes only once the object is gone: a failure on the way keeps both. (A named std::function: GCC 12
  // destroys a temporary made inside a co_await expression twice.)
  std::function<Awaitable<void>(const store::FileRecord&)> delete_object =
      [&api, bucket](const store::FileRecord& gone) -> Awaitable<void> {
    co_await api.s3.delete_object(bucket, gone.object_key);
  };
  const bool removed = co_await api.store.remove(sha, std::move(delete_object));
  if (!removed) throw Problem::not_found("there is no file " + sha);
  log::info("file deleted", {{"request_id", request.request_id}, {"sha256", sha}});
  co_return Response::no_content();
}

template <class Handler>
http::Handler bind(FileApi& api, Handler handler) {
  return [&api, handler](Request& request) { return handler(api, request); };
}

}  // namespace

void add_file_routes(http::Router& router, FileApi& api) {
  router.add(Method::get, "/api/files", bind(api, list));
  router.add(Method::get, "/api/files/{sha256}", bind(api, show));
  router.add(Method::delete_, "/api/files/{sha256}", bind(api, remove));
}

}  // namespace dt::file::api
