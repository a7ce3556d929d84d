#pragma once
// AsyncPool<Conn>: a bounded pool of connections shared by all threads of one io_context.
// At most max_size connections exist; acquire() waits (up to acquire_timeout) for a free slot, reuses an idle
// connection or opens a new one with the factory. A Lease gives the connection back when destroyed; call
// discard() when the connection is broken so that it is closed instead of reused (e.g. after a server restart).
//
// Waiting never blocks a thread: a caller that finds no free slot queues a Waiter and awaits its own
// thread-safe channel. Exactly one party completes a waiter, decided under the mutex: a release (hands it the
// slot) or its expiry timer (times it out). Channel receives are never cancelled: in Asio 1.81 a cancelled
// receive leaves a channel refusing later sends, which would leak slots.
#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "async/awaitable.hpp"
#include "async/timeout_error.hpp"

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
      : executor_(executor),
        options_(std::move(options)),
        factory_(std::move(factory)),
        slots_(std::make_shared<Slots>(options_.max_size)) {}

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
    std::lock_guard lock(slots_->mutex);
    return idle_.size();
  }
  std::size_t max_size() const { return options_.max_size; }

  // Closes idle connections, e.g. after a dependency restarted; leased ones are closed on discard().
  void clear_idle() {
    std::lock_guard lock(slots_->mutex);
    idle_.clear();
  }

 private:
  using Channel = boost::asio::experimental::concurrent_channel<void(boost::system::error_code)>;
  struct Waiter {
    explicit Waiter(Executor executor)
        : channel(executor, 1), strand(boost::asio::make_strand(executor)), expiry(strand) {}
    Channel channel;
    boost::asio::strand<Executor> strand;  // the expiry timer is only touched on this strand
    boost::asio::steady_timer expiry;
  };
  // Shared with expiry timers, which may outlive the pool.
  struct Slots {
    explicit Slots(std::size_t n) : free(n) {}
    std::mutex mutex;
    std::size_t free;
    std::deque<std::shared_ptr<Waiter>> waiters;
  };

  Awaitable<void> with_slot() {
    std::shared_ptr<Waiter> waiter;
    {
      std::lock_guard lock(slots_->mutex);
      if (slots_->free > 0) {
        --slots_->free;
        co_return;
      }
      waiter = std::make_shared<Waiter>(executor_);
      // Started before the waiter is visible, so a release's cancel reaches the strand after the wait began.
      boost::asio::co_spawn(waiter->strand, expire(slots_, waiter, options_.acquire_timeout), boost::asio::detached);
      slots_->waiters.push_back(waiter);
    }
    auto [ec] = co_await waiter->channel.async_receive(boost::asio::as_tuple(boost::asio::use_awaitable));
    if (ec) throw PoolExhausted(options_.name + ": waiting for a free connection timed out");
  }

  static Awaitable<void> expire(std::weak_ptr<Slots> weak, std::shared_ptr<Waiter> waiter,
                                std::chrono::milliseconds after) {
    waiter->expiry.expires_after(after);
    co_await waiter->expiry.async_wait(boost::asio::as_tuple(boost::asio::use_awaitable));
    auto slots = weak.lock();
    if (!slots) co_return;
    {
      std::lock_guard lock(slots->mutex);
      auto it = std::find(slots->waiters.begin(), slots->waiters.end(), waiter);
      if (it == slots->waiters.end()) co_return;  // a release handed it a slot first
      slots->waiters.erase(it);
    }
    waiter->channel.try_send(boost::asio::error::timed_out);
  }

  std::unique_ptr<Conn> take_idle() {
    std::lock_guard lock(slots_->mutex);
    if (idle_.empty()) return nullptr;
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return conn;
  }

  void release(std::unique_ptr<Conn> conn) {
    if (conn) {
      std::lock_guard lock(slots_->mutex);
      idle_.push_back(std::move(conn));
    }
    give_slot_back();
  }

  void give_slot_back() {
    std::shared_ptr<Waiter> next;
    {
      std::lock_guard lock(slots_->mutex);
      if (slots_->waiters.empty()) {
        ++slots_->free;
        return;
      }
      next = std::move(slots_->waiters.front());
      slots_->waiters.pop_front();
    }
    next->channel.try_send(boost::system::error_code{});  // capacity 1, sent once: cannot fail
    boost::asio::post(next->strand, [next] { next->expiry.cancel(); });
  }

  Executor executor_;
  Options options_;
  Factory factory_;
  std::shared_ptr<Slots> slots_;
  std::vector<std::unique_ptr<Conn>> idle_;  // guarded by slots_->mutex
};

}  // namespace dt::async
