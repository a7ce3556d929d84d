#include "notification/api/admin_routes.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include <charconv>

#include "errors/problem.hpp"
#include "http/json_response.hpp"
#include "http/require_principal.hpp"

namespace dt::notification::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

boost::json::value time_or_null(const std::string& time) {
  if (time.empty()) return nullptr;
  return boost::json::value(time);
}

boost::json::object notification_json(const store::NotificationView& n) {
  return {{"event_id", n.event_id},
          {"event_type", n.event_type},
          {"kind", n.kind},
          {"user_id", n.user_id},
          {"email", n.email},
          {"language", n.language},
          {"status", n.status},
          {"attempts", n.attempts},
          {"redrives", n.redrives},
          {"last_error", n.last_error},
          {"event_time", n.event_time},
          {"created_at", n.created_at},
          {"updated_at", n.updated_at},
          {"sent_at", time_or_null(n.sent_at)},
          {"next_attempt_at", time_or_null(n.next_attempt_at)}};
}

int number_param(const Request& request, std::string_view name, int fallback, int max) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return fallback;
  int value = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (error != std::errc{} || end != text->data() + text->size() || value < 1 || value > max) {
    throw Problem::invalid_field(std::string(name), "must be a whole number from 1 to " + std::to_string(max));
  }
  return value;
}

store::NotificationFilter filter_of(const Request& request) {
  store::NotificationFilter filter;
  if (auto status = request.query_param("status"); status && !status->empty()) {
    filter.status = domain::parse_status(*status);
    if (!filter.status) throw Problem::invalid_field("status", "must be queued, failed, sent, dead or skipped");
  }
  if (auto user = request.query_param("user_id"); user && !user->empty()) filter.user_id = std::move(*user);
  filter.page = number_param(request, "page", 1, 1'000'000);
  filter.size = number_param(request, "size", 50, store::kMaxPageSize);
  return filter;
}

Awaitable<Response> list(NotificationApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto filter = filter_of(request);
  const auto page = co_await api.store.list(filter);
  boost::json::array items;
  for (const auto& n : page.items) items.push_back(notification_json(n));
  const boost::json::object out{
      {"items", std::move(items)}, {"total", page.total}, {"page", filter.page}, {"size", filter.size}};
  co_return http::json_response(200, out);
}

Awaitable<Response> show(NotificationApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto& event_id = request.param("event_id");
  const auto found = co_await api.store.find(event_id);
  if (!found) throw Problem::not_found("there is no notification for the event '" + event_id + "'");
  co_return http::json_response(200, notification_json(*found));
}

Awaitable<Response> redrive(NotificationApi& api, Request& request) {
  http::require_role(request, "admin");
  const auto& event_id = request.param("event_id");
  switch (co_await api.store.redrive(event_id)) {
    case store::RedriveOutcome::requeued:
      break;
    case store::RedriveOutcome::not_found:
      throw Problem::not_found("there is no notification for the event '" + event_id + "'");
    case store::RedriveOutcome::not_dead: {
      const auto current = co_await api.store.find(event_id);
      throw Problem::conflict("the notification for the event '" + event_id + "' is " +
                              (current ? current->status : std::string("gone")) + ": only dead ones are re-driven");
    }
  }
  api.dispatcher.wake();
  const boost::json::object out{{"event_id", event_id}, {"status", "queued"}};
  co_return http::json_response(202, out);
}

}  // namespace

void add_admin_routes(http::Router& router, NotificationApi& api) {
  router.add(Method::get, "/api/notification/admin/notifications",
             [&api](Request& request) { return list(api, request); });
  router.add(Method::get, "/api/notification/admin/notifications/{event_id}",
             [&api](Request& request) { return show(api, request); });
  router.add(Method::post, "/api/notification/admin/dead-letters/{event_id}/redrive",
             [&api](Request& request) { return redrive(api, request); });
}

}  // namespace dt::notification::api
