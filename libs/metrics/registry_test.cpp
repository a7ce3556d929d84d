#include "metrics/registry.hpp"

#include <gtest/gtest.h>

#include <thread>

namespace {

TEST(Registry, RendersCountersAndGaugesInTextFormat) {
  dt::metrics::Registry registry;
  registry.counter("dt_events_total", "Events seen", {{"type", "a"}}).inc(3);
  registry.gauge("dt_queue_depth", "Queue depth").set(7);
  const auto text = registry.render();
  EXPECT_NE(text.find("# TYPE dt_events_total counter\n"), std::string::npos) << text;
  EXPECT_NE(text.find("dt_events_total{type=\"a\"} 3\n"), std::string::npos) << text;
  EXPECT_NE(text.find("# TYPE dt_queue_depth gauge\ndt_queue_depth 7\n"), std::string::npos) << text;
}

TEST(Registry, SameNameAndLabelsGiveTheSameSeries) {
  dt::metrics::Registry registry;
  auto& a = registry.counter("c", "h", {{"k", "v"}});
  auto& b = registry.counter("c", "h", {{"k", "v"}});
  auto& other = registry.counter("c", "h", {{"k", "w"}});
  EXPECT_EQ(&a, &b);
  EXPECT_NE(&a, &other);
}

TEST(Registry, EscapesLabelValues) {
  EXPECT_EQ(dt::metrics::series_name("m", {{"path", "a\"b\\c\nd"}}), "m{path=\"a\\\"b\\\\c\\nd\"}");
}

TEST(Registry, CountsExactlyUnderConcurrency) {
  dt::metrics::Registry registry;
  auto& c = registry.counter("c", "h");
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 100000; ++i) c.inc();
    });
  for (auto& t : threads) t.join();
  EXPECT_EQ(c.value(), 400000u);
}

TEST(Registry, AppendsCollectorOutput) {
  dt::metrics::Registry registry;
  registry.add_collector([](std::string& out) { out += "custom 1\n"; });
  EXPECT_NE(registry.render().find("custom 1\n"), std::string::npos);
}

}  // namespace
