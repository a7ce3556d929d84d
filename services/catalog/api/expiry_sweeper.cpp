#include "catalog/api/expiry_sweeper.hpp"

#include "catalog/api/exam_flow.hpp"
#include "catalog/store/catalog_store.hpp"
#include "log/log.hpp"

namespace dt::catalog::api {
namespace {

Awaitable<int> sweep_due(CatalogApi& api, int limit) {
  const auto now = api.clock();
  int graded = 0;
  for (const auto& id : co_await api.store.due_for_expiry(now, limit)) {
    auto stored = co_await api.store.exam(id);
    if (!stored) continue;
    auto loaded = co_await load_exam(api, std::move(*stored));
    try {
      graded += co_await expire_if_due(api, loaded, now);
    } catch (const store::ConcurrentModification&) {
      // the learner submitted (or read) it at the same moment: it is graded either way
    }
  }
  co_return graded;
}

}  // namespace

ExpirySweeper::ExpirySweeper(CatalogApi& api, std::chrono::milliseconds interval)
    : api_(api), task_("exam expiry sweep", interval, [this]() -> Awaitable<void> {
        const int graded = co_await sweep_due(api_, 100);
        if (graded > 0) log::info("expired exams graded", {{"count", graded}});
      }) {}

Awaitable<int> ExpirySweeper::sweep(int limit) { return sweep_due(api_, limit); }

}  // namespace dt::catalog::api
