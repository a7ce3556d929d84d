#pragma once
// SigV4 query-string signing (presigned URLs) and the URI encoding S3 signs with. Requests themselves are signed
// by libcurl (CURLOPT_AWS_SIGV4); libcurl cannot presign a URL for someone else to use, so this is our own code,
// for that alone, following AWS's "Authenticating Requests: Using Query Parameters" and checked against its
// documented example (sigv4_test.cpp).
#include <chrono>
#include <string>
#include <string_view>

namespace dt::storage {

// RFC 3986 percent-encoding as SigV4 wants it: unreserved characters (A-Z a-z 0-9 - _ . ~) stay, every other
// byte becomes %XX (upper-case hex); '/' stays when keep_slash (object keys in paths).
std::string uri_encode(std::string_view text, bool keep_slash);

struct PresignRequest {
  std::string method = "GET";
  std::string base_url;  // scheme://host[:port] the URL starts with, e.g. "http://127.0.0.1:28333"
  std::string path;      // already encoded, e.g. "/drivetest-private/ab12..."
  std::string region;
  std::string access_key;
  std::string secret_key;
  std::chrono::system_clock::time_point now;
  std::chrono::seconds expires{900};  // AWS accepts 1 s to 7 days
};

// base_url + path + the X-Amz-* query (UNSIGNED-PAYLOAD, signed header: host). The Host is base_url's authority.
std::string presign(const PresignRequest& request);

// "20130524T000000Z"
std::string amz_date(std::chrono::system_clock::time_point time);

}  // namespace dt::storage
