#pragma once
// Errors of the Catalog store that callers act on. They are dt::Problem, so a handler that lets one through
// answers the right status (404 / 409) without mapping it; the API catches ConcurrentModification to retry.
#include <string>

#include "errors/problem.hpp"

namespace dt::catalog::store {

// 404: no such question, blueprint or exam (or it is deleted, where that matters).
class NotFound : public Problem {
 public:
  explicit NotFound(std::string detail) : Problem(404, "not-found", "Not found", std::move(detail)) {}
};

// 409: the change contradicts what is stored (an external_id or a blueprint (code, version) that exists, a
// blueprint version that exams already used).
class Conflict : public Problem {
 public:
  explicit Conflict(std::string detail) : Problem(409, "conflict", "Conflict", std::move(detail)) {}
};

// 409: save_exam named a version that is no longer current: someone else saved the exam since it was read.
// Reload, reapply, save again.
class ConcurrentModification : public Problem {
 public:
  explicit ConcurrentModification(std::string detail)
      : Problem(409, "concurrent-modification", "Concurrent modification", std::move(detail)) {}
};

}  // namespace dt::catalog::store
