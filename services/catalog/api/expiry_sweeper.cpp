#include "catalog/api/expiry_sweeper.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <optional>

#include "catalog/api/exam_flow.hpp"
#include "catalog/store/catalog_store.hpp"
#include "log/log.hpp"

namespace dt::catalog::api {

struct ExpirySweeper::Impl {
  Impl(CatalogApi& a, std::chrono::milliseconds i) : api(a), interval(i) {}
  CatalogApi& api;
  std::chrono::milliseconds interval;
  std::atomic<bool> stopped{false};
  std::optional<boost::asio::strand<Executor>> strand;  // the timer is only touched here
  std::optional<boost::asio::steady_timer> timer;
};

ExpirySweeper::ExpirySweeper(CatalogApi& api, std::chrono::milliseconds interval)
    : impl_(std::make_shared<Impl>(api, interval)) {}

ExpirySweeper::~ExpirySweeper() { stop(); }

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

Awaitable<int> ExpirySweeper::sweep(int limit) { return sweep_due(impl_->api, limit); }

void ExpirySweeper::start(Executor executor) {
  impl_->strand.emplace(boost::asio::make_strand(executor));
  impl_->timer.emplace(*impl_->strand);
  boost::asio::co_spawn(
      *impl_->strand,
      [impl = impl_]() -> Awaitable<void> {
        while (!impl->stopped) {
          try {
            const int graded = co_await sweep_due(impl->api, 100);
            if (graded > 0) log::info("expired exams graded", {{"count", graded}});
          } catch (const std::exception& e) {
            log::warn("expiry sweep failed; retrying", {{"error", e.what()}});
          }
          impl->timer->expires_after(impl->interval);
          co_await impl->timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        }
      },
      boost::asio::detached);
}

void ExpirySweeper::stop() {
  if (impl_->stopped.exchange(true) || !impl_->strand) return;
  boost::asio::post(*impl_->strand, [impl = impl_] { impl->timer->cancel(); });
}

}  // namespace dt::catalog::api
