#pragma once
// FileHarness: the whole File service in-process on an ephemeral port, against the real PostgreSQL (DT_PG_URL,
// a schema of its own, dropped afterwards) and the real object store (DT_S3_URL, DT_S3_ACCESS_KEY,
// DT_S3_SECRET_KEY; its drivetest-media and drivetest-private buckets, under a key prefix of its own, emptied
// afterwards). Tokens are minted by the harness and checked against its own JWKS server. The Catalog is a stub
// that answers the media-reference check from set_references() and remembers the Authorization it got.
// Requests go over real TCP.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/test_support/json_call.hpp"

namespace dt::file::testing {

using Reply = http::testing::JsonReply;

struct HarnessOptions {
  bool storage_down = false;  // DT_S3_URL points at a closed port
  bool catalog_down = false;  // DT_CATALOG_URL points at a closed port
  std::optional<std::uint64_t> max_bytes;
};

inline const std::string kBoundary = "----dtFileTestBoundary0123456789";

// A multipart/form-data body with a text field and the file part (closing boundary included).
std::string form_body(const std::string& file_bytes, const std::string& filename, const std::string& content_type);

class FileHarness {
 public:
  explicit FileHarness(HarnessOptions options = {});
  ~FileHarness();
  FileHarness(const FileHarness&) = delete;
  FileHarness& operator=(const FileHarness&) = delete;

  std::uint16_t port() const;
  const std::string& key_prefix() const;
  // A valid access token: roles learner, and admin when admin is true.
  std::string token(bool admin = true) const;

  // One request; a non-empty token is sent as a bearer token.
  Reply call(const std::string& method, const std::string& target, const std::string& body = "",
             const std::string& token = "", const std::string& extra_headers = "");
  // POST /api/files?visibility=... as a multipart form (the part declared as content_type).
  Reply upload_form(const std::string& bytes, const std::string& visibility, const std::string& filename,
                    const std::string& content_type = "application/octet-stream");
  // POST /api/files?visibility=...&name=... with the file as the body (declared as content_type).
  Reply upload_raw(const std::string& bytes, const std::string& visibility, const std::string& name = "",
                   const std::string& content_type = "application/octet-stream");

  // The object keys under the harness's prefix, in both buckets (staging objects included).
  std::vector<std::string> stored_keys();
  // Rows in the harness's files.objects.
  std::int64_t row_count();
  // A plain GET of a URL (as a browser would): status and body.
  std::pair<long, std::string> download(const std::string& url);

  // What the stub Catalog answers for `key`: these question ids (none when never set).
  void set_references(const std::string& key, std::vector<std::int64_t> question_ids);
  // The Authorization header of the last media-reference check the stub received.
  std::string catalog_authorization() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::file::testing
