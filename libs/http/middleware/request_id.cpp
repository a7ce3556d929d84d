#include "http/middleware/request_id.hpp"

#include <random>

namespace dt::http {

bool RequestId::acceptable(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    const bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

std::string RequestId::generate() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(32, '0');
  for (int half = 0; half < 2; ++half) {
    auto bits = rng();
    for (int i = 0; i < 16; ++i, bits >>= 4) id[static_cast<std::size_t>(half * 16 + i)] = kHex[bits & 0xF];
  }
  return id;
}

Awaitable<Response> RequestId::handle(Request& request, Next next) {
  const auto sent = request.header("X-Request-Id");
  request.request_id = acceptable(sent) ? std::string(sent) : generate();
  Response response = co_await next(request);
  response.headers.set("X-Request-Id", request.request_id);
  co_return response;
}

}  // namespace dt::http
