#include "gateway/reload/route_file_watcher.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "gateway/config/config_parser.hpp"

namespace {

namespace fs = std::filesystem;
using dt::gateway::reload::RouteFileWatcher;
using dt::gateway::routing::RouteTableHolder;

std::string routes_with(const std::string& name) {
  return R"({"routes": [{"name": ")" + name + R"(", "methods": ["GET"], "upstream_path": "/a", "service": "s"}]})";
}

class RouteFileWatcherTest : public ::testing::Test {
 protected:
  RouteFileWatcherTest() {
    fs::create_directories(dir);
    write(routes_with("first"));
  }
  ~RouteFileWatcherTest() override { fs::remove_all(dir); }

  void write(const std::string& text) {
    const auto next = dir / "next.json";
    std::ofstream(next) << text;
    fs::rename(next, file);
  }

  std::string current_name() const { return holder.current()->routes().front().config.name; }

  fs::path dir = fs::temp_directory_path() / ("dt-watch-" + std::to_string(::getpid()));
  fs::path file = dir / "routes.json";
  dt::metrics::Registry metrics;
  RouteTableHolder holder{nullptr};
  std::vector<std::string> seen_services;
  RouteFileWatcher watcher{file.string(),
                           {},
                           holder,
                           [this](const dt::gateway::routing::RouteTable& table) {
                             for (const auto& [name, service] : table.config().services) seen_services.push_back(name);
                           },
                           metrics,
                           std::chrono::milliseconds(100)};
};

TEST_F(RouteFileWatcherTest, SwapsInAChangedFile) {
  holder.replace(watcher.load_initial());
  EXPECT_EQ(current_name(), "first");
  EXPECT_FALSE(watcher.check_now());
  write(routes_with("second"));
  EXPECT_TRUE(watcher.check_now());
  EXPECT_EQ(current_name(), "second");
  EXPECT_EQ(seen_services, (std::vector<std::string>{"s", "s"}));
}

TEST_F(RouteFileWatcherTest, ABadFileKeepsTheTableInForce) {
  holder.replace(watcher.load_initial());
  const auto before = holder.current();
  write(R"({"routes": [{"name": "broken", "methods": ["GET"]}]})");
  EXPECT_FALSE(watcher.check_now());
  EXPECT_EQ(holder.current(), before);
  EXPECT_FALSE(watcher.check_now());  // the same bad file is not retried
  fs::remove(file);
  EXPECT_FALSE(watcher.check_now());
  EXPECT_EQ(holder.current(), before);
  write(routes_with("fixed"));
  EXPECT_TRUE(watcher.check_now());
  EXPECT_EQ(current_name(), "fixed");
}

TEST_F(RouteFileWatcherTest, ABadFileAtStartUpIsAnError) {
  write("{}");
  EXPECT_THROW(watcher.load_initial(), dt::gateway::config::ConfigInvalid);
}

}  // namespace
