#pragma once
// DrawError: the bank cannot feed the blueprint (or the blueprint is malformed), so no exam can be drawn. It is
// a catalogue problem an admin must fix, not the candidate's: the API reports it as such (e.g. 503/409 with the
// message), and the bank report (bank_validation.hpp) shows the same shortfall before any candidate meets it.
#include <stdexcept>
#include <string>

namespace dt::catalog {

class DrawError : public std::runtime_error {
 public:
  enum class Reason { invalid_blueprint, quota_unsatisfiable, critical_unsatisfiable };

  DrawError(Reason reason, int quota_index, int needed, int available, const std::string& message)
      : std::runtime_error(message),
        reason_(reason),
        quota_index_(quota_index),
        needed_(needed),
        available_(available) {}

  Reason reason() const { return reason_; }
  int quota_index() const { return quota_index_; }  // -1 when not about one quota
  int needed() const { return needed_; }
  int available() const { return available_; }

 private:
  Reason reason_;
  int quota_index_;
  int needed_;
  int available_;
};

}  // namespace dt::catalog
