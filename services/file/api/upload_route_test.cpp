// POST /api/files over HTTP against the real PostgreSQL and object store: byte-exact round trips (1 MiB and
// 20 MiB), a duplicate stored once, the type read from the bytes, truncated bodies, the size limit, the object
// store down, and who may upload.
#include <gtest/gtest.h>

#include <random>

#include "digest/digest.hpp"
#include "file/api/test_support/file_harness.hpp"
#include "file/domain/media_samples.hpp"
#include "http/test_support/raw_client.hpp"

namespace {

using dt::file::testing::FileHarness;
using dt::file::testing::form_body;
using dt::file::testing::HarnessOptions;
using dt::file::testing::kBoundary;
using dt::file::testing::Reply;
namespace samples = dt::file::testing;

constexpr std::size_t kMiB = 1024 * 1024;

// `size` bytes of a PNG: a real header (width x height), then random bytes (seeded: the same seed, the same file).
std::string png(std::size_t size, unsigned seed, std::uint32_t width = 640, std::uint32_t height = 480) {
  std::string out = samples::png_head(width, height);
  std::mt19937_64 generator(seed);
  out.reserve(size);
  while (out.size() < size) {
    const auto v = generator();
    out.append(reinterpret_cast<const char*>(&v), std::min(sizeof v, size - out.size()));
  }
  return out;
}

std::string key_of(const FileHarness& h, const Reply& r) {
  return h.key_prefix() + std::string(r.body.at("sha256").as_string());
}

class UploadRoute : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { harness_ = new FileHarness(); }
  static void TearDownTestSuite() { delete harness_; }
  static FileHarness& h() { return *harness_; }
  static inline FileHarness* harness_ = nullptr;
};

TEST_F(UploadRoute, ASmallPublicImageRoundTripsByteExactAndIsReadableByAnyone) {
  const auto bytes = png(1 * kMiB, 1, 800, 600);
  const auto r = h().upload_form(bytes, "public", "bien-bao.png", "image/png");
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body.at("sha256").as_string(), dt::digest::sha256_hex(bytes));
  EXPECT_EQ(r.body.at("type").as_string(), "image/png");
  EXPECT_EQ(r.body.at("kind").as_string(), "image");
  EXPECT_EQ(r.body.at("size").as_int64(), static_cast<std::int64_t>(bytes.size()));
  EXPECT_EQ(r.body.at("width").as_int64(), 800);
  EXPECT_EQ(r.body.at("height").as_int64(), 600);
  EXPECT_EQ(r.body.at("name").as_string(), "bien-bao.png");
  EXPECT_EQ(r.body.at("uploaded_by").as_string(), "user-admin");
  EXPECT_TRUE(r.body.at("created").as_bool());
  EXPECT_EQ(r.header("location"), "/api/files/" + dt::digest::sha256_hex(bytes));
  const auto [status, downloaded] = h().download(std::string(r.body.at("url").as_string()));
  EXPECT_EQ(status, 200);
  EXPECT_TRUE(downloaded == bytes) << "the object store gives back other bytes";
}

TEST_F(UploadRoute, ATwentyMebibytePrivateFileRoundTripsThroughAMultipartUpload) {
  const auto bytes = png(20 * kMiB, 2);
  const auto r = h().upload_raw(bytes, "private", "exam-clip.png", "image/png");
  ASSERT_EQ(r.status, 201) << r.text;
  EXPECT_EQ(r.body.at("sha256").as_string(), dt::digest::sha256_hex(bytes));
  const std::string url(r.body.at("url").as_string());
  EXPECT_NE(url.find("X-Amz-Signature="), std::string::npos) << "a private object has a presigned URL";
  EXPECT_TRUE(r.body.at("url_expires_at").is_string());
  const auto [status, downloaded] = h().download(url);
  EXPECT_EQ(status, 200);
  EXPECT_EQ(dt::digest::sha256_hex(downloaded), dt::digest::sha256_hex(bytes));
  EXPECT_EQ(h().download(url.substr(0, url.find('?'))).first, 403) << "not without the signature";
  const auto keys = h().stored_keys();
  EXPECT_EQ(std::count(keys.begin(), keys.end(), "drivetest-private/" + key_of(h(), r)), 1);
  for (const auto& key : keys) EXPECT_EQ(key.find("staging/"), std::string::npos) << "staging object left: " << key;
}

TEST_F(UploadRoute, TheSameBytesUploadedTwiceAreStoredOnce) {
  for (const std::size_t size : {100 * std::size_t{1024}, 7 * kMiB}) {
    const auto bytes = png(size, 3 + static_cast<unsigned>(size));
    const auto first = h().upload_form(bytes, "public", "first.png");
    ASSERT_EQ(first.status, 201) << first.text;
    const auto rows = h().row_count();
    const auto keys = h().stored_keys();
    const auto again = h().upload_raw(bytes, "public", "again.png");
    ASSERT_EQ(again.status, 200) << again.text;
    EXPECT_FALSE(again.body.at("created").as_bool());
    EXPECT_EQ(again.body.at("sha256"), first.body.at("sha256"));
    EXPECT_EQ(again.body.at("name").as_string(), "first.png") << "the stored record answers";
    EXPECT_EQ(h().row_count(), rows);
    EXPECT_EQ(h().stored_keys(), keys) << "nothing more in the store, no staging object";
  }
}

TEST_F(UploadRoute, TheTypeComesFromTheBytesNotTheNameNorTheDeclaredType) {
  const auto renamed = h().upload_form(png(50'000, 4, 32, 16), "public", "actually-a-png.jpg", "image/jpeg");
  ASSERT_EQ(renamed.status, 201) << renamed.text;
  EXPECT_EQ(renamed.body.at("type").as_string(), "image/png");
  EXPECT_EQ(renamed.body.at("width").as_int64(), 32);

  const auto rows = h().row_count();
  const auto keys = h().stored_keys();
  const std::string text = "This is a plain text file. It says it is a PNG image, but it is not one.\n";
  const auto raw_lie = h().upload_raw(text, "public", "lie.png", "image/png");
  EXPECT_EQ(raw_lie.status, 415) << raw_lie.text;
  const auto form_lie = h().upload_form(text, "public", "lie.png", "image/png");
  EXPECT_EQ(form_lie.status, 415) << form_lie.text;
  const auto svg = h().upload_form(R"(<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>)",
                                   "public", "sign.svg", "image/svg+xml");
  EXPECT_EQ(svg.status, 415);
  EXPECT_NE(svg.body.at("detail").as_string().find("SVG"), std::string::npos) << svg.text;
  EXPECT_EQ(h().row_count(), rows);
  EXPECT_EQ(h().stored_keys(), keys);
}

TEST_F(UploadRoute, ATruncatedMultipartBodyIs400AndLeavesNoObjectNorRow) {
  const auto rows = h().row_count();
  const auto keys = h().stored_keys();
  // The connection ends in the middle of the file, after a first part went up to the object store.
  const auto body = form_body(png(7 * kMiB, 5), "cut.png", "image/png");
  dt::http::testing::RawClient client(h().port());
  client.send("POST /api/files?visibility=public HTTP/1.1\r\nHost: t\r\nAuthorization: Bearer " + h().token() +
              "\r\nContent-Type: multipart/form-data; boundary=" + kBoundary +
              "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body.substr(0, 6 * kMiB));
  client.finish_sending();
  const auto cut = client.read_response(std::chrono::seconds(20));
  ASSERT_TRUE(cut);
  EXPECT_EQ(cut->status, 400) << cut->body;
  // The HTTP body is whole but the form has no closing boundary.
  const auto unclosed = form_body(png(200'000, 6), "unclosed.png", "image/png");
  const auto r = h().call("POST", "/api/files?visibility=public", unclosed.substr(0, unclosed.size() - 40), h().token(),
                          "Content-Type: multipart/form-data; boundary=" + kBoundary + "\r\n");
  EXPECT_EQ(r.status, 400) << r.text;
  EXPECT_EQ(h().row_count(), rows);
  EXPECT_EQ(h().stored_keys(), keys);
}

TEST_F(UploadRoute, NeedsAnAdminAndAVisibility) {
  const auto bytes = png(1000, 7);
  EXPECT_EQ(h().call("POST", "/api/files?visibility=public", bytes, "", "Content-Type: image/png\r\n").status, 401);
  EXPECT_EQ(
      h().call("POST", "/api/files?visibility=public", bytes, h().token(false), "Content-Type: image/png\r\n").status,
      403);
  const auto no_visibility = h().call("POST", "/api/files", bytes, h().token(), "Content-Type: image/png\r\n");
  EXPECT_EQ(no_visibility.status, 400);
  EXPECT_EQ(no_visibility.body.at("field").as_string(), "visibility");
  EXPECT_EQ(h().call("POST", "/api/files?visibility=public", "", h().token()).status, 400) << "an empty file";
}

TEST(UploadLimit, AFileOverTheLimitIs413AndLeavesNothing) {
  HarnessOptions options;
  options.max_bytes = 6 * kMiB;
  FileHarness h(options);
  const auto at_limit = h.upload_raw(png(6 * kMiB, 8), "private");
  EXPECT_EQ(at_limit.status, 201) << at_limit.text;
  const auto keys = h.stored_keys();
  const auto over = h.upload_raw(png(6 * kMiB + 1, 9), "private");
  EXPECT_EQ(over.status, 413) << over.text;
  const auto far_over = h.upload_raw(png(8 * kMiB, 10), "private");
  EXPECT_EQ(far_over.status, 413) << "a declared length over the route's limit";
  EXPECT_EQ(h.row_count(), 1);
  EXPECT_EQ(h.stored_keys(), keys) << "the aborted multipart upload left nothing";
}

TEST(UploadStorageDown, IsA503AndWritesNoRow) {
  HarnessOptions options;
  options.storage_down = true;
  FileHarness h(options);
  for (const std::size_t size : {std::size_t{10'000}, 6 * kMiB}) {
    const auto r = h.upload_form(png(size, 11), "public", "x.png");
    EXPECT_EQ(r.status, 503) << r.text;
  }
  EXPECT_EQ(h.row_count(), 0);
  EXPECT_EQ(h.call("GET", "/health/ready").status, 503);
}

}  // namespace
