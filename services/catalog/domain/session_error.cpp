#include "catalog/domain/session_error.hpp"

namespace dt::catalog {

SessionErrorKind kind_of(SessionErrorCode code) {
  switch (code) {
    case SessionErrorCode::no_such_question:
      return SessionErrorKind::not_found;
    case SessionErrorCode::invalid_answer:
      return SessionErrorKind::invalid;
    case SessionErrorCode::deadline_passed:
    case SessionErrorCode::already_finished:
    case SessionErrorCode::revisit_not_allowed:
    case SessionErrorCode::flag_not_allowed:
      return SessionErrorKind::conflict;
  }
  return SessionErrorKind::conflict;
}

std::string_view to_string(SessionErrorCode code) {
  switch (code) {
    case SessionErrorCode::deadline_passed:
      return "deadline_passed";
    case SessionErrorCode::already_finished:
      return "already_finished";
    case SessionErrorCode::revisit_not_allowed:
      return "revisit_not_allowed";
    case SessionErrorCode::flag_not_allowed:
      return "flag_not_allowed";
    case SessionErrorCode::no_such_question:
      return "no_such_question";
    case SessionErrorCode::invalid_answer:
      return "invalid_answer";
  }
  return "invalid_answer";
}

}  // namespace dt::catalog
