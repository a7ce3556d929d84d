#pragma once
// Asking the Catalog which published questions show a media key (GET /api/catalog/admin/media-references/{key})
// before an object is deleted, with the caller's own Authorization header: the Catalog checks the admin role
// itself.
#include <cstdint>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "file/file_settings.hpp"
#include "http/request.hpp"
#include "http_client/http_client.hpp"

namespace dt::file::api {

// The question ids; throws dt::Problem 503 when the Catalog cannot be reached or gives no usable answer (the
// delete must not go ahead unchecked).
Awaitable<std::vector<std::int64_t>> published_questions_showing(http::HttpClient& client, const FileSettings& settings,
                                                                 const http::Request& caller, std::string key);

}  // namespace dt::file::api
