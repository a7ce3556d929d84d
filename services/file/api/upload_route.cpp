// POST /api/files: the admin's upload, streamed (Router::add_streaming). The admin check and the upload slot
// come before a byte of the body is read; the body is a multipart/form-data form with a part named "file", or
// the file itself. The declared Content-Type of either says nothing about the type (upload.hpp).
#include <memory>

#include "errors/problem.hpp"
#include "file/api/file_json.hpp"
#include "file/api/routes.hpp"
#include "file/api/upload.hpp"
#include "http/json_response.hpp"
#include "http/require_principal.hpp"
#include "log/log.hpp"

namespace dt::file::api {
namespace {

using http::Method;
using http::Request;
using http::Response;

// Room for a multipart body's boundaries and part heads beyond the file itself.
constexpr std::size_t kMultipartOverhead = 64 * 1024;
constexpr std::size_t kMaxNameLength = 255;

// One of the max_concurrent_uploads slots, for the duration of an upload: each holds up to a part in memory.
class UploadSlot {
 public:
  explicit UploadSlot(std::atomic<int>& in_flight) : in_flight_(in_flight) {}
  ~UploadSlot() { in_flight_.fetch_sub(1); }
  UploadSlot(const UploadSlot&) = delete;
  UploadSlot& operator=(const UploadSlot&) = delete;

 private:
  std::atomic<int>& in_flight_;
};

std::unique_ptr<UploadSlot> take_slot(FileApi& api) {
  if (api.uploads_in_flight.fetch_add(1) >= api.settings.max_concurrent_uploads) {
    api.uploads_in_flight.fetch_sub(1);
    throw Problem::unavailable("too many uploads in progress; retry shortly").with_header("Retry-After", "1");
  }
  return std::make_unique<UploadSlot>(api.uploads_in_flight);
}

std::string visibility_of(const Request& request) {
  const auto visibility = request.query_param("visibility");
  if (!visibility || (*visibility != "public" && *visibility != "private")) {
    throw Problem::invalid_field("visibility",
                                 "must be public (question media, readable by anyone) or private (presigned URLs)");
  }
  return *visibility;
}

std::string name_of(const std::string& name) {
  if (name.size() > kMaxNameLength) {
    throw Problem::invalid_field("name", "must be at most " + std::to_string(kMaxNameLength) + " bytes");
  }
  return name;
}

Awaitable<Response> upload(FileApi& api, Request& request) {
  const auto& admin = http::require_role(request, "admin");
  const std::string visibility = visibility_of(request);
  const auto slot = take_slot(api);
  std::unique_ptr<FileSource> source;
  std::optional<std::string> boundary;
  try {
    boundary = form_data_boundary(request.header("Content-Type"));
  } catch (const MultipartError& e) {
    throw Problem::bad_request(e.what());
  }
  if (boundary) {
    source = std::make_unique<MultipartFileSource>(*request.body_reader, std::move(*boundary));
  } else {
    source = std::make_unique<RawFileSource>(*request.body_reader, name_of(request.query_param("name").value_or("")));
  }
  UploadSpec spec;
  spec.visibility = visibility;
  spec.uploader = admin.subject;
  const UploadOutcome outcome = co_await store_upload(api, *source, std::move(spec));
  log::info(outcome.created ? "file stored" : "file already stored", {{"request_id", request.request_id},
                                                                      {"sha256", outcome.record.sha256},
                                                                      {"type", outcome.record.media_type},
                                                                      {"size", outcome.record.size}});
  auto body = file_to_json(api, outcome.record);
  body["created"] = outcome.created;
  auto response = http::json_response(outcome.created ? 201 : 200, body);
  response.headers.add("Location", "/api/files/" + outcome.record.sha256);
  co_return response;
}

}  // namespace

void add_upload_route(http::Router& router, FileApi& api) {
  router.add_streaming(Method::post, "/api/files", api.settings.max_bytes + kMultipartOverhead,
                       [&api](Request& request) { return upload(api, request); });
}

}  // namespace dt::file::api
