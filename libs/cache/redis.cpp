#include "cache/redis.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>
#include <utility>

#include "async/async_pool.hpp"
#include "cache/command_encoder.hpp"
#include "cache/connection.hpp"
#include "cache/redis_url.hpp"

namespace dt::cache {
namespace {

using detail::Connection;
using Pool = async::AsyncPool<Connection>;

// The command name for messages, e.g. "GET"; arguments are left out (they may be secrets).
std::string command_name(const std::vector<std::string>& argv) {
  if (argv.empty()) throw std::invalid_argument("redis: empty command");
  std::string name = argv.front().substr(0, 32);
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::toupper(c); });
  return name;
}

RedisOptions checked(RedisOptions options) {
  if (options.max_connections == 0) throw std::invalid_argument("redis: max_connections must be at least 1");
  return options;
}

}  // namespace

class Redis::Impl {
 public:
  Impl(Executor executor, RedisOptions options)
      : executor_(std::move(executor)),
        options_(checked(std::move(options))),
        url_(RedisUrl::parse(options_.url)),
        pool_(executor_,
              {.max_size = options_.max_connections,
               .acquire_timeout = options_.acquire_timeout,
               .name = "redis " + url_.endpoint()},
              [this] { return Connection::open(executor_, url_, options_.connect_timeout); }) {}

  // The replies to the count commands encoded in request, error replies included.
  Awaitable<std::vector<Reply>> execute(std::string request, std::size_t count, std::string what, Retry retry) {
    for (int attempt = 1;; ++attempt) {
      try {
        co_return co_await execute_once(request, count, what);
      } catch (const detail::ConnectionLost&) {
        if (retry == Retry::never || attempt == 2) throw;
      }
      // Most likely Redis restarted: the idle connections are as dead as this one was.
      pool_.clear_idle();
    }
  }

 private:
  Awaitable<std::vector<Reply>> execute_once(const std::string& request, std::size_t count, const std::string& what) {
    Pool::Lease lease = co_await acquire_live();
    std::vector<Reply> replies;
    try {
      replies = co_await lease->exchange(request, count, options_.command_timeout, what);
    } catch (...) {
      lease.discard();  // out of step with its commands (see Connection::exchange); never reuse it
      throw;
    }
    if (lease->broken()) lease.discard();
    co_return replies;
  }

  // A lease on a connection that the server has not closed, opening new ones if need be.
  Awaitable<Pool::Lease> acquire_live() {
    for (int attempt = 0; attempt < 3; ++attempt) {
      Pool::Lease lease = co_await acquire();
      if (lease->looks_alive()) co_return std::move(lease);
      lease.discard();
      pool_.clear_idle();
    }
    // A server closing every new connection at once (maxclients reached?): let the command find out why.
    co_return co_await acquire();
  }

  Awaitable<Pool::Lease> acquire() {
    try {
      co_return co_await pool_.acquire();
    } catch (const async::PoolExhausted&) {
      throw Unavailable("redis " + url_.endpoint() + ": no free connection within " +
                        std::to_string(options_.acquire_timeout.count()) + " ms (all " +
                        std::to_string(options_.max_connections) + " in use)");
    }
  }

  Executor executor_;
  RedisOptions options_;
  RedisUrl url_;
  Pool pool_;
};

Redis::Redis(Executor executor, RedisOptions options)
    : impl_(std::make_unique<Impl>(std::move(executor), std::move(options))) {}

Redis::~Redis() = default;

Awaitable<Reply> Redis::command(std::vector<std::string> argv, Retry retry) {
  const std::string what = command_name(argv);
  std::vector<Reply> replies = co_await impl_->execute(detail::encode_command(argv), 1, what, retry);
  replies.front().throw_if_error("redis " + what);
  co_return std::move(replies.front());
}

Awaitable<std::vector<Reply>> Redis::pipeline(std::vector<std::vector<std::string>> commands, Retry retry) {
  if (commands.empty()) co_return std::vector<Reply>{};
  std::string request;
  for (const auto& argv : commands) request += detail::encode_command(argv);
  const std::string what = "pipeline of " + std::to_string(commands.size()) + " commands";
  co_return co_await impl_->execute(std::move(request), commands.size(), what, retry);
}

Awaitable<bool> Redis::ping() {
  bool pong = false;
  try {
    std::vector<std::string> argv{"PING"};
    const Reply reply = co_await command(std::move(argv));
    pong = reply.type() == Reply::Type::status && reply.as_string() == "PONG";
  } catch (const Error&) {
    pong = false;
  }
  co_return pong;
}

Awaitable<Reply> Redis::eval(Script script, std::vector<std::string> keys, std::vector<std::string> args, Retry retry) {
  std::vector<std::string> argv{"EVALSHA", script.sha1(), std::to_string(keys.size())};
  argv.insert(argv.end(), std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
  argv.insert(argv.end(), std::make_move_iterator(args.begin()), std::make_move_iterator(args.end()));
  std::vector<Reply> replies = co_await impl_->execute(detail::encode_command(argv), 1, "EVALSHA", retry);
  // NOSCRIPT: the script did not run, so sending it in full is safe whatever retry says.
  if (replies.front().is_error() && replies.front().as_string().starts_with("NOSCRIPT")) {
    argv[0] = "EVAL";
    argv[1] = script.source();
    replies = co_await impl_->execute(detail::encode_command(argv), 1, "EVAL", retry);
  }
  replies.front().throw_if_error("redis " + argv[0]);
  co_return std::move(replies.front());
}

}  // namespace dt::cache
