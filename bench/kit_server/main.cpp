// The kit's server with its whole middleware chain, answering a small fixed JSON body: the Foundation benchmark's
// subject (bench/http_vs_nginx.sh runs it side by side with nginx serving the same bytes).
#include "service/service.hpp"

int main() {
  return dt::service::run_main("kit-bench", 18080, [](dt::service::Service& service, dt::config::EnvConfig&) {
    service.router().add(
        dt::http::Method::get, "/bench/json", [](dt::http::Request&) -> dt::Awaitable<dt::http::Response> {
          co_return dt::http::Response::json_text(200, R"({"status":"ok","service":"drivetest","version":1})");
        });
  });
}
