#pragma once
// StorageError: an S3 request that failed, either because the store could not be reached (or answered 5xx or
// too late: unavailable(), a 503 for the caller's clients) or because it refused the request (status and the S3
// error code, e.g. 404 NoSuchKey).
#include <stdexcept>
#include <string>

namespace dt::storage {

class StorageError : public std::runtime_error {
 public:
  // status 0: no answer at all.
  StorageError(const std::string& message, int status, std::string code);

  int status() const { return status_; }
  const std::string& code() const { return code_; }
  bool unavailable() const { return status_ == 0 || status_ >= 500; }
  bool not_found() const { return status_ == 404; }

 private:
  int status_;
  std::string code_;
};

}  // namespace dt::storage
