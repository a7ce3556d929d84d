#include "log/log.hpp"

#include <gtest/gtest.h>

#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <boost/json/parse.hpp>

#include <sstream>

namespace {

struct Capture {
  std::ostringstream out;
  Capture(dt::log::Level level = dt::log::Level::info) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(out);
    dt::log::init({.service = "test-svc", .level = level}, std::make_shared<spdlog::logger>("capture", sink));
  }
  std::vector<boost::json::object> lines() {
    std::vector<boost::json::object> result;
    std::istringstream in(out.str());
    for (std::string line; std::getline(in, line);) result.push_back(boost::json::parse(line).as_object());
    return result;
  }
};

TEST(Log, WritesOneJsonObjectPerLine) {
  Capture capture;
  dt::log::info("exam started", {{"request_id", "r-1"}, {"questions", 30}, {"ratio", 0.5}, {"ok", true}});
  auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  const auto& line = lines[0];
  EXPECT_EQ(line.at("level").as_string(), "info");
  EXPECT_EQ(line.at("service").as_string(), "test-svc");
  EXPECT_EQ(line.at("msg").as_string(), "exam started");
  EXPECT_EQ(line.at("request_id").as_string(), "r-1");
  EXPECT_EQ(line.at("questions").as_int64(), 30);
  EXPECT_EQ(line.at("ratio").as_double(), 0.5);
  EXPECT_TRUE(line.at("ok").as_bool());
  EXPECT_EQ(line.at("ts").as_string().size(), 24u) << line.at("ts").as_string();
}

TEST(Log, HostileTextStaysValidJson) {
  Capture capture;
  dt::log::warn("bad path", {{"path", "/x\"}\n{\"forged\":1,\xff"}});
  auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_FALSE(lines[0].contains("forged"));
  EXPECT_EQ(lines[0].at("level").as_string(), "warning");
}

TEST(Log, FiltersBelowTheLevel) {
  Capture capture(dt::log::Level::warn);
  dt::log::info("hidden");
  dt::log::error("shown");
  auto lines = capture.lines();
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].at("msg").as_string(), "shown");
  EXPECT_FALSE(dt::log::enabled(dt::log::Level::debug));
}

}  // namespace
