#pragma once
// The File service's HTTP API (docs/files.md), every route for admins only (401 anonymous, 403 without the
// admin role):
//   POST   /api/files?visibility=public|private[&name=]  upload (multipart/form-data or a raw body), streamed
//   GET    /api/files?search=&type=&page=&size=           list and search, newest first
//   GET    /api/files/{sha256}                            metadata and URL
//   DELETE /api/files/{sha256}                            unless a published question shows it (the Catalog says)
#include "file/api/file_api.hpp"
#include "http/router.hpp"

namespace dt::file::api {

void add_upload_route(http::Router& router, FileApi& api);
void add_file_routes(http::Router& router, FileApi& api);

inline void add_routes(http::Router& router, FileApi& api) {
  add_upload_route(router, api);
  add_file_routes(router, api);
}

}  // namespace dt::file::api
