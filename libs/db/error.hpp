#pragma once
// Errors thrown by dt_db.
//   Error        a statement failed on the server (or a result could not be read as asked): SQLSTATE + message.
//                The connection is still good; e.g. a unique violation is answered with 409 by the service.
//   Unavailable  the database could not be reached or did not answer in time (connect/acquire/query timeout,
//                connection lost, server shutting down). Services answer 503; the broken connection is dropped.
#include <stdexcept>
#include <string>
#include <string_view>

namespace dt::db {

class Error : public std::runtime_error {
 public:
  // sqlstate is the five-character SQLSTATE code ("23505"), empty when the error did not come from the server.
  Error(std::string sqlstate, const std::string& message, std::string constraint = {});

  const std::string& sqlstate() const { return sqlstate_; }
  // Name of the violated constraint, when the server reported one (unique, foreign key, check...).
  const std::string& constraint() const { return constraint_; }

  bool is_unique_violation() const { return sqlstate_ == "23505"; }
  bool is_foreign_key_violation() const { return sqlstate_ == "23503"; }
  bool is_not_null_violation() const { return sqlstate_ == "23502"; }
  bool is_check_violation() const { return sqlstate_ == "23514"; }
  // Worth retrying the whole transaction: serialization failure or deadlock.
  bool is_serialization_failure() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

 private:
  std::string sqlstate_;
  std::string constraint_;
};

class Unavailable : public Error {
 public:
  explicit Unavailable(const std::string& message, std::string sqlstate = {}) : Error(std::move(sqlstate), message) {}
};

}  // namespace dt::db
