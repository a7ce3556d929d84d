// S3Client against the real local object store (infra/seaweedfs.sh; DT_S3_URL, DT_S3_ACCESS_KEY and
// DT_S3_SECRET_KEY from infra/env.sh). Every test works under a prefix of its own and removes what it wrote.
#include "storage/s3_client.hpp"

#include <gtest/gtest.h>

#include <curl/curl.h>

#include <boost/asio/io_context.hpp>

#include <mutex>
#include <random>

#include "async/test_support/run_blocking.hpp"
#include "digest/digest.hpp"
#include "testing/environment.hpp"

namespace {

using dt::testing::required_env;
using namespace dt::storage;
using dt::Awaitable;

// Named strings, never literals, as co_await arguments (a GCC 12 bug with temporaries there).
const std::string kPrivate = "drivetest-private";
const std::string kMedia = "drivetest-media";
const std::string kPng = "image/png";
const std::string kText = "text/plain";
const std::string kMp4 = "video/mp4";

S3Options local_store() {
  S3Options options;
  options.endpoint = required_env("DT_S3_URL");
  options.access_key = required_env("DT_S3_ACCESS_KEY");
  options.secret_key = required_env("DT_S3_SECRET_KEY");
  options.threads = 2;
  return options;
}

std::string random_prefix() {
  std::random_device rd;
  return "dt-test/storage-" + std::to_string(rd()) + "/";
}

std::string bytes(std::size_t size, unsigned seed) {
  std::mt19937 generator(seed);
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(generator());
  return out;
}

template <class F>
void run(F body) {
  boost::asio::io_context io;
  dt::async::testing::run_blocking(io, std::move(body));
}

struct Fetched {
  long status = 0;
  std::string body;
};

// A plain GET, as a browser would do it: no credentials.
Fetched fetch(const std::string& url) {
  Fetched out;
  CURL* curl = curl_easy_init();
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &out.body);
  curl_easy_setopt(
      curl, CURLOPT_WRITEFUNCTION, +[](char* data, std::size_t size, std::size_t n, void* user) {
        static_cast<std::string*>(user)->append(data, size * n);
        return size * n;
      });
  curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &out.status);
  curl_easy_cleanup(curl);
  return out;
}

class S3ClientTest : public ::testing::Test {
 protected:
  void TearDown() override {
    run([&]() -> Awaitable<void> {
      const std::vector<std::string> buckets{kPrivate, kMedia};
      for (const auto& bucket : buckets) {
        const auto keys = co_await client.list_keys(bucket, prefix);
        for (const auto& key : keys) co_await client.delete_object(bucket, key);
      }
    });
  }

  Awaitable<std::string> read_all(const std::string& bucket, const std::string& key) {
    std::string out;
    std::mutex mutex;
    co_await client.get_object(bucket, key, [&](std::string_view piece) {
      std::lock_guard lock(mutex);
      out.append(piece);
    });
    co_return out;
  }

  S3Client client{local_store()};
  std::string prefix = random_prefix();
};

TEST_F(S3ClientTest, PutHeadGetListDelete) {
  run([&]() -> Awaitable<void> {
    const auto key = prefix + "one";
    const auto data = bytes(100'000, 1);
    const auto etag = co_await client.put_object(kPrivate, key, data, kPng);
    EXPECT_FALSE(etag.empty());
    const auto info = co_await client.head_object(kPrivate, key);
    EXPECT_TRUE(info.has_value());
    EXPECT_EQ(info->size, data.size());
    EXPECT_EQ(info->content_type, "image/png");
    const auto read = co_await read_all(kPrivate, key);
    EXPECT_EQ(read, data);
    const auto keys = co_await client.list_keys(kPrivate, prefix);
    EXPECT_EQ(keys, std::vector<std::string>{key});
    co_await client.delete_object(kPrivate, key);
    const auto gone = co_await client.head_object(kPrivate, key);
    EXPECT_FALSE(gone.has_value());
    co_await client.delete_object(kPrivate, key);  // deleting what is gone succeeds
  });
}

TEST_F(S3ClientTest, KeysAreEncodedTheWaySigV4SignsThem) {
  run([&]() -> Awaitable<void> {
    const auto key = prefix + "a b/đường+(1)~.png";
    const std::string data = "x";
    co_await client.put_object(kPrivate, key, data, kText);
    const auto read = co_await read_all(kPrivate, key);
    EXPECT_EQ(read, "x");
    const auto under = prefix + "a b/";
    const auto keys = co_await client.list_keys(kPrivate, under);
    EXPECT_EQ(keys, std::vector<std::string>{key});
  });
}

TEST_F(S3ClientTest, MultipartUploadThenServerSideCopy) {
  run([&]() -> Awaitable<void> {
    const auto key = prefix + "big";
    const auto first = bytes(5 * 1024 * 1024, 2);
    const auto second = bytes(1234, 3);
    const auto id = co_await client.create_multipart(kPrivate, key, kMp4);
    std::vector<CompletedPart> parts(2);
    parts[0].number = 1;
    parts[0].etag = co_await client.upload_part(kPrivate, key, id, 1, first);
    parts[1].number = 2;
    parts[1].etag = co_await client.upload_part(kPrivate, key, id, 2, second);
    co_await client.complete_multipart(kPrivate, key, id, parts);
    const auto info = co_await client.head_object(kPrivate, key);
    EXPECT_TRUE(info.has_value());
    EXPECT_EQ(info->size, first.size() + second.size());
    EXPECT_EQ(info->content_type, "video/mp4");
    const auto whole = co_await read_all(kPrivate, key);
    EXPECT_EQ(dt::digest::sha256_hex(whole), dt::digest::sha256_hex(first + second));

    const auto copy = prefix + "copy";
    co_await client.copy_object(kPrivate, key, kMedia, copy);
    const auto copied = co_await client.head_object(kMedia, copy);
    EXPECT_TRUE(copied.has_value());
    EXPECT_EQ(copied->content_type, "video/mp4");
    const auto copied_bytes = co_await read_all(kMedia, copy);
    EXPECT_EQ(dt::digest::sha256_hex(copied_bytes), dt::digest::sha256_hex(first + second));
  });
}

TEST_F(S3ClientTest, AnAbortedMultipartUploadLeavesNoObject) {
  run([&]() -> Awaitable<void> {
    const auto key = prefix + "aborted";
    const auto id = co_await client.create_multipart(kPrivate, key, kPng);
    const auto part = bytes(5 * 1024 * 1024, 4);
    co_await client.upload_part(kPrivate, key, id, 1, part);
    co_await client.abort_multipart(kPrivate, key, id);
    const auto info = co_await client.head_object(kPrivate, key);
    EXPECT_FALSE(info.has_value());
    const auto keys = co_await client.list_keys(kPrivate, prefix);
    EXPECT_TRUE(keys.empty());
  });
}

TEST_F(S3ClientTest, PrivateObjectsNeedAPresignedUrlAndMediaArePublic) {
  const auto key = prefix + "secret";
  run([&]() -> Awaitable<void> {
    const std::string private_bytes = "private bytes";
    const std::string public_bytes = "public bytes";
    co_await client.put_object(kPrivate, key, private_bytes, kText);
    co_await client.put_object(kMedia, key, public_bytes, kText);
  });
  EXPECT_EQ(fetch(client.object_url(kPrivate, key)).status, 403);
  const auto presigned = client.presign_get(kPrivate, key, std::chrono::seconds(60));
  const auto good = fetch(presigned);
  EXPECT_EQ(good.status, 200);
  EXPECT_EQ(good.body, "private bytes");
  auto tampered = presigned;
  tampered.back() = tampered.back() == '0' ? '1' : '0';
  EXPECT_EQ(fetch(tampered).status, 403);
  const auto media = fetch(client.object_url(kMedia, key));
  EXPECT_EQ(media.status, 200);
  EXPECT_EQ(media.body, "public bytes");
  EXPECT_EQ(fetch(local_store().endpoint + "/" + kMedia + "?list-type=2").status, 403) << "nobody lists media";
}

TEST_F(S3ClientTest, ABucketThatExistsIsReady) {
  run([&]() -> Awaitable<void> { co_await client.head_bucket(kPrivate); });
}

TEST(S3ClientFailure, AnUnreachableStoreIsUnavailable) {
  auto options = local_store();
  options.endpoint = "http://127.0.0.1:1";
  S3Client client(options);
  try {
    run([&]() -> Awaitable<void> {
      const std::string key = "x";
      co_await client.put_object(kPrivate, key, key, kText);
    });
    FAIL() << "no error";
  } catch (const StorageError& e) {
    EXPECT_TRUE(e.unavailable()) << e.what();
    EXPECT_EQ(e.status(), 0);
  }
}

TEST(S3ClientFailure, AWrongSecretIsRefusedNotUnavailable) {
  auto options = local_store();
  options.secret_key += "x";
  S3Client client(options);
  try {
    run([&]() -> Awaitable<void> { co_await client.head_bucket(kPrivate); });
    FAIL() << "no error";
  } catch (const StorageError& e) {
    EXPECT_FALSE(e.unavailable()) << e.what();
    EXPECT_EQ(e.status(), 403);
  }
}

}  // namespace
