#pragma once
// Where an S3-compatible object store is and how to sign for it. Plain S3 with SigV4 and path-style URLs
// (endpoint/bucket/key), so SeaweedFS (local), MinIO or AWS S3 all work by configuration.
#include <chrono>
#include <string>

namespace dt::storage {

struct S3Options {
  std::string endpoint = "http://127.0.0.1:28333";  // scheme://host[:port] the service talks to, no trailing '/'
  std::string public_endpoint;                      // what browsers reach (public and presigned URLs); empty: endpoint
  std::string region = "us-east-1";
  std::string access_key;
  std::string secret_key;
  std::chrono::milliseconds connect_timeout{2'000};
  std::chrono::milliseconds request_timeout{60'000};  // one whole S3 request (a 5 MiB part included)
  unsigned threads = 4;                               // workers running the blocking libcurl transfers
};

}  // namespace dt::storage
