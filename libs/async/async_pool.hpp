#pragma once
// AsyncPool<Conn>: a bounded pool of connections shared by all threads of one io_context.
// At most max_size connections exist; acquire() waits (up to acquire_timeout) for a free slot, reuses an idle
// connection or opens a new one with the factory. A Lease gives the connection back when destroyed; call
// discard() when the connection is broken so that it is closed instead of reused (e.g. after a server restart).
// Slots are tokens in a thread-safe Asio channel, so waiting never blocks a thread.
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "async/timeout.hpp"

namespace dt::async {

class PoolExhausted : public TimeoutError {
 public:
  using TimeoutError::TimeoutError;
};

template <class Conn>
class AsyncPool {
 public:
  using Factory = std::function<Awaitable<std::unique_ptr<Conn>>()>;

  struct Options {
    std::size_t max_size = 8;
    std::chrono::milliseconds acquire_timeout{2000};
    std::string name = "pool";
  };

  class Lease {
   public:
    Lease(AsyncPool* pool, std::unique_ptr<Conn> conn) : pool_(pool), conn_(std::move(conn)) {}
    Lease(Lease&& other) noexcept : pool_(other.pool_), conn_(std::move(other.conn_)) { other.pool_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() {
      if (pool_) pool_->release(std::move(conn_));
    }

    Conn& operator*() const { return *conn_; }
    Conn* operator->() const { return conn_.get(); }
    // The connection is broken: close it instead of returning it to the pool.
    void discard() { conn_.reset(); }

   private:
    AsyncPool* pool_;
    std::unique_ptr<Conn> conn_;
  };

  AsyncPool(Executor executor, Options options, Factory factory)
      : options_(std::move(options)), factory_(std::move(factory)), slots_(executor, options_.max_size) {
    for (std::size_t i = 0; i < options_.max_size; ++i) slots_.try_send(boost::system::error_code{});
  }

  Awaitable<Lease> acquire() {
    co_await with_slot();
    std::unique_ptr<Conn> conn = take_idle();
    if (!conn) {
      try {
        conn = co_await factory_();
      } catch (...) {
        give_slot_back();
        throw;
      }
    }
    co_return Lease(this, std::move(conn));
  }

  std::size_t idle_count() const {
    std::lock_guard lock(mutex_);
    return idle_.size();
  }
  std::size_t max_size() const { return options_.max_size; }

  // Closes idle connections, e.g. after a dependency restarted; leased ones are closed on discard().
  void clear_idle() {
    std::lock_guard lock(mutex_);
    idle_.clear();
  }

 private:
  Awaitable<void> with_slot() {
    try {
      co_await with_timeout(slots_.async_receive(boost::asio::use_awaitable), options_.acquire_timeout,
                            options_.name + ": waiting for a free connection");
    } catch (const TimeoutError& e) {
      throw PoolExhausted(e.what());
    }
  }

  std::unique_ptr<Conn> take_idle() {
    std::lock_guard lock(mutex_);
    if (idle_.empty()) return nullptr;
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }

  void release(std::unique_ptr<Conn> conn) {
    if (conn) {
      std::lock_guard lock(mutex_);
      idle_.push_back(std::move(conn));
    }
    give_slot_back();
  }

  void give_slot_back() { slots_.try_send(boost::system::error_code{}); }

  Options options_;
  Factory factory_;
  boost::asio::experimental::concurrent_channel<void(boost::system::error_code)> slots_;
  mutable std::mutex mutex_;
  std::vector<std::unique_ptr<Conn>> idle_;
};

}  // namespace dt::async
