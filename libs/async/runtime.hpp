#pragma once
// Runtime: the io_context of a process and the threads that run it (one per core by default).
// Everything asynchronous in a service (server, pools, timers) runs on runtime.executor().
#include <memory>

#include "async/awaitable.hpp"

namespace dt::async {

class Runtime {
 public:
  explicit Runtime(unsigned threads = 0);  // 0: one thread per core
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  Executor executor() const;
  unsigned threads() const { return threads_; }
  // Runs the io_context on `threads` threads (the caller's included) until stop(); rethrows nothing: work items
  // handle their own errors.
  void run();
  // Makes run() return once the threads leave the io_context; thread-safe, callable from any handler.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned threads_;
};

}  // namespace dt::async
