#include "gateway/upstream/outlier_detector.hpp"

#include <gtest/gtest.h>

namespace {

using namespace std::chrono_literals;
using dt::gateway::config::OutlierOptions;
using dt::gateway::upstream::Clock;
using dt::gateway::upstream::Host;
using dt::gateway::upstream::is_available;
using dt::gateway::upstream::record_failure;
using dt::gateway::upstream::record_success;

OutlierOptions options() {
  OutlierOptions o;
  o.consecutive_failures = 3;
  o.base_ejection = 1000ms;
  o.max_ejection = 3000ms;
  return o;
}

Host host() {
  dt::registry::ServiceInstance instance;
  instance.id = "catalog-1";
  return Host(instance);
}

const Clock::time_point t0 = Clock::time_point(std::chrono::hours(1));

TEST(OutlierDetector, EjectsAfterConsecutiveFailuresOnly) {
  Host h = host();
  EXPECT_FALSE(record_failure(h, options(), t0));
  EXPECT_FALSE(record_failure(h, options(), t0));
  record_success(h);  // breaks the run
  EXPECT_FALSE(record_failure(h, options(), t0));
  EXPECT_FALSE(record_failure(h, options(), t0));
  EXPECT_TRUE(is_available(h, t0));
  EXPECT_EQ(record_failure(h, options(), t0), 1000ms);
  EXPECT_FALSE(is_available(h, t0));
  EXPECT_FALSE(is_available(h, t0 + 999ms));
  EXPECT_TRUE(is_available(h, t0 + 1000ms));
}

TEST(OutlierDetector, FailuresWhileEjectedChangeNothing) {
  Host h = host();
  for (int i = 0; i < 3; ++i) record_failure(h, options(), t0);
  for (int i = 0; i < 10; ++i) EXPECT_FALSE(record_failure(h, options(), t0 + 500ms));
  EXPECT_TRUE(is_available(h, t0 + 1000ms));
}

TEST(OutlierDetector, AReadmittedHostIsOnProbationAndBacksOffExponentially) {
  Host h = host();
  for (int i = 0; i < 3; ++i) record_failure(h, options(), t0);
  const auto t1 = t0 + 1000ms;
  EXPECT_EQ(record_failure(h, options(), t1), 2000ms);  // one failure on probation ejects again, twice as long
  const auto t2 = t1 + 2000ms;
  EXPECT_EQ(record_failure(h, options(), t2), 3000ms);  // capped at max_ejection
  const auto t3 = t2 + 3000ms;
  record_success(h);  // proven healthy: the record is clear
  EXPECT_FALSE(record_failure(h, options(), t3));
  EXPECT_FALSE(record_failure(h, options(), t3));
  EXPECT_EQ(record_failure(h, options(), t3), 1000ms);
}

}  // namespace
