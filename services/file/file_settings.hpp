#pragma once
// The File service's settings, from DT_* environment variables (docs/configuration.md lists them).
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "config/env_config.hpp"
#include "storage/s3_options.hpp"

namespace dt::file {

struct FileSettings {
  std::string public_bucket = "drivetest-media";     // question media: anyone may read its objects
  std::string private_bucket = "drivetest-private";  // everything else, and the staging of multipart uploads
  std::string key_prefix;                            // before every object key; tests use one of their own
  std::uint64_t max_bytes = 20 * 1024 * 1024;        // larger files get 413
  std::size_t part_size = 5 * 1024 * 1024;           // S3 multipart part size: the memory one upload holds
  int max_concurrent_uploads = 8;                    // more get 503 with Retry-After
  std::chrono::seconds presign_ttl{900};             // how long a private object's URL works
  std::string catalog_url = "http://127.0.0.1:28081";
  std::chrono::milliseconds catalog_timeout{3000};
};

// DT_FILES_PUBLIC_BUCKET, DT_FILES_PRIVATE_BUCKET, DT_FILES_KEY_PREFIX, DT_FILES_MAX_BYTES,
// DT_FILES_PART_SIZE_BYTES, DT_FILES_MAX_CONCURRENT_UPLOADS, DT_FILES_PRESIGN_SECONDS, DT_CATALOG_URL,
// DT_CATALOG_TIMEOUT_MS. Problems are recorded in env (env.check() reports them).
FileSettings read_file_settings(config::EnvConfig& env);

// DT_S3_URL, DT_S3_PUBLIC_URL, DT_S3_REGION, DT_S3_ACCESS_KEY, DT_S3_SECRET_KEY (both required),
// DT_S3_TIMEOUT_MS, DT_S3_THREADS.
storage::S3Options read_s3_options(config::EnvConfig& env);

}  // namespace dt::file
