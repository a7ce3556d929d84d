#include "storage/storage_error.hpp"

namespace dt::storage {

StorageError::StorageError(const std::string& message, int status, std::string code)
    : std::runtime_error(message), status_(status), code_(std::move(code)) {}

}  // namespace dt::storage
