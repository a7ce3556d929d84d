#include "http/middleware/access_log.hpp"

#include <chrono>

#include "log/log.hpp"

namespace dt::http {

Awaitable<Response> AccessLog::handle(Request& request, Next next) {
  const auto start = std::chrono::steady_clock::now();
  Response response = co_await next(request);
  if (log::enabled(log::Level::info)) {
    const auto micros =
        std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start).count();
    log::info("request", {{"request_id", request.request_id},
                          {"method", request.method_text},
                          {"path", request.path},
                          {"route", request.route},
                          {"status", response.status},
                          {"duration_ms", static_cast<double>(micros) / 1000.0},
                          {"request_bytes", request.body.size()},
                          {"response_bytes", response.body.size()},
                          {"client", request.remote_ip}});
  }
  co_return response;
}

}  // namespace dt::http
