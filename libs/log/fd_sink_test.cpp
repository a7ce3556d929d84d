#include "log/fd_sink.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <spdlog/logger.h>
#include <spdlog/pattern_formatter.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace {

struct TempLog {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() / ("dt_fd_sink_" + std::to_string(::getpid()) + ".log");
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600);
  ~TempLog() {
    ::close(fd);
    std::filesystem::remove(path);
  }
  std::vector<std::string> lines() const {
    std::ifstream in(path);
    std::vector<std::string> result;
    for (std::string line; std::getline(in, line);) result.push_back(line);
    return result;
  }
};

TEST(FdSink, LinesFromManyThreadsStayWholeAndNoneIsLost) {
  TempLog file;
  auto sink = std::make_shared<dt::log::FdSink>(file.fd);
  spdlog::logger logger("t", sink);
  logger.set_formatter(std::make_unique<spdlog::pattern_formatter>("[%v]"));
  constexpr int kThreads = 4;
  constexpr int kLines = 2000;
  const std::string payload(300, 'x');
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kLines; ++i) logger.info("{}:{}:{}", t, i, payload);
    });
  }
  for (auto& thread : threads) thread.join();
  const auto lines = file.lines();
  ASSERT_EQ(lines.size(), static_cast<std::size_t>(kThreads * kLines));
  std::vector<int> per_thread(kThreads);
  for (const auto& line : lines) {
    ASSERT_TRUE(line.starts_with("[") && line.ends_with(payload + "]")) << line.substr(0, 40);
    ++per_thread.at(static_cast<std::size_t>(line[1] - '0'));
  }
  for (int count : per_thread) EXPECT_EQ(count, kLines);
}

TEST(FdSink, ANewFormatterAppliesToThreadsThatAlreadyLogged) {
  TempLog file;
  spdlog::logger logger("t", std::make_shared<dt::log::FdSink>(file.fd));
  logger.set_formatter(std::make_unique<spdlog::pattern_formatter>("old %v"));
  logger.info("one");
  logger.set_formatter(std::make_unique<spdlog::pattern_formatter>("new %v"));
  logger.info("two");
  std::thread([&] { logger.info("three"); }).join();
  EXPECT_EQ(file.lines(), (std::vector<std::string>{"old one", "new two", "new three"}));
}

}  // namespace
