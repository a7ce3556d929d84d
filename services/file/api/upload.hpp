#pragma once
// Storing an upload: the file streams from its FileSource through the media probe (type and dimensions), the
// SHA-256 and the size limit into a buffer of one S3 part; it never is in memory whole.
//   - The type comes from the first bytes: a file that is no accepted media is refused (415) as soon as they
//     are read; one over max_bytes as soon as it is (413).
//   - A file that fits in one part is PUT once its digest is known, at <prefix><sha256> in the bucket of its
//     visibility. A larger one goes up part by part as a multipart upload to a staging key in the private
//     bucket (its digest is not known yet), which is then copied to <prefix><sha256> and deleted. While a part
//     goes up the next one is read into a second buffer: such an upload holds two parts.
//   - Content addressing: when the digest is already stored, nothing is written (a multipart upload in
//     progress is aborted) and the stored record is the answer. The metadata row is written last, so a failure
//     anywhere before leaves no row; the multipart upload or staging object of a failed upload is removed.
#include <string>

#include "file/api/file_api.hpp"
#include "file/api/file_source.hpp"
#include "file/store/file_store.hpp"

namespace dt::file::api {

struct UploadSpec {
  std::string visibility;  // "public" or "private"
  std::string uploader;    // the admin's subject
};

struct UploadOutcome {
  store::FileRecord record;
  bool created = false;  // false: the same bytes were stored already
};

// Throws dt::Problem (400, 413, 415), storage::StorageError, db errors.
Awaitable<UploadOutcome> store_upload(FileApi& api, FileSource& source, UploadSpec spec);

}  // namespace dt::file::api
