#pragma once
// ExpirySweeper: grades the exams nobody submitted once their deadline and the grace have passed, so that
// history and statistics see them finished even if the learner never comes back (reading an exam grades it
// too; the sweeper is for the ones nobody reads). Runs every `interval` on the service's runtime until stop().
#include <chrono>

#include "async/awaitable.hpp"
#include "catalog/api/catalog_api.hpp"
#include "service/periodic_task.hpp"

namespace dt::catalog::api {

class ExpirySweeper {
 public:
  ExpirySweeper(CatalogApi& api, std::chrono::milliseconds interval);

  void start(Executor executor) { task_.start(executor); }
  void stop() { task_.stop(); }  // thread-safe; the current sweep finishes

  // One pass: expires up to `limit` due exams; returns how many it graded.
  Awaitable<int> sweep(int limit);

 private:
  CatalogApi& api_;
  service::PeriodicTask task_;
};

}  // namespace dt::catalog::api
