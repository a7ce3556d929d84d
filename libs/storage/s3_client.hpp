#pragma once
// S3Client: the operations the project needs on an S3-compatible object store, as coroutines. Each request
// is a blocking libcurl transfer on one of the client's worker threads (S3Options::threads); the awaiting
// coroutine resumes on its own executor. Requests are signed with SigV4 by libcurl; presigned URLs by sigv4.hpp.
// Path-style URLs: <endpoint>/<bucket>/<key>, keys percent-encoded (uri_encode, '/' kept).
//
// Failures throw StorageError: unavailable() for no answer, a timeout or a 5xx; otherwise the status and the S3
// error code of the refusal.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "async/awaitable.hpp"
#include "storage/s3_options.hpp"
#include "storage/storage_error.hpp"

namespace dt::storage {

struct ObjectInfo {
  std::uint64_t size = 0;
  std::string content_type;
  std::string etag;
};

struct CompletedPart {
  int number = 0;    // 1..10000
  std::string etag;  // as UploadPart returned it
};

class S3Client {
 public:
  explicit S3Client(S3Options options);
  // Waits for transfers in flight (each bounded by request_timeout).
  ~S3Client();
  S3Client(const S3Client&) = delete;
  S3Client& operator=(const S3Client&) = delete;

  const S3Options& options() const { return options_; }

  // PutObject in one request; returns the ETag. For bodies up to 5 GiB (use multipart above a few MiB).
  Awaitable<std::string> put_object(const std::string& bucket, const std::string& key, std::string_view data,
                                    const std::string& content_type);

  // Multipart upload: create -> upload_part (each part but the last at least 5 MiB) -> complete, or abort.
  Awaitable<std::string> create_multipart(const std::string& bucket, const std::string& key,
                                          const std::string& content_type);
  Awaitable<std::string> upload_part(const std::string& bucket, const std::string& key, const std::string& upload_id,
                                     int part_number, std::string_view data);
  Awaitable<void> complete_multipart(const std::string& bucket, const std::string& key, const std::string& upload_id,
                                     const std::vector<CompletedPart>& parts);
  Awaitable<void> abort_multipart(const std::string& bucket, const std::string& key, const std::string& upload_id);

  // Server-side CopyObject (content type and metadata copied), up to 5 GiB.
  Awaitable<void> copy_object(const std::string& from_bucket, const std::string& from_key, const std::string& bucket,
                              const std::string& key);

  // HeadObject; nullopt when there is no such object.
  Awaitable<std::optional<ObjectInfo>> head_object(const std::string& bucket, const std::string& key);
  // GetObject, its body handed to `sink` piece by piece as it arrives (on a worker thread: the sink must not
  // touch the caller's state unsynchronised; it runs while the caller is suspended). 404 throws StorageError.
  Awaitable<ObjectInfo> get_object(const std::string& bucket, const std::string& key,
                                   std::function<void(std::string_view)> sink);
  // DeleteObject; deleting a missing object succeeds (as S3 does).
  Awaitable<void> delete_object(const std::string& bucket, const std::string& key);
  // ListObjectsV2: every key under prefix (all pages).
  Awaitable<std::vector<std::string>> list_keys(const std::string& bucket, const std::string& prefix);
  // HeadBucket: returns when the bucket exists and the credentials may use it (readiness checks).
  Awaitable<void> head_bucket(const std::string& bucket);

  // <public endpoint>/<bucket>/<key>: where anyone reads an object of a public bucket.
  std::string object_url(const std::string& bucket, const std::string& key) const;
  // A GET URL for a private object, valid for `expires` from now (SigV4 query signing).
  std::string presign_get(const std::string& bucket, const std::string& key, std::chrono::seconds expires) const;

 private:
  struct Impl;
  S3Options options_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::storage
