#include "storage/sigv4.hpp"

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <array>
#include <ctime>
#include <stdexcept>

#include "digest/digest.hpp"

namespace dt::storage {
namespace {

using Mac = std::array<unsigned char, 32>;

Mac hmac_sha256(std::string_view key, std::string_view data) {
  Mac out{};
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(data.data()),
            data.size(), out.data(), &size) ||
      size != out.size()) {
    throw std::runtime_error("OpenSSL HMAC-SHA256 failed");
  }
  return out;
}

std::string_view view(const Mac& mac) { return {reinterpret_cast<const char*>(mac.data()), mac.size()}; }

// The authority of a base URL: "http://127.0.0.1:28333" -> "127.0.0.1:28333".
std::string host_of(std::string_view base_url) {
  const auto scheme = base_url.find("://");
  if (scheme == std::string_view::npos) throw std::invalid_argument("not a URL: " + std::string(base_url));
  auto rest = base_url.substr(scheme + 3);
  return std::string(rest.substr(0, rest.find('/')));
}

}  // namespace

std::string uri_encode(std::string_view text, bool keep_slash) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool unreserved = (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') ||
                            (byte >= '0' && byte <= '9') || c == '-' || c == '_' || c == '.' || c == '~';
    if (unreserved || (keep_slash && c == '/')) {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0xF];
    }
  }
  return out;
}

std::string amz_date(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  const auto n = std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
  return {buf, n};
}

std::string presign(const PresignRequest& r) {
  const std::string timestamp = amz_date(r.now);
  const std::string day = timestamp.substr(0, 8);
  const std::string scope = day + "/" + r.region + "/s3/aws4_request";
  // The query, its parameters in byte order of their names (they already are).
  const std::string query =
      "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + uri_encode(r.access_key + "/" + scope, false) +
      "&X-Amz-Date=" + timestamp + "&X-Amz-Expires=" + std::to_string(r.expires.count()) + "&X-Amz-SignedHeaders=host";
  const std::string canonical_request =
      r.method + "\n" + r.path + "\n" + query + "\nhost:" + host_of(r.base_url) + "\n\nhost\nUNSIGNED-PAYLOAD";
  const std::string string_to_sign =
      "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + digest::sha256_hex(canonical_request);
  const Mac date_key = hmac_sha256("AWS4" + r.secret_key, day);
  const Mac region_key = hmac_sha256(view(date_key), r.region);
  const Mac service_key = hmac_sha256(view(region_key), "s3");
  const Mac signing_key = hmac_sha256(view(service_key), "aws4_request");
  const Mac signature = hmac_sha256(view(signing_key), string_to_sign);
  return r.base_url + r.path + "?" + query + "&X-Amz-Signature=" + digest::to_hex(signature.data(), signature.size());
}

}  // namespace dt::storage
