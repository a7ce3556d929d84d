#pragma once
// Redis: a pooled, asynchronous Redis client for coroutine services. Thread-safe: one instance per service,
// shared by every coroutine on every thread of the io_context. It must outlive the coroutines that use it.
//
//   dt::cache::Redis redis(io.get_executor(), {.url = config.redis_url});
//   co_await redis.set("session:42", token, std::chrono::minutes(30));
//   std::optional<std::string> token = co_await redis.get("session:42");
//
// Errors: dt::cache::Unavailable when Redis cannot be reached or does not answer within command_timeout (degrade:
// fail open, answer 503); dt::cache::Error for an error reply (WRONGTYPE...). See errors.hpp.
// Connections are opened lazily, up to max_connections; the constructor does no I/O.
//
// GCC 12 (Debian bookworm) rejects a braced list inside a co_await expression ("array used as initializer"):
// write `std::vector<std::string> argv{"HINCRBY", key, "n", "1"}; co_await redis.command(std::move(argv));`,
// not `co_await redis.command({"HINCRBY", key, "n", "1"})`; the same for del, mget, hset, eval and pipeline.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "async/awaitable.hpp"
#include "cache/redis_options.hpp"
#include "cache/reply.hpp"
#include "cache/script.hpp"

namespace dt::cache {

// What to do when the connection breaks while a command is in flight (Redis restarted or was killed mid-command).
// The command may or may not have run on the server: nobody can know.
//  - once: send it again, once, on a new connection. Right for idempotent commands (GET, SET, DEL, EXPIRE,
//    HSET, MGET...): running them twice leaves the same state.
//  - never: throw Unavailable. For commands whose repetition changes the outcome (INCR would count twice, PUBLISH
//    would deliver twice, a Lua script taking a token would take two).
// Either way, a connection that the server closed while it sat idle in the pool is detected before anything is
// sent and replaced, so a restart between two commands costs no error even with never. Timeouts are never
// retried: the command may still be running, and waiting twice as long would not help the caller.
enum class Retry { once, never };

class Redis {
 public:
  // Throws std::invalid_argument for a malformed URL or max_connections == 0.
  Redis(Executor executor, RedisOptions options);
  ~Redis();
  Redis(const Redis&) = delete;
  Redis& operator=(const Redis&) = delete;

  // Any command, e.g. {"ZADD", key, "1", member}. Arguments are binary-safe. Throws Error for an error reply,
  // so the Reply returned is never an error.
  Awaitable<Reply> command(std::vector<std::string> argv, Retry retry = Retry::once);

  // Sends all commands in one write and reads all replies, in order. An error reply stays in its place in the
  // result (the other commands did run); only Unavailable is thrown. Not a transaction (wrap in MULTI/EXEC
  // for that). Retry::once resends the whole pipeline: give never when any command in it is not idempotent.
  Awaitable<std::vector<Reply>> pipeline(std::vector<std::vector<std::string>> commands, Retry retry = Retry::once);

  // Readiness: true when Redis answers PING. Never throws Error (false instead).
  Awaitable<bool> ping();

  Awaitable<std::optional<std::string>> get(std::string key);
  Awaitable<std::vector<std::optional<std::string>>> mget(std::vector<std::string> keys);
  // SET key value [PX ttl].
  Awaitable<void> set(std::string key, std::string value, std::optional<std::chrono::milliseconds> ttl = {});
  // Returns how many of the keys existed.
  Awaitable<long long> del(std::vector<std::string> keys);
  // PEXPIRE; false when the key does not exist.
  Awaitable<bool> expire(std::string key, std::chrono::milliseconds ttl);
  Awaitable<long long> incr(std::string key, Retry retry = Retry::never);
  Awaitable<long long> incrby(std::string key, long long increment, Retry retry = Retry::never);

  Awaitable<std::optional<std::string>> hget(std::string key, std::string field);
  // Returns how many fields were added (not updated).
  Awaitable<long long> hset(std::string key, std::vector<std::pair<std::string, std::string>> fields);
  Awaitable<std::map<std::string, std::string>> hgetall(std::string key);

  // Runs a Lua script: EVALSHA, then EVAL when Redis answers NOSCRIPT (first use, or after a restart or
  // SCRIPT FLUSH). Throws Error for an error raised by the script.
  Awaitable<Reply> eval(Script script, std::vector<std::string> keys, std::vector<std::string> args,
                        Retry retry = Retry::never);

  // Returns how many subscribers received the message.
  Awaitable<long long> publish(std::string channel, std::string message, Retry retry = Retry::never);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace dt::cache
