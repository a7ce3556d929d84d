#include "file/api/test_support/file_harness.hpp"

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "async/test_support/run_blocking.hpp"
#include "auth/test_support/jwks_server.hpp"
#include "auth/test_support/token_factory.hpp"
#include "db/database.hpp"
#include "file/file_service.hpp"
#include "http/test_support/test_server.hpp"
#include "log/log.hpp"
#include "service/service.hpp"
#include "storage/s3_client.hpp"
#include "testing/environment.hpp"

namespace dt::file::testing {
namespace {

using dt::testing::required_env;
using dt::testing::unique_name;
template <class F>
void run_on_io(F task) {
  boost::asio::io_context io;
  async::testing::run_blocking(io, std::move(task));
}

const std::vector<std::string> kBuckets = {"drivetest-media", "drivetest-private"};

}  // namespace

std::string form_body(const std::string& file_bytes, const std::string& filename, const std::string& content_type) {
  return "--" + kBoundary + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nuploaded by a test\r\n--" +
         kBoundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename +
         "\"\r\nContent-Type: " + content_type + "\r\n\r\n" + file_bytes + "\r\n--" + kBoundary + "--\r\n";
}

struct FileHarness::Impl {
  std::string pg_url = required_env("DT_PG_URL");
  std::string s3_url = required_env("DT_S3_URL");
  std::string access_key = required_env("DT_S3_ACCESS_KEY");
  std::string secret_key = required_env("DT_S3_SECRET_KEY");
  std::string schema = unique_name("files_t");
  std::string prefix = unique_name("dt-test/file-") + "/";
  auth::testing::TokenFactory tokens;
  auth::testing::JwksServer jwks{tokens.jwks()};
  mutable std::mutex mutex;
  std::map<std::string, std::vector<std::int64_t>> references;
  std::string last_authorization;
  std::unique_ptr<http::testing::TestServer> catalog;
  std::unique_ptr<service::Service> service;
  std::thread thread;

  http::Router catalog_routes() {
    http::Router router;
    router.add(http::Method::get, "/api/catalog/admin/media-references/{key}",
               [this](http::Request& request) -> Awaitable<http::Response> {
                 boost::json::array ids;
                 {
                   std::lock_guard lock(mutex);
                   last_authorization = std::string(request.header("Authorization"));
                   for (const auto id : references[request.param("key")]) ids.push_back(id);
                 }
                 boost::json::object body{{"key", request.param("key")}, {"questions", std::move(ids)}};
                 co_return http::Response::json_text(200, boost::json::serialize(body));
               });
    return router;
  }

  storage::S3Options s3_options() const {
    storage::S3Options options;
    options.endpoint = s3_url;
    options.access_key = access_key;
    options.secret_key = secret_key;
    options.threads = 1;
    return options;
  }

  template <class F>
  void with_db(F body) {
    run_on_io([&]() -> Awaitable<void> {
      db::PoolOptions options;
      options.url = pg_url;
      db::Database db(co_await boost::asio::this_coro::executor, options);
      co_await body(db);
    });
  }

  void cleanup() {
    storage::S3Client s3(s3_options());
    run_on_io([&]() -> Awaitable<void> {
      for (const auto& bucket : kBuckets) {
        const auto keys = co_await s3.list_keys(bucket, prefix);
        for (const auto& key : keys) co_await s3.delete_object(bucket, key);
      }
    });
    with_db([&](db::Database& db) -> Awaitable<void> {
      co_await db.query("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    });
  }
};

FileHarness::FileHarness(HarnessOptions options) : impl_(std::make_unique<Impl>()) {
  log::init({.service = "file-test", .level = log::Level::warn});
  impl_->catalog = std::make_unique<http::testing::TestServer>(impl_->catalog_routes());
  service::ServiceSettings settings;
  settings.name = "file";
  settings.threads = 2;
  settings.http.port = 0;
  impl_->service = std::make_unique<service::Service>(settings);
  const std::string closed_port = "http://127.0.0.1:1";
  std::map<std::string, std::string> vars{
      {"DT_PG_URL", impl_->pg_url},
      {"DT_FILES_SCHEMA", impl_->schema},
      {"DT_FILES_KEY_PREFIX", impl_->prefix},
      {"DT_S3_URL", options.storage_down ? closed_port : impl_->s3_url},
      {"DT_S3_ACCESS_KEY", impl_->access_key},
      {"DT_S3_SECRET_KEY", impl_->secret_key},
      {"DT_S3_TIMEOUT_MS", "10000"},
      {"DT_CATALOG_URL",
       options.catalog_down ? closed_port : "http://127.0.0.1:" + std::to_string(impl_->catalog->port())},
      {"DT_AUTH_JWKS_URL", impl_->jwks.url()}};
  if (options.max_bytes) vars["DT_FILES_MAX_BYTES"] = std::to_string(*options.max_bytes);
  config::EnvConfig env([vars](const std::string& name) -> std::optional<std::string> {
    auto it = vars.find(name);
    if (it == vars.end()) return std::nullopt;
    return it->second;
  });
  wire_file(*impl_->service, env);
  impl_->thread = std::thread([this] { impl_->service->run(); });
  for (int i = 0; i < 500 && impl_->service->port() == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  if (impl_->service->port() == 0) throw std::runtime_error("the file service did not start listening");
}

FileHarness::~FileHarness() {
  impl_->service->stop();
  impl_->thread.join();
  impl_->service.reset();
  try {
    impl_->cleanup();
  } catch (const std::exception& e) {
    log::warn("file harness cleanup failed", {{"error", e.what()}});
  }
}

std::uint16_t FileHarness::port() const { return impl_->service->port(); }
const std::string& FileHarness::key_prefix() const { return impl_->prefix; }

std::string FileHarness::token(bool admin) const {
  return impl_->tokens.token_for(
      "user-" + std::string(admin ? "admin" : "learner"),
      admin ? std::vector<std::string>{"learner", "admin"} : std::vector<std::string>{"learner"});
}

Reply FileHarness::call(const std::string& method, const std::string& target, const std::string& body,
                        const std::string& token, const std::string& extra_headers) {
  std::string headers = extra_headers;
  if (!token.empty()) headers += "Authorization: Bearer " + token + "\r\n";
  return http::testing::json_call(port(), method, target, body, headers);
}

Reply FileHarness::upload_form(const std::string& bytes, const std::string& visibility, const std::string& filename,
                               const std::string& content_type) {
  return call("POST", "/api/files?visibility=" + visibility, form_body(bytes, filename, content_type), token(),
              "Content-Type: multipart/form-data; boundary=" + kBoundary + "\r\n");
}

Reply FileHarness::upload_raw(const std::string& bytes, const std::string& visibility, const std::string& name,
                              const std::string& content_type) {
  return call("POST", "/api/files?visibility=" + visibility + "&name=" + name, bytes, token(),
              "Content-Type: " + content_type + "\r\n");
}

std::vector<std::string> FileHarness::stored_keys() {
  storage::S3Client s3(impl_->s3_options());
  std::vector<std::string> all;
  run_on_io([&]() -> Awaitable<void> {
    for (const auto& bucket : kBuckets) {
      const auto keys = co_await s3.list_keys(bucket, impl_->prefix);
      for (const auto& key : keys) all.push_back(bucket + "/" + key);
    }
  });
  return all;
}

std::int64_t FileHarness::row_count() {
  std::int64_t count = 0;
  impl_->with_db([&](db::Database& db) -> Awaitable<void> {
    const auto rows = co_await db.query("SELECT count(*) FROM " + impl_->schema + ".objects");
    count = rows[0].get<std::int64_t>(0);
  });
  return count;
}

std::pair<long, std::string> FileHarness::download(const std::string& url) {
  std::pair<long, std::string> out;
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out.second);
  curl_easy_setopt(
      curl, CURLOPT_WRITEFUNCTION, +[](char* data, std::size_t size, std::size_t n, void* user) {
        static_cast<std::string*>(user)->append(data, size * n);
        return size * n;
      });
  curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out.first);
  curl_easy_cleanup(curl);
  return out;
}

void FileHarness::set_references(const std::string& key, std::vector<std::int64_t> question_ids) {
  std::lock_guard lock(impl_->mutex);
  impl_->references[key] = std::move(question_ids);
}

std::string FileHarness::catalog_authorization() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->last_authorization;
}

}  // namespace dt::file::testing
