#include "health/health.hpp"

#include <boost/json/object.hpp>

#include "async/timeout.hpp"
#include "http/json_response.hpp"

namespace dt::health {

void Health::add_check(std::string name, Check check, std::chrono::milliseconds timeout) {
  checks_.push_back({std::move(name), std::move(check), timeout});
}

void Health::add_routes(http::Router& router) {
  router.add(http::Method::get, "/health/live", [](http::Request&) -> Awaitable<http::Response> {
    co_return http::Response::json_text(200, R"({"status":"live"})");
  });
  router.add(http::Method::get, "/health/ready",
             [this](http::Request&) -> Awaitable<http::Response> { return ready(); });
}

Awaitable<http::Response> Health::ready() const {
  boost::json::object checks;
  bool all_up = true;
  for (const auto& entry : checks_) {
    boost::json::object state;
    bool up = false;
    try {
      up = co_await async::with_timeout(entry.check(), entry.timeout, "health check '" + entry.name + "'");
    } catch (const std::exception& e) {
      state["error"] = e.what();
    }
    state["status"] = up ? "up" : "down";
    checks[entry.name] = std::move(state);
    all_up = all_up && up;
  }
  const bool draining = draining_.load();
  boost::json::object body;
  body["status"] = draining ? "draining" : (all_up ? "ready" : "not_ready");
  body["checks"] = std::move(checks);
  co_return http::json_response(all_up && !draining ? 200 : 503, body);
}

}  // namespace dt::health
