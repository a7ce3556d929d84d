#include "log/fd_sink.hpp"

#include <spdlog/pattern_formatter.h>
#include <unistd.h>

#include <cerrno>

namespace dt::log {
namespace {

std::atomic<std::uint64_t> next_generation{1};

void write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    const ssize_t n = ::write(fd, data, size);
    if (n < 0) {
      if (errno == EINTR) continue;
      return;  // nowhere to report a failing log: the line is lost, the service goes on
    }
    data += n;
    size -= static_cast<std::size_t>(n);
  }
}

}  // namespace

FdSink::FdSink(int fd)
    : fd_(fd), formatter_(std::make_unique<spdlog::pattern_formatter>()), generation_(next_generation++) {}

void FdSink::set_pattern(const std::string& pattern) {
  set_formatter(std::make_unique<spdlog::pattern_formatter>(pattern));
}

void FdSink::set_formatter(std::unique_ptr<spdlog::formatter> formatter) {
  std::lock_guard lock(mutex_);
  formatter_ = std::move(formatter);
  generation_.store(next_generation++, std::memory_order_release);
}

std::unique_ptr<spdlog::formatter> FdSink::clone_formatter() {
  std::lock_guard lock(mutex_);
  return formatter_->clone();
}

void FdSink::log(const spdlog::details::log_msg& msg) {
  struct PerThread {
    std::uint64_t generation = 0;
    std::unique_ptr<spdlog::formatter> formatter;
    spdlog::memory_buf_t line;
  };
  thread_local PerThread local;
  const auto generation = generation_.load(std::memory_order_acquire);
  if (local.generation != generation) {
    local.formatter = clone_formatter();
    local.generation = generation;
  }
  local.line.clear();
  local.formatter->format(msg, local.line);
  write_all(fd_, local.line.data(), local.line.size());
}

}  // namespace dt::log
