#pragma once
#include <stdexcept>

namespace dt::async {

// An operation did not finish in time (see with_timeout); services usually answer 503 or 504.
class TimeoutError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace dt::async
