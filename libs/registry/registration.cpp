#include "registry/registration.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

#include "log/log.hpp"
#include "registry/detail/backoff.hpp"
#include "registry/etcd_client.hpp"
#include "registry/registry_keys.hpp"

namespace dt::registry {
namespace {

namespace asio = boost::asio;
using std::chrono::milliseconds;

RegistrationOptions checked(RegistrationOptions options) {
  if (options.ttl < std::chrono::seconds(1)) throw std::invalid_argument("registration: ttl must be at least 1 s");
  return options;
}

std::string describe(const std::exception_ptr& failure) {
  try {
    std::rethrow_exception(failure);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

struct Registration::State {
  State(const Executor& executor, RegistrationOptions opts, ServiceInstance self)
      : strand(asio::make_strand(executor)),
        timer(strand),
        options(checked(std::move(opts))),
        instance(std::move(self)),
        key(instance_key(instance)),
        value(to_json(instance)),
        etcd(executor, options.etcd_url, options.request_timeout) {}

  bool is_stopped() {
    std::lock_guard lock(mutex);
    return stopped;
  }
  std::int64_t current_lease() {
    std::lock_guard lock(mutex);
    return lease;
  }
  // Marks the registration stopped; returns the lease to revoke (0: none), nullopt if it was stopped already.
  std::optional<std::int64_t> mark_stopped() {
    std::lock_guard lock(mutex);
    if (stopped) return std::nullopt;
    stopped = true;
    registered = false;
    return std::exchange(lease, 0);
  }
  // Records whether the key is known to be in etcd; never true once stopped.
  void set_registered(bool known) {
    std::lock_guard lock(mutex);
    registered = known && !stopped;
  }
  bool is_registered() {
    std::lock_guard lock(mutex);
    return registered;
  }
  void cancel_timer(const std::shared_ptr<State>& self) {
    asio::post(strand, [self] { self->timer.cancel(); });
  }

  asio::strand<Executor> strand;
  asio::steady_timer timer;  // used on strand only
  const RegistrationOptions options;
  const ServiceInstance instance;
  const std::string key;
  const std::string value;
  EtcdClient etcd;
  std::atomic<bool> started{false};
  std::mutex mutex;  // guards the three below: stop() and registered() run on other threads than the loop
  bool stopped = false;
  bool registered = false;
  std::int64_t lease = 0;  // 0 while not registered
};

Registration::Registration(Executor executor, RegistrationOptions options, ServiceInstance instance)
    : state_(std::make_shared<State>(executor, std::move(options), std::move(instance))) {}

Registration::~Registration() {
  state_->mark_stopped();
  state_->cancel_timer(state_);
}

const ServiceInstance& Registration::instance() const { return state_->instance; }

bool Registration::registered() const { return state_->is_registered(); }

void Registration::start() {
  if (state_->started.exchange(true)) return;
  asio::co_spawn(state_->strand, keep_registered(state_), asio::detached);
}

void Registration::stop() {
  const std::optional<std::int64_t> lease = state_->mark_stopped();
  state_->cancel_timer(state_);
  if (!lease) return;
  const auto& self = state_->instance;
  if (*lease == 0) {
    log::info("registry: stopped before registering", {{"id", self.id}});
    return;
  }
  // A private io_context: the executor's threads may be busy (or be this very thread) during a shutdown.
  asio::io_context io;
  EtcdClient etcd(io.get_executor(), state_->options.etcd_url, state_->options.request_timeout);
  std::exception_ptr failure;
  asio::co_spawn(io, etcd.revoke_lease(*lease), [&failure](std::exception_ptr e) { failure = e; });
  io.run();
  if (failure) {
    log::warn("registry: could not deregister; the key expires with its lease",
              {{"id", self.id}, {"error", describe(failure)}});
  } else {
    log::info("registry: deregistered", {{"id", self.id}});
  }
}

Awaitable<void> Registration::register_once(State& state) {
  const std::int64_t lease = co_await state.etcd.grant_lease(state.options.ttl);
  co_await state.etcd.put(state.key, state.value, lease);
  bool keep = false;
  {
    std::lock_guard lock(state.mutex);
    keep = !state.stopped;
    if (keep) {
      state.lease = lease;
      state.registered = true;
    }
  }
  if (!keep) {
    // stop() ran while this was in flight and found no lease to revoke: take this one down here.
    co_await state.etcd.revoke_lease(lease);
    co_return;
  }
  log::info(
      "registry: registered",
      {{"id", state.instance.id}, {"key", state.key}, {"ttl_s", static_cast<long long>(state.options.ttl.count())}});
}

Awaitable<void> Registration::keep_registered(std::shared_ptr<State> state) {
  const milliseconds renew_every = std::chrono::duration_cast<milliseconds>(state->options.ttl) / 3;
  detail::Backoff backoff(milliseconds(500), renew_every);
  while (!state->is_stopped()) {
    milliseconds wait = renew_every;
    try {
      const std::int64_t lease = state->current_lease();
      if (lease == 0) {
        co_await register_once(*state);
      } else if (co_await state->etcd.keep_alive(lease) == 0) {
        {
          std::lock_guard lock(state->mutex);
          state->registered = false;
          if (state->lease == lease) state->lease = 0;
        }
        log::warn("registry: the lease is gone; registering again", {{"id", state->instance.id}});
        wait = milliseconds(0);
      } else {
        state->set_registered(true);
      }
      if (backoff.failures() > 0) {
        log::info("registry: etcd reachable again", {{"id", state->instance.id}, {"failures", backoff.failures()}});
      }
      backoff.reset();
    } catch (const std::exception& e) {
      state->set_registered(false);
      if (backoff.failures() == 0) {
        log::warn("registry: cannot reach etcd; retrying", {{"id", state->instance.id}, {"error", e.what()}});
      }
      wait = backoff.next();
    }
    if (state->is_stopped()) break;
    if (wait.count() == 0) continue;
    state->timer.expires_after(wait);
    co_await state->timer.async_wait(asio::as_tuple(asio::use_awaitable));
  }
}

}  // namespace dt::registry
