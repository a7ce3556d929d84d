#pragma once
// One S3 HTTP request with libcurl, blocking, on the calling thread (a worker of S3Client), signed by libcurl's
// CURLOPT_AWS_SIGV4 with x-amz-content-sha256 set (AWS requires it and libcurl 7.88 does not send it by itself):
// the payload's SHA-256 for small bodies, UNSIGNED-PAYLOAD for object data. Each thread keeps its own easy
// handle, so connections are reused.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storage/s3_options.hpp"

namespace dt::storage::detail {

struct Transfer {
  std::string method;                          // GET, HEAD, PUT, POST, DELETE
  std::string url;                             // the query's parameters sorted by name, values encoded
  std::vector<std::string> headers;            // "Name: value"
  std::string_view body;                       // sent for PUT and POST (may be empty)
  std::function<void(std::string_view)> sink;  // a 2xx answer's body goes here instead of into the result
};

struct TransferResult {
  int status = 0;
  std::string body;  // the answer's body (XML documents, errors), at most 1 MiB of it
  std::string etag;  // the ETag header, quotes included
  std::string content_type;
  std::optional<std::uint64_t> content_length;
};

// Throws StorageError (status 0) when the store cannot be reached or does not answer in time; any HTTP answer,
// 4xx and 5xx included, is returned.
TransferResult perform(const S3Options& options, const Transfer& transfer);

// libcurl's global initialisation, once per process (thread-safe).
void init_curl();

}  // namespace dt::storage::detail
