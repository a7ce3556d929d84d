#pragma once
// An spdlog sink that writes each formatted line to a file descriptor with one write(2), without a lock.
// spdlog's own stdout sinks serialise every line through one mutex, which threads serving requests contend for
// (the access log writes a line per request). Here each thread formats with its own copy of the formatter and
// the kernel keeps lines whole: write(2) to an O_APPEND file, or a pipe for lines up to PIPE_BUF, is atomic.
// Written here because spdlog 1.10 (Debian bookworm) has no lock-free sink.
#include <spdlog/formatter.h>
#include <spdlog/sinks/sink.h>

#include <atomic>
#include <memory>
#include <mutex>

namespace dt::log {

class FdSink final : public spdlog::sinks::sink {
 public:
  explicit FdSink(int fd);

  void log(const spdlog::details::log_msg& msg) override;
  void flush() override {}
  void set_pattern(const std::string& pattern) override;
  void set_formatter(std::unique_ptr<spdlog::formatter> formatter) override;

 private:
  std::unique_ptr<spdlog::formatter> clone_formatter();

  int fd_;
  std::mutex mutex_;  // guards formatter_, taken only when a thread first formats for a new formatter
  std::unique_ptr<spdlog::formatter> formatter_;
  std::atomic<std::uint64_t> generation_;  // changes with every formatter, across all sinks
};

}  // namespace dt::log
