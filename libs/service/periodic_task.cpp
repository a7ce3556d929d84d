#include "service/periodic_task.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <optional>

#include "log/log.hpp"

namespace dt::service {

struct PeriodicTask::State {
  std::string name;
  std::chrono::milliseconds interval;
  std::function<Awaitable<void>()> body;
  std::atomic<bool> stopped{false};
  std::optional<boost::asio::strand<Executor>> strand;  // the timer is only touched on it
  std::optional<boost::asio::steady_timer> timer;
};

PeriodicTask::PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<Awaitable<void>()> body)
    : state_(std::make_shared<State>()) {
  state_->name = std::move(name);
  state_->interval = interval;
  state_->body = std::move(body);
}

PeriodicTask::~PeriodicTask() { stop(); }

void PeriodicTask::start(Executor executor) {
  state_->strand.emplace(boost::asio::make_strand(executor));
  state_->timer.emplace(*state_->strand);
  boost::asio::co_spawn(
      *state_->strand,
      [state = state_]() -> Awaitable<void> {
        while (!state->stopped) {
          try {
            co_await state->body();
          } catch (const std::exception& e) {
            log::warn("background task failed; it runs again on schedule",
                      {{"task", state->name}, {"error", e.what()}});
          }
          if (state->stopped) break;
          state->timer->expires_after(state->interval);
          co_await state->timer->async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
        }
      },
      boost::asio::detached);
}

void PeriodicTask::stop() {
  if (state_->stopped.exchange(true) || !state_->strand) return;
  boost::asio::post(*state_->strand, [state = state_] { state->timer->cancel(); });
}

}  // namespace dt::service
