// PeriodicTask: runs on schedule, survives a failing run, stops.
#include "service/periodic_task.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <stdexcept>
#include <thread>

#include "async/runtime.hpp"

namespace {

using namespace std::chrono_literals;

bool wait_until(const std::function<bool()>& condition) {
  for (int i = 0; i < 500 && !condition(); ++i) std::this_thread::sleep_for(10ms);
  return condition();
}

TEST(PeriodicTaskTest, RunsRepeatedlyAndGoesOnAfterAFailure) {
  dt::async::Runtime runtime(1);
  std::atomic<int> runs{0};
  dt::service::PeriodicTask task("test task", 5ms, [&]() -> dt::Awaitable<void> {
    if (++runs == 2) throw std::runtime_error("second run fails");
    co_return;
  });
  task.start(runtime.executor());
  std::thread thread([&] { runtime.run(); });
  EXPECT_TRUE(wait_until([&] { return runs >= 4; }));
  task.stop();
  const int at_stop = runs;
  std::this_thread::sleep_for(50ms);
  EXPECT_LE(runs, at_stop + 1);  // a run already under way may finish, no new one starts
  runtime.stop();
  thread.join();
  runtime.shutdown();
}

TEST(PeriodicTaskTest, StopBeforeStartIsHarmless) {
  dt::service::PeriodicTask task("never started", 1s, []() -> dt::Awaitable<void> { co_return; });
  task.stop();
  task.stop();
}

}  // namespace
