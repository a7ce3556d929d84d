#include "http_client/http_client.hpp"

#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <utility>

#include "async/async_pool.hpp"
#include "http_client/detail/client_message.hpp"
#include "http_client/detail/connection.hpp"
#include "http_client/http_url.hpp"

namespace dt::http {

using detail::Connection;

class HttpClient::Impl {
 public:
  Impl(Executor executor, ClientOptions options) : executor_(std::move(executor)), options_(options) {
    if (options_.max_connections_per_host == 0) {
      throw std::invalid_argument("http client: max_connections_per_host must be at least 1");
    }
  }

  Awaitable<ClientResponse> send(std::string host, std::uint16_t port, ClientRequest request);

 private:
  using Pool = async::AsyncPool<Connection>;

  Pool& pool_for(const std::string& host, std::uint16_t port);
  Awaitable<std::unique_ptr<Connection>> open(std::string host, std::uint16_t port);
  Awaitable<Pool::Lease> acquire(Pool& pool);
  Awaitable<void> reconnect(Pool::Lease& lease);

  Executor executor_;
  ClientOptions options_;
  std::mutex mutex_;                                    // guards pools_
  std::map<std::string, std::unique_ptr<Pool>> pools_;  // by "host:port"; never shrinks (few hosts per service)
};

Awaitable<ClientResponse> HttpClient::Impl::send(std::string host, std::uint16_t port, ClientRequest request) {
  const auto timeout = request.timeout.value_or(options_.request_timeout);
  const std::string what = detail::describe(request.method, host, port, request.target);
  const detail::BeastClientRequest message = detail::to_beast_request(std::move(request), host, port);
  Pool::Lease lease = co_await acquire(pool_for(host, port));
  const auto deadline = Connection::Clock::now() + timeout;  // shared by the retry
  for (int attempt = 1;; ++attempt) {
    const bool reused = lease->used();
    try {
      auto response = co_await lease->exchange(message, deadline, options_.max_response_body, what);
      if (!lease->reusable()) lease.discard();
      co_return detail::to_client_response(std::move(response));
    } catch (const detail::PeerClosed&) {
      // The one retry. A kept-alive connection can be closed by the server while it sits idle in the pool (its
      // keep-alive timeout, a restart); writing on it then succeeds and the read meets EOF or a reset before any
      // response byte. The server never read that request, so it is sent again, once, on a fresh connection,
      // whatever the method. Only then: on a fresh connection, or once a response has started, or for any other
      // error, the request may have been processed and the error goes to the caller.
      if (!reused || attempt > 1) {
        lease.discard();
        throw;
      }
    } catch (...) {
      lease.discard();
      throw;
    }
    co_await reconnect(lease);
  }
}

HttpClient::Impl::Pool& HttpClient::Impl::pool_for(const std::string& host, std::uint16_t port) {
  const std::string key = host + ":" + std::to_string(port);
  std::lock_guard lock(mutex_);
  auto& pool = pools_[key];
  if (!pool) {
    pool = std::make_unique<Pool>(executor_,
                                  Pool::Options{.max_size = options_.max_connections_per_host,
                                                .acquire_timeout = options_.acquire_timeout,
                                                .name = "http client: " + key},
                                  [this, host, port] { return open(host, port); });
  }
  return *pool;
}

Awaitable<std::unique_ptr<Connection>> HttpClient::Impl::open(std::string host, std::uint16_t port) {
  auto connection = std::make_unique<Connection>(executor_, std::move(host), port);
  co_await connection->connect(options_.connect_timeout);
  co_return connection;
}

// A connection ready for a request: an idle one young enough, or a new one.
Awaitable<HttpClient::Impl::Pool::Lease> HttpClient::Impl::acquire(Pool& pool) {
  std::optional<Pool::Lease> lease;
  try {
    lease.emplace(co_await pool.acquire());
  } catch (const async::PoolExhausted& e) {
    throw ClientError(ClientError::Kind::timeout, e.what());
  }
  // Past idle_timeout the server may be about to close it: open a fresh one in its place (same pool slot).
  if ((*lease)->idle_for() > options_.idle_timeout) co_await reconnect(*lease);
  co_return std::move(*lease);
}

Awaitable<void> HttpClient::Impl::reconnect(Pool::Lease& lease) {
  try {
    co_await lease->connect(options_.connect_timeout);
  } catch (...) {
    lease.discard();
    throw;
  }
}

HttpClient::HttpClient(Executor executor, ClientOptions options)
    : impl_(std::make_unique<Impl>(std::move(executor), options)) {}

HttpClient::~HttpClient() = default;

Awaitable<ClientResponse> HttpClient::send(std::string host, std::uint16_t port, ClientRequest request) {
  return impl_->send(std::move(host), port, std::move(request));
}

Awaitable<ClientResponse> HttpClient::send(std::string_view url, ClientRequest request) {
  HttpUrl parsed = HttpUrl::parse(url);
  request.target = std::move(parsed.target);
  return impl_->send(std::move(parsed.host), parsed.port, std::move(request));
}

}  // namespace dt::http
