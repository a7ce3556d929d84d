#include "file/file_settings.hpp"

namespace dt::file {

FileSettings read_file_settings(config::EnvConfig& env) {
  constexpr std::int64_t kMiB = 1024 * 1024;
  FileSettings s;
  s.public_bucket = env.string("DT_FILES_PUBLIC_BUCKET", s.public_bucket);
  s.private_bucket = env.string("DT_FILES_PRIVATE_BUCKET", s.private_bucket);
  s.key_prefix = env.string("DT_FILES_KEY_PREFIX", s.key_prefix);
  s.max_bytes = static_cast<std::uint64_t>(
      env.integer("DT_FILES_MAX_BYTES", static_cast<std::int64_t>(s.max_bytes), {.min = 1, .max = 5 * 1024 * kMiB}));
  // S3 wants every part but the last to be at least 5 MiB.
  s.part_size = static_cast<std::size_t>(env.integer("DT_FILES_PART_SIZE_BYTES", static_cast<std::int64_t>(s.part_size),
                                                     {.min = 5 * kMiB, .max = 512 * kMiB}));
  s.max_concurrent_uploads = static_cast<int>(
      env.integer("DT_FILES_MAX_CONCURRENT_UPLOADS", s.max_concurrent_uploads, {.min = 1, .max = 1000}));
  s.presign_ttl = std::chrono::seconds(
      env.integer("DT_FILES_PRESIGN_SECONDS", s.presign_ttl.count(), {.min = 1, .max = 7 * 24 * 3600}));
  s.catalog_url = env.string("DT_CATALOG_URL", s.catalog_url);
  s.catalog_timeout = env.millis("DT_CATALOG_TIMEOUT_MS", s.catalog_timeout, {.min = 100, .max = 60'000});
  return s;
}

storage::S3Options read_s3_options(config::EnvConfig& env) {
  storage::S3Options o;
  o.endpoint = env.string("DT_S3_URL", o.endpoint);
  o.public_endpoint = env.string("DT_S3_PUBLIC_URL", o.endpoint);
  o.region = env.string("DT_S3_REGION", o.region);
  o.access_key = env.required_string("DT_S3_ACCESS_KEY");
  o.secret_key = env.required_string("DT_S3_SECRET_KEY");
  o.request_timeout = env.millis("DT_S3_TIMEOUT_MS", o.request_timeout, {.min = 100, .max = 600'000});
  o.threads = static_cast<unsigned>(env.integer("DT_S3_THREADS", o.threads, {.min = 1, .max = 64}));
  return o;
}

}  // namespace dt::file
