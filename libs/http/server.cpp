#include "http/server.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/bind_cancellation_slot.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <stdexcept>

#include "http/detail/server_impl.hpp"
#include "log/log.hpp"

namespace dt::http {

namespace asio = boost::asio;
using asio::ip::tcp;

Server::Impl::Impl(async::Runtime& rt, ServerOptions opts, const Pipeline& p)
    : runtime(rt),
      options(std::move(opts)),
      pipeline(p),
      acceptor_strand(asio::make_strand(rt.executor())),
      acceptor(acceptor_strand) {}

Server::Server(async::Runtime& runtime, ServerOptions options, const Pipeline& pipeline)
    : impl_(std::make_shared<Impl>(runtime, std::move(options), pipeline)) {}

Server::~Server() {
  // Connections hold the Impl alive; closing the acceptor here makes sure no new one arrives.
  asio::dispatch(impl_->acceptor_strand, [impl = impl_] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
  });
}

std::uint16_t Server::listen() {
  const auto& o = impl_->options;
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(o.host, ec);
  if (ec) throw std::runtime_error("cannot listen: '" + o.host + "' is not an IP address");
  const tcp::endpoint endpoint(address, o.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + o.host + ":" + std::to_string(o.port) + ": " + ec.message());
  }
  asio::co_spawn(impl_->acceptor_strand, impl_->accept_loop(), [impl = impl_](std::exception_ptr e) {
    if (e) log::error("accept loop stopped by an exception");
  });
  return acceptor.local_endpoint().port();
}

Awaitable<void> Server::Impl::accept_loop() {
  auto self = shared_from_this();
  for (;;) {
    auto [ec, socket] = co_await acceptor.async_accept(runtime.next_executor(), asio::as_tuple(asio::use_awaitable));
    if (stopping.load() || ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // Typically EMFILE: back off briefly instead of spinning.
      log::warn("accept failed", {{"error", ec.message()}});
      asio::steady_timer pause(acceptor_strand, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::as_tuple(asio::use_awaitable));
      continue;
    }
    socket.set_option(tcp::no_delay(true), ec);
    if (count.load() >= options.max_connections) {
      auto context = socket.get_executor();
      asio::co_spawn(context, reject(std::move(socket)), asio::detached);
      continue;
    }
    auto connection = std::make_shared<detail::Connection>(std::move(socket));
    {
      std::lock_guard lock(mutex);
      live.insert(connection);
    }
    count.fetch_add(1);
    auto on_end = [self, connection](std::exception_ptr e) {
      if (e) log::error("connection ended by an unexpected exception");
      self->forget(connection);
    };
    asio::co_spawn(connection->stream.get_executor(), serve(connection),
                   asio::bind_cancellation_slot(connection->cancel.slot(), std::move(on_end)));
  }
}

void Server::Impl::forget(const std::shared_ptr<detail::Connection>& connection) {
  bool last = false;
  {
    std::lock_guard lock(mutex);
    live.erase(connection);
    last = live.empty();
  }
  count.fetch_sub(1);
  if (last && stopping.load()) finish_shutdown();
}

void Server::Impl::finish_shutdown() {
  std::function<void()> done;
  {
    std::lock_guard lock(mutex);
    done = std::move(on_done);
    on_done = nullptr;
  }
  if (!done) return;
  if (deadline) asio::post(acceptor_strand, [self = shared_from_this()] { self->deadline->cancel(); });
  done();
}

void Server::shutdown(std::function<void()> on_done) {
  auto impl = impl_;
  if (impl->stopping.exchange(true)) return;
  std::vector<std::shared_ptr<detail::Connection>> connections;
  {
    std::lock_guard lock(impl->mutex);
    impl->on_done = std::move(on_done);
    connections.assign(impl->live.begin(), impl->live.end());
  }
  asio::post(impl->acceptor_strand, [impl] {
    boost::system::error_code ignored;
    impl->acceptor.close(ignored);
    impl->deadline = std::make_unique<asio::steady_timer>(impl->acceptor_strand, impl->options.shutdown_deadline);
    impl->deadline->async_wait([impl](boost::system::error_code ec) {
      if (ec) return;  // every connection finished in time
      std::vector<std::shared_ptr<detail::Connection>> rest;
      {
        std::lock_guard lock(impl->mutex);
        rest.assign(impl->live.begin(), impl->live.end());
      }
      if (rest.empty()) return impl->finish_shutdown();
      log::warn("shutdown deadline passed; cutting connections", {{"connections", rest.size()}});
      // Each connection is cancelled and closed on its own thread; its coroutines unwind while the pipeline still
      // exists, and the last one to end reports the shutdown as done (forget). A handler that ignores the
      // cancellation gets one more second.
      for (auto& c : rest) {
        asio::post(c->stream.get_executor(), [c] {
          c->cancel.emit(asio::cancellation_type::terminal);
          c->stream.close();
        });
      }
      impl->deadline->expires_after(std::chrono::seconds(1));
      impl->deadline->async_wait([impl](boost::system::error_code again) {
        if (!again) impl->finish_shutdown();
      });
    });
  });
  // Idle keep-alive connections are closed now; busy ones close after their response.
  for (auto& c : connections) {
    asio::post(c->stream.get_executor(), [c] {
      boost::system::error_code ignored;
      if (c->idle) c->stream.socket().cancel(ignored);
    });
  }
  if (impl->count.load() == 0) impl->finish_shutdown();
}

std::size_t Server::connections() const { return impl_->count.load(); }

}  // namespace dt::http
