#include "file/api/catalog_references.hpp"

#include <boost/json/parse.hpp>

#include "errors/problem.hpp"
#include "log/log.hpp"
#include "storage/sigv4.hpp"

namespace dt::file::api {
namespace {

Problem cannot_check(const std::string& why) {
  return Problem::unavailable("cannot check with the Catalog whether a published question shows this file (" + why +
                              "); nothing was deleted, retry shortly");
}

}  // namespace

Awaitable<std::vector<std::int64_t>> published_questions_showing(http::HttpClient& client, const FileSettings& settings,
                                                                 const http::Request& caller, std::string key) {
  http::ClientRequest request;
  request.timeout = settings.catalog_timeout;
  http::with_request_id(request, caller.request_id);
  if (const auto authorization = caller.header("Authorization"); !authorization.empty()) {
    request.headers.set("Authorization", std::string(authorization));
  }
  const std::string url =
      settings.catalog_url + "/api/catalog/admin/media-references/" + storage::uri_encode(key, false);
  http::ClientResponse response;
  try {
    response = co_await client.send(url, std::move(request));
  } catch (const http::ClientError& e) {
    log::warn("the Catalog is unreachable", {{"request_id", caller.request_id}, {"error", e.what()}});
    throw cannot_check("the Catalog is unreachable");
  }
  if (response.status != 200) {
    log::warn("the Catalog refused the media reference check",
              {{"request_id", caller.request_id}, {"status", response.status}});
    throw cannot_check("the Catalog answered HTTP " + std::to_string(response.status));
  }
  std::vector<std::int64_t> ids;
  try {
    const boost::json::value answer = boost::json::parse(response.body);
    for (const auto& id : answer.at("questions").as_array()) ids.push_back(id.as_int64());
  } catch (const std::exception&) {
    throw cannot_check("the Catalog's answer is not the expected document");
  }
  co_return ids;
}

}  // namespace dt::file::api
