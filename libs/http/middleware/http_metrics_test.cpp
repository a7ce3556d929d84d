#include "http/middleware/http_metrics.hpp"

#include <gtest/gtest.h>

#include "http/test_support/run_pipeline.hpp"

namespace {

using namespace dt::http;

TEST(HttpMetrics, CountsByRouteAndStatusAndTimesRequests) {
  dt::metrics::Registry registry;
  auto pipeline =
      dt::http::testing::single(std::make_unique<HttpMetrics>(registry), [](Request& r) -> dt::Awaitable<Response> {
        r.route = "GET /api/x/{id}";
        co_return Response::text(r.path == "/api/x/1" ? 200 : 404, "");
      });
  for (const char* target : {"/api/x/1", "/api/x/1", "/api/x/2"}) {
    Request request;
    request.set_target(target);
    dt::http::testing::run_pipeline(pipeline, request);
  }
  const auto text = registry.render();
  EXPECT_NE(text.find("dt_http_requests_total{route=\"GET /api/x/{id}\",status=\"200\"} 2\n"), std::string::npos)
      << text;
  EXPECT_NE(text.find("dt_http_requests_total{route=\"GET /api/x/{id}\",status=\"404\"} 1\n"), std::string::npos);
  EXPECT_NE(text.find("dt_http_request_duration_seconds_count{route=\"GET /api/x/{id}\"} 3\n"), std::string::npos);
  EXPECT_NE(text.find("dt_http_requests_in_flight 0\n"), std::string::npos);
}

TEST(HttpMetrics, LabelsUnmatchedRequests) {
  dt::metrics::Registry registry;
  auto pipeline =
      dt::http::testing::single(std::make_unique<HttpMetrics>(registry),
                                [](Request&) -> dt::Awaitable<Response> { co_return Response::text(404, ""); });
  Request request;
  dt::http::testing::run_pipeline(pipeline, request);
  EXPECT_NE(registry.render().find("route=\"unmatched\",status=\"404\"} 1"), std::string::npos);
}

}  // namespace
