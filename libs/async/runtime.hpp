#pragma once
// Runtime: the threads of a process (one per core by default), each running its own io_context.
// A connection is given one context (next_executor(), round robin) and stays on its thread: no locks, no
// cross-thread wake-ups on the hot path. Shared things (pools, timers, signals) use executor(), the first
// context; a coroutine on any thread may await their operations (Asio delivers completions to the awaiting
// coroutine's own context).
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
  Executor next_executor();
  unsigned threads() const { return threads_; }
  // Runs `task` to completion on executor() before run() (start-up work such as migrations); rethrows its
  // exception. Must not be called while run() is running.
  void block_on(Awaitable<void> task);
  // Runs the io_context on `threads` threads (the caller's included) until stop(); rethrows nothing: work items
  // handle their own errors.
  void run();
  // Makes run() return once the threads leave the io_context; thread-safe, callable from any handler.
  void stop();
  // After run() returned: destroys the work still pending (suspended coroutines, queued handlers) while
  // everything they refer to (pools, pipelines) still exists. Owners call it before destroying those; the
  // io_contexts themselves live until the Runtime is destroyed, so I/O objects can still be closed after.
  void shutdown();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  unsigned threads_;
};

}  // namespace dt::async
