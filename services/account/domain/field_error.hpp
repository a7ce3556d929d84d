#pragma once
// FieldError: one thing wrong with one field of a request, named the way the client spelled it.
#include <string>
#include <vector>

namespace dt::account::domain {

struct FieldError {
  std::string field;    // "username", "email_opt_ins.news"
  std::string message;  // a sentence for the user, e.g. "must be at least 10 characters long"
};

using FieldErrors = std::vector<FieldError>;

}  // namespace dt::account::domain
