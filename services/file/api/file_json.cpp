#include "file/api/file_json.hpp"

#include <ctime>

#include "file/domain/media_type.hpp"

namespace dt::file::api {
namespace {

std::string rfc3339(std::chrono::system_clock::time_point time) {
  const std::time_t t = std::chrono::system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  const auto n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return {buf, n};
}

}  // namespace

boost::json::object file_to_json(const FileApi& api, const store::FileRecord& record) {
  boost::json::object out{{"sha256", record.sha256},
                          {"key", record.object_key},
                          {"visibility", record.visibility},
                          {"type", record.media_type},
                          {"size", record.size},
                          {"name", record.original_name},
                          {"uploaded_by", record.uploaded_by},
                          {"created_at", record.created_at}};
  const auto type = parse_mime_type(record.media_type);
  out["kind"] = type ? std::string(media_kind(*type)) : std::string("other");
  out["width"] = record.width ? boost::json::value(*record.width) : boost::json::value(nullptr);
  out["height"] = record.height ? boost::json::value(*record.height) : boost::json::value(nullptr);
  if (record.visibility == "public") {
    out["url"] = api.s3.object_url(api.settings.public_bucket, record.object_key);
  } else {
    const auto ttl = api.settings.presign_ttl;
    out["url"] = api.s3.presign_get(api.settings.private_bucket, record.object_key, ttl);
    out["url_expires_at"] = rfc3339(std::chrono::system_clock::now() + ttl);
  }
  return out;
}

}  // namespace dt::file::api
