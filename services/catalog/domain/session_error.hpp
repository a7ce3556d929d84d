#pragma once
// SessionError: an exam operation the rules refuse. kind() is what the API maps to a status; code() names the
// rule for the problem type and for client logic ("deadline_passed" -> show the result screen).
#include <stdexcept>
#include <string>
#include <string_view>

namespace dt::catalog {

enum class SessionErrorKind {
  conflict,   // 409: the exam's state forbids it now (time is up, submitted, no revisits, no flags)
  not_found,  // 404: no such question in this exam
  invalid,    // 400: the request itself is malformed (an answer of the wrong shape)
};

enum class SessionErrorCode {
  deadline_passed,
  already_finished,
  revisit_not_allowed,
  flag_not_allowed,
  no_such_question,
  invalid_answer,
};

SessionErrorKind kind_of(SessionErrorCode code);
std::string_view to_string(SessionErrorCode code);  // "deadline_passed", ...

class SessionError : public std::runtime_error {
 public:
  SessionError(SessionErrorCode code, const std::string& message) : std::runtime_error(message), code_(code) {}

  SessionErrorCode code() const { return code_; }
  SessionErrorKind kind() const { return kind_of(code_); }

 private:
  SessionErrorCode code_;
};

}  // namespace dt::catalog
