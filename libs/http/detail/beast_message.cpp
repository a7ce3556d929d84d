#include "http/detail/beast_message.hpp"

#include <ctime>

namespace dt::http::detail {
namespace {

// The Date header (RFC 9110 section 6.6.1), formatted once per second per thread.
const std::string& http_date() {
  thread_local std::time_t cached_second = 0;
  thread_local std::string cached;
  const std::time_t now = std::time(nullptr);
  if (now != cached_second) {
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[64];
    const auto n = std::strftime(buf, sizeof buf, "%a, %d %b %Y %H:%M:%S GMT", &tm);
    cached.assign(buf, n);
    cached_second = now;
  }
  return cached;
}

}  // namespace

void to_request_head(const boost::beast::http::request_header<>& in, Request& out) {
  out.method_text = std::string(in.method_string());
  out.method = parse_method(out.method_text);
  out.set_target(std::string(in.target()));
  out.version = in.version();
  out.headers.reserve(8);
  for (const auto& field : in) out.headers.add(std::string(field.name_string()), std::string(field.value()));
}

void to_request(BeastRequest&& in, Request& out) {
  to_request_head(in, out);
  out.body = std::move(in.body());
}

BeastResponse to_beast(Response&& in, unsigned version, bool keep_alive, bool head) {
  BeastResponse out{static_cast<boost::beast::http::status>(in.status), version};
  for (auto& [name, value] : in.headers.entries()) out.insert(name, value);
  out.set(boost::beast::http::field::date, http_date());
  out.keep_alive(keep_alive);
  const auto length = in.body.size();
  out.body() = std::move(in.body);
  out.prepare_payload();
  if (head) {
    out.body().clear();
    out.content_length(length);
  }
  return out;
}

}  // namespace dt::http::detail
