#include "http/detail/beast_message.hpp"

namespace dt::http::detail {

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

}  // namespace dt::http::detail
