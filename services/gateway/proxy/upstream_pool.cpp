#include "gateway/proxy/upstream_pool.hpp"

#include <boost/asio/execution/context.hpp>
#include <boost/asio/execution_context.hpp>
#include <boost/asio/query.hpp>

#include <atomic>
#include <unordered_map>
#include <vector>

namespace dt::gateway::proxy {
namespace {

std::atomic<std::uint64_t> next_serial{1};

}  // namespace

struct UpstreamPools::ThreadPools {
  // Idle connections by "host:port", the most recently used last.
  std::unordered_map<std::string, std::vector<std::unique_ptr<UpstreamConnection>>> idle;
  std::uint64_t sends = 0;

  // Every so often, drops the connections idle for too long, including those to instances that are gone and
  // so never asked for again. Entries stay (a suspended send may hold a reference to its list).
  void sweep(std::chrono::milliseconds idle_timeout) {
    if (++sends % 4096 != 0) return;
    for (auto& [key, list] : idle) {
      std::erase_if(list, [&](const auto& connection) { return connection->idle_for() > idle_timeout; });
    }
  }
};

namespace {

// The last pools this thread used, so that the common case takes no lock.
struct ThreadCache {
  std::uint64_t serial = 0;
  const void* context = nullptr;
  void* pools = nullptr;
};
thread_local ThreadCache cache;

}  // namespace

UpstreamPools::UpstreamPools(UpstreamPoolOptions options) : options_(options), serial_(next_serial++) {}

UpstreamPools::~UpstreamPools() {
  if (cache.serial == serial_) cache = ThreadCache{};
}

UpstreamPools::ThreadPools& UpstreamPools::for_executor(const Executor& executor) {
  const void* context = &boost::asio::query(executor, boost::asio::execution::context);
  if (cache.serial == serial_ && cache.context == context) return *static_cast<ThreadPools*>(cache.pools);
  std::lock_guard lock(mutex_);
  auto& pools = threads_[context];
  if (!pools) pools = std::make_unique<ThreadPools>();
  cache = ThreadCache{.serial = serial_, .context = context, .pools = pools.get()};
  return *pools;
}

Awaitable<UpstreamResponse> UpstreamPools::send(const Executor& executor, const std::string& host, std::uint16_t port,
                                                const UpstreamRequest& request) {
  ThreadPools& pools = for_executor(executor);
  pools.sweep(options_.idle_timeout);
  auto& idle = pools.idle[host + ":" + std::to_string(port)];
  std::unique_ptr<UpstreamConnection> connection;
  while (!idle.empty() && !connection) {
    connection = std::move(idle.back());
    idle.pop_back();
    if (connection->idle_for() > options_.idle_timeout) connection.reset();
  }
  if (!connection) {
    connection = std::make_unique<UpstreamConnection>(executor);
    co_await connection->connect(host, port, options_.connect_timeout);
  }
  const auto deadline = UpstreamConnection::Clock::now() + request.timeout;
  for (int attempt = 1;; ++attempt) {
    const bool reused = connection->used();
    bool closed_while_idle = false;
    try {
      UpstreamResponse response = co_await connection->exchange(
          request.start, request.rest, request.body, request.head_request, deadline, request.max_body, request.what);
      if (connection->reusable() && idle.size() < options_.max_idle) idle.push_back(std::move(connection));
      co_return response;
    } catch (const ClosedBeforeResponse&) {
      if (!reused || attempt > 1) throw;
      closed_while_idle = true;
    }
    if (closed_while_idle) {
      connection = std::make_unique<UpstreamConnection>(executor);
      co_await connection->connect(host, port, options_.connect_timeout);
    }
  }
}

}  // namespace dt::gateway::proxy
