#include "db/error.hpp"

namespace dt::db {

Error::Error(std::string sqlstate, const std::string& message, std::string constraint)
    : std::runtime_error(message), sqlstate_(std::move(sqlstate)), constraint_(std::move(constraint)) {}

}  // namespace dt::db
