#pragma once
// A file's metadata as the API gives it, with where to read it: the public URL of a public object (anyone,
// straight from the object store), or a presigned URL of a private one and when that URL expires.
#include <boost/json/object.hpp>

#include "file/api/file_api.hpp"
#include "file/store/file_store.hpp"

namespace dt::file::api {

boost::json::object file_to_json(const FileApi& api, const store::FileRecord& record);

}  // namespace dt::file::api
