#include "account/api/client_ip.hpp"

#include <boost/asio/ip/address.hpp>

#include <algorithm>

#include "account/domain/text.hpp"

namespace dt::account::api {

std::string client_ip(const http::Request& request, const std::vector<std::string>& trusted_proxies) {
  const bool trusted =
      std::find(trusted_proxies.begin(), trusted_proxies.end(), request.remote_ip) != trusted_proxies.end();
  const auto forwarded = request.header("X-Forwarded-For");
  if (trusted && !forwarded.empty()) {
    const auto comma = forwarded.rfind(',');
    const auto last = domain::trim(comma == std::string_view::npos ? forwarded : forwarded.substr(comma + 1));
    boost::system::error_code ec;
    const auto address = boost::asio::ip::make_address(std::string(last), ec);
    if (!ec) return address.to_string();
  }
  return request.remote_ip;
}

}  // namespace dt::account::api
