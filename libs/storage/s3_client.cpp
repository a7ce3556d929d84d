#include "storage/s3_client.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "storage/detail/curl_transfer.hpp"
#include "storage/s3_xml.hpp"
#include "storage/sigv4.hpp"

namespace dt::storage {

namespace asio = boost::asio;
using detail::Transfer;
using detail::TransferResult;

namespace {

bool ok(const TransferResult& r) { return r.status >= 200 && r.status < 300; }

// The StorageError for an answer that is not a success, with S3's error code and message when it sent them.
[[noreturn]] void refuse(const std::string& what, const TransferResult& r) {
  const auto code = xml_text(r.body, "Code").value_or("");
  const auto message = xml_text(r.body, "Message").value_or("");
  std::string text = what + " answered HTTP " + std::to_string(r.status);
  if (!code.empty()) text += " " + code;
  if (!message.empty()) text += ": " + message;
  throw StorageError(text, r.status, code);
}

// CopyObject and CompleteMultipartUpload may fail after their 200 status line: the body is then an <Error>.
void check_embedded_error(const std::string& what, const TransferResult& r) {
  if (r.body.find("<Error>") != std::string::npos) {
    TransferResult failed = r;
    failed.status = 500;
    refuse(what, failed);
  }
}

std::string strip_slash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

struct S3Client::Impl {
  explicit Impl(unsigned threads) : pool(threads == 0 ? 1 : threads) {}
  ~Impl() { pool.join(); }

  // Runs the blocking `work` on a worker thread; the caller resumes on its own executor with the result or the
  // exception. `work` captures by reference only: its closure is made inside a co_await expression, where GCC 12
  // may destroy it twice (harmless only for trivially destructible captures).
  template <class F>
  auto run(F work) -> Awaitable<decltype(work())> {
    using Result = decltype(work());
    co_return co_await asio::co_spawn(
        pool, [work = std::move(work)]() -> Awaitable<Result> { co_return work(); }, asio::use_awaitable);
  }

  asio::thread_pool pool;
};

S3Client::S3Client(S3Options options) : options_(std::move(options)) {
  options_.endpoint = strip_slash(options_.endpoint);
  options_.public_endpoint =
      strip_slash(options_.public_endpoint.empty() ? options_.endpoint : options_.public_endpoint);
  detail::init_curl();
  impl_ = std::make_unique<Impl>(options_.threads);
}

S3Client::~S3Client() = default;

namespace {

std::string object_path(const std::string& bucket, const std::string& key) {
  return "/" + uri_encode(bucket, false) + "/" + uri_encode(key, true);
}

}  // namespace

Awaitable<std::string> S3Client::put_object(const std::string& bucket, const std::string& key, std::string_view data,
                                            const std::string& content_type) {
  co_return co_await impl_->run([&]() {
    Transfer t{"PUT", options_.endpoint + object_path(bucket, key), {"Content-Type: " + content_type}, data, {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r)) refuse("PutObject " + bucket + "/" + key, r);
    return r.etag;
  });
}

Awaitable<std::string> S3Client::create_multipart(const std::string& bucket, const std::string& key,
                                                  const std::string& content_type) {
  co_return co_await impl_->run([&]() {
    // "uploads=": the same query for S3, and libcurl 7.88 signs a parameter without '=' wrongly.
    Transfer t{
        "POST", options_.endpoint + object_path(bucket, key) + "?uploads=", {"Content-Type: " + content_type}, {}, {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r)) refuse("CreateMultipartUpload " + bucket + "/" + key, r);
    auto id = xml_text(r.body, "UploadId");
    if (!id || id->empty()) throw StorageError("CreateMultipartUpload answered no UploadId", r.status, "");
    return std::move(*id);
  });
}

Awaitable<std::string> S3Client::upload_part(const std::string& bucket, const std::string& key,
                                             const std::string& upload_id, int part_number, std::string_view data) {
  co_return co_await impl_->run([&]() {
    Transfer t{"PUT",
               options_.endpoint + object_path(bucket, key) + "?partNumber=" + std::to_string(part_number) +
                   "&uploadId=" + uri_encode(upload_id, false),
               {},
               data,
               {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r)) refuse("UploadPart " + std::to_string(part_number) + " of " + bucket + "/" + key, r);
    return r.etag;
  });
}

Awaitable<void> S3Client::complete_multipart(const std::string& bucket, const std::string& key,
                                             const std::string& upload_id, const std::vector<CompletedPart>& parts) {
  co_await impl_->run([&]() {
    std::string xml = "<CompleteMultipartUpload>";
    for (const auto& part : parts) {
      xml += "<Part><PartNumber>" + std::to_string(part.number) + "</PartNumber><ETag>" + xml_escape(part.etag) +
             "</ETag></Part>";
    }
    xml += "</CompleteMultipartUpload>";
    Transfer t{"POST",
               options_.endpoint + object_path(bucket, key) + "?uploadId=" + uri_encode(upload_id, false),
               {"Content-Type: application/xml"},
               xml,
               {}};
    const auto r = detail::perform(options_, t);
    const std::string what = "CompleteMultipartUpload " + bucket + "/" + key;
    if (!ok(r)) refuse(what, r);
    check_embedded_error(what, r);
  });
}

Awaitable<void> S3Client::abort_multipart(const std::string& bucket, const std::string& key,
                                          const std::string& upload_id) {
  co_await impl_->run([&]() {
    Transfer t{"DELETE",
               options_.endpoint + object_path(bucket, key) + "?uploadId=" + uri_encode(upload_id, false),
               {},
               {},
               {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r) && r.status != 404) refuse("AbortMultipartUpload " + bucket + "/" + key, r);
  });
}

Awaitable<void> S3Client::copy_object(const std::string& from_bucket, const std::string& from_key,
                                      const std::string& bucket, const std::string& key) {
  co_await impl_->run([&]() {
    Transfer t{"PUT",
               options_.endpoint + object_path(bucket, key),
               {"x-amz-copy-source: " + object_path(from_bucket, from_key), "x-amz-metadata-directive: COPY"},
               {},
               {}};
    const auto r = detail::perform(options_, t);
    const std::string what = "CopyObject " + from_bucket + "/" + from_key + " to " + bucket + "/" + key;
    if (!ok(r)) refuse(what, r);
    check_embedded_error(what, r);
  });
}

Awaitable<std::optional<ObjectInfo>> S3Client::head_object(const std::string& bucket, const std::string& key) {
  co_return co_await impl_->run([&]() -> std::optional<ObjectInfo> {
    Transfer t{"HEAD", options_.endpoint + object_path(bucket, key), {}, {}, {}};
    const auto r = detail::perform(options_, t);
    if (r.status == 404) return std::nullopt;
    if (!ok(r)) refuse("HeadObject " + bucket + "/" + key, r);
    return ObjectInfo{r.content_length.value_or(0), r.content_type, r.etag};
  });
}

Awaitable<ObjectInfo> S3Client::get_object(const std::string& bucket, const std::string& key,
                                           std::function<void(std::string_view)> sink) {
  co_return co_await impl_->run([&]() {
    Transfer t{"GET", options_.endpoint + object_path(bucket, key), {}, {}, sink};
    const auto r = detail::perform(options_, t);
    if (!ok(r)) refuse("GetObject " + bucket + "/" + key, r);
    return ObjectInfo{r.content_length.value_or(0), r.content_type, r.etag};
  });
}

Awaitable<void> S3Client::delete_object(const std::string& bucket, const std::string& key) {
  co_await impl_->run([&]() {
    Transfer t{"DELETE", options_.endpoint + object_path(bucket, key), {}, {}, {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r) && r.status != 404) refuse("DeleteObject " + bucket + "/" + key, r);
  });
}

Awaitable<std::vector<std::string>> S3Client::list_keys(const std::string& bucket, const std::string& prefix) {
  co_return co_await impl_->run([&]() {
    std::vector<std::string> keys;
    std::optional<std::string> token;
    do {
      // Query parameters in byte order of their names, as SigV4's canonical query has them.
      std::string query;
      if (token) query += "continuation-token=" + uri_encode(*token, false) + "&";
      query += "list-type=2&prefix=" + uri_encode(prefix, false);
      Transfer t{"GET", options_.endpoint + "/" + uri_encode(bucket, false) + "?" + query, {}, {}, {}};
      const auto r = detail::perform(options_, t);
      if (!ok(r)) refuse("ListObjectsV2 " + bucket + "/" + prefix, r);
      for (auto& key : xml_texts(r.body, "Key")) keys.push_back(std::move(key));
      token.reset();
      if (xml_text(r.body, "IsTruncated") == "true") token = xml_text(r.body, "NextContinuationToken");
    } while (token);
    return keys;
  });
}

Awaitable<void> S3Client::head_bucket(const std::string& bucket) {
  co_await impl_->run([&]() {
    Transfer t{"HEAD", options_.endpoint + "/" + uri_encode(bucket, false), {}, {}, {}};
    const auto r = detail::perform(options_, t);
    if (!ok(r)) refuse("HeadBucket " + bucket, r);
  });
}

std::string S3Client::object_url(const std::string& bucket, const std::string& key) const {
  return options_.public_endpoint + object_path(bucket, key);
}

std::string S3Client::presign_get(const std::string& bucket, const std::string& key,
                                  std::chrono::seconds expires) const {
  PresignRequest request;
  request.base_url = options_.public_endpoint;
  request.path = object_path(bucket, key);
  request.region = options_.region;
  request.access_key = options_.access_key;
  request.secret_key = options_.secret_key;
  request.now = std::chrono::system_clock::now();
  request.expires = expires;
  return presign(request);
}

}  // namespace dt::storage
