#pragma once
// The two exceptions of dt_cache. Catch Unavailable to degrade (fail open, answer 503); Error is everything else.
#include <stdexcept>

namespace dt::cache {

// Redis answered with an error reply (WRONGTYPE, NOSCRIPT, a failed AUTH...) or an unexpected reply type.
// The connection is fine and stays in the pool.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Redis cannot be reached: connect refused or timed out, connection lost, command timed out, pool exhausted.
// The connection involved has been closed; whether the command ran on the server is unknown.
class Unavailable : public Error {
 public:
  using Error::Error;
};

}  // namespace dt::cache
