// The admin's media route: which published questions show a media key. Read-only; the File service asks it
// (with the admin's own token) before deleting an object, and refuses while the answer is not empty.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "catalog/api/admin_routes.hpp"
#include "catalog/store/catalog_store.hpp"
#include "errors/problem.hpp"
#include "http/json_response.hpp"

namespace dt::catalog::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

constexpr std::size_t kMaxKeyLength = 1000;  // as a question's media key (io/question_json.cpp)

Awaitable<Response> media_references(CatalogApi& api, Request& request, std::string) {
  std::string key = request.param("key");
  if (key.size() > kMaxKeyLength) {
    throw Problem::invalid_field("key", "must be at most " + std::to_string(kMaxKeyLength) + " bytes");
  }
  const auto ids = co_await api.store.questions_showing_media(key);
  boost::json::array questions;
  for (const QuestionId id : ids) questions.push_back(id);
  co_return http::json_response(200, boost::json::object{{"key", key}, {"questions", std::move(questions)}});
}

}  // namespace

void add_admin_media_routes(http::Router& router, CatalogApi& api) {
  router.add(Method::get, "/api/catalog/admin/media-references/{key}", admin_only(api, media_references));
}

}  // namespace dt::catalog::api
