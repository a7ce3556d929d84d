#pragma once
// What the File service's handlers work with; wire_file (file_service.cpp) builds it.
#include <atomic>

#include "file/file_settings.hpp"
#include "file/store/file_store.hpp"
#include "http_client/http_client.hpp"
#include "storage/s3_client.hpp"

namespace dt::file::api {

struct FileApi {
  store::FileStore& store;
  storage::S3Client& s3;
  http::HttpClient& catalog;  // for the Catalog's media references
  FileSettings settings;
  std::atomic<int> uploads_in_flight{0};
};

}  // namespace dt::file::api
