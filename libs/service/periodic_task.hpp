#pragma once
// PeriodicTask: runs `body` every `interval` on a strand of the runtime until stop(): background jobs such as
// the Catalog's exam expiry sweep, the Account service's reconciler, an outbox relay. A run that throws is
// logged as a warning and the next one happens on schedule; runs never overlap.
//
//   PeriodicTask sweep("expiry sweep", 5s, [&]() -> Awaitable<void> { co_await ...; });
//   sweep.start(service.executor());
//   service.on_shutdown([&] { sweep.stop(); });
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "async/awaitable.hpp"

namespace dt::service {

class PeriodicTask {
 public:
  PeriodicTask(std::string name, std::chrono::milliseconds interval, std::function<Awaitable<void>()> body);
  ~PeriodicTask();  // stops
  PeriodicTask(const PeriodicTask&) = delete;
  PeriodicTask& operator=(const PeriodicTask&) = delete;

  // The first run starts at once.
  void start(Executor executor);
  // Thread-safe and idempotent; a run in progress finishes, no further run starts.
  void stop();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace dt::service
