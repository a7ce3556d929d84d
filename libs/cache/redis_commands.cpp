// The convenience commands of Redis: each is one command() with its reply converted.
#include <utility>

#include "cache/redis.hpp"

namespace dt::cache {

Awaitable<std::optional<std::string>> Redis::get(std::string key) {
  std::vector<std::string> argv{"GET", std::move(key)};
  const Reply reply = co_await command(std::move(argv));
  co_return reply.as_optional_string();
}

Awaitable<std::vector<std::optional<std::string>>> Redis::mget(std::vector<std::string> keys) {
  std::vector<std::optional<std::string>> values;
  if (keys.empty()) co_return values;
  std::vector<std::string> argv{"MGET"};
  argv.insert(argv.end(), std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
  const Reply reply = co_await command(std::move(argv));
  for (const Reply& element : reply.as_array()) values.push_back(element.as_optional_string());
  co_return values;
}

Awaitable<void> Redis::set(std::string key, std::string value, std::optional<std::chrono::milliseconds> ttl) {
  std::vector<std::string> argv{"SET", std::move(key), std::move(value)};
  if (ttl) {
    argv.push_back("PX");
    argv.push_back(std::to_string(ttl->count()));
  }
  co_await command(std::move(argv));
}

Awaitable<long long> Redis::del(std::vector<std::string> keys) {
  if (keys.empty()) co_return 0;
  std::vector<std::string> argv{"DEL"};
  argv.insert(argv.end(), std::make_move_iterator(keys.begin()), std::make_move_iterator(keys.end()));
  const Reply reply = co_await command(std::move(argv));
  co_return reply.as_integer();
}

Awaitable<bool> Redis::expire(std::string key, std::chrono::milliseconds ttl) {
  std::vector<std::string> argv{"PEXPIRE", std::move(key), std::to_string(ttl.count())};
  const Reply reply = co_await command(std::move(argv));
  co_return reply.as_integer() == 1;
}

Awaitable<long long> Redis::incr(std::string key, Retry retry) {
  std::vector<std::string> argv{"INCR", std::move(key)};
  const Reply reply = co_await command(std::move(argv), retry);
  co_return reply.as_integer();
}

Awaitable<long long> Redis::incrby(std::string key, long long increment, Retry retry) {
  std::vector<std::string> argv{"INCRBY", std::move(key), std::to_string(increment)};
  const Reply reply = co_await command(std::move(argv), retry);
  co_return reply.as_integer();
}

Awaitable<std::optional<std::string>> Redis::hget(std::string key, std::string field) {
  std::vector<std::string> argv{"HGET", std::move(key), std::move(field)};
  const Reply reply = co_await command(std::move(argv));
  co_return reply.as_optional_string();
}

Awaitable<long long> Redis::hset(std::string key, std::vector<std::pair<std::string, std::string>> fields) {
  std::vector<std::string> argv{"HSET", std::move(key)};
  for (auto& [field, value] : fields) {
    argv.push_back(std::move(field));
    argv.push_back(std::move(value));
  }
  const Reply reply = co_await command(std::move(argv));
  co_return reply.as_integer();
}

Awaitable<std::map<std::string, std::string>> Redis::hgetall(std::string key) {
  std::vector<std::string> argv{"HGETALL", std::move(key)};
  const Reply reply = co_await command(std::move(argv));
  const std::vector<Reply>& flat = reply.as_array();
  std::map<std::string, std::string> fields;
  for (std::size_t i = 0; i + 1 < flat.size(); i += 2) fields.emplace(flat[i].as_string(), flat[i + 1].as_string());
  co_return fields;
}

Awaitable<long long> Redis::publish(std::string channel, std::string message, Retry retry) {
  std::vector<std::string> argv{"PUBLISH", std::move(channel), std::move(message)};
  const Reply reply = co_await command(std::move(argv), retry);
  co_return reply.as_integer();
}

}  // namespace dt::cache
