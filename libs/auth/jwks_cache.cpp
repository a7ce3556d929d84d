#include "auth/jwks_cache.hpp"

#include <boost/asio/experimental/concurrent_channel.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <vector>

#include "log/log.hpp"

namespace dt::auth {

using Channel = boost::asio::experimental::concurrent_channel<void(boost::system::error_code)>;

// The fetch in progress: callers that arrive meanwhile wait on their own channel until it ends.
struct JwksCache::Flight {
  std::vector<std::shared_ptr<Channel>> waiters;
};

// What keys_for does next: return `ready`, wait on `wait`, or fetch (neither set).
struct JwksCache::Step {
  std::shared_ptr<const KeySet> ready;
  std::shared_ptr<Channel> wait;
};

// Ends the flight even when the fetching coroutine is destroyed mid-fetch (shutdown), so waiters never hang.
class JwksCache::FlightGuard {
 public:
  explicit FlightGuard(JwksCache& cache) : cache_(cache) {}
  ~FlightGuard() {
    if (!done_) cache_.finish(nullptr, "the fetch was abandoned");
  }
  FlightGuard(const FlightGuard&) = delete;
  FlightGuard& operator=(const FlightGuard&) = delete;
  void finish(std::shared_ptr<const KeySet> fetched, std::string error) {
    done_ = true;
    cache_.finish(std::move(fetched), std::move(error));
  }

 private:
  JwksCache& cache_;
  bool done_ = false;
};

JwksCache::JwksCache(Executor executor, http::HttpClient& client, JwksOptions options, SteadyClock clock)
    : executor_(std::move(executor)), client_(client), options_(std::move(options)), clock_(std::move(clock)) {}

JwksCache::~JwksCache() = default;

Awaitable<std::shared_ptr<const KeySet>> JwksCache::keys_for(std::string kid) {
  const Step step = decide(kid);
  if (step.ready) co_return step.ready;
  if (step.wait) {
    co_await step.wait->async_receive(boost::asio::use_awaitable);
    co_return settled(kid);
  }
  FlightGuard guard(*this);
  std::shared_ptr<const KeySet> fetched;
  std::string error;
  try {
    fetched = co_await fetch();
  } catch (const std::exception& e) {
    error = e.what();
  }
  guard.finish(std::move(fetched), std::move(error));
  co_return settled(kid);
}

JwksCache::Step JwksCache::decide(const std::string& kid) {
  std::lock_guard lock(mutex_);
  const auto now = clock_();
  if (keys_ && keys_->find(kid) && now - fetched_at_ < options_.max_age) return {keys_, nullptr};
  if (flight_) {
    auto channel = std::make_shared<Channel>(executor_, 1);
    flight_->waiters.push_back(channel);
    return {nullptr, channel};
  }
  if (last_attempt_ && now - *last_attempt_ < options_.min_refresh_interval) return {settle(kid), nullptr};
  flight_ = std::make_shared<Flight>();
  last_attempt_ = now;
  return {};
}

std::shared_ptr<const KeySet> JwksCache::settle(const std::string& kid) {
  if (!last_error_.empty()) {
    if (keys_ && keys_->find(kid)) return keys_;  // the identity provider is down: keep the keys we know
    throw JwksUnavailable(last_error_);
  }
  if (!keys_) throw JwksUnavailable("no JWKS fetched yet");
  return keys_;
}

std::shared_ptr<const KeySet> JwksCache::settled(const std::string& kid) {
  std::lock_guard lock(mutex_);
  return settle(kid);
}

Awaitable<std::shared_ptr<const KeySet>> JwksCache::fetch() {
  http::ClientRequest request;
  request.headers.set("Accept", "application/json");
  request.timeout = options_.fetch_timeout;
  const http::ClientResponse response = co_await client_.send(options_.jwks_url, std::move(request));
  if (response.status != 200) throw JwksUnavailable("the JWKS endpoint answered " + std::to_string(response.status));
  co_return std::make_shared<const KeySet>(KeySet::parse(response.body));
}

void JwksCache::finish(std::shared_ptr<const KeySet> fetched, std::string error) {
  const bool ok = fetched != nullptr;
  const std::size_t key_count = ok ? fetched->size() : 0;
  std::vector<std::shared_ptr<Channel>> waiters;
  {
    std::lock_guard lock(mutex_);
    if (ok) {
      keys_ = std::move(fetched);
      fetched_at_ = clock_();
      last_error_.clear();
    } else {
      last_error_ = "cannot fetch the JWKS from " + options_.jwks_url + ": " + error;
    }
    if (flight_) waiters = std::move(flight_->waiters);
    flight_.reset();
  }
  if (ok) {
    log::info("JWKS fetched", {{"url", options_.jwks_url}, {"keys", key_count}});
  } else {
    log::warn("JWKS fetch failed", {{"url", options_.jwks_url}, {"error", error}});
  }
  for (const auto& waiter : waiters) waiter->try_send(boost::system::error_code{});
}

}  // namespace dt::auth
