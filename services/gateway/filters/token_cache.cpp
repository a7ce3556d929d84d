#include "gateway/filters/token_cache.hpp"

#include <boost/json/parse.hpp>

#include "auth/base64url.hpp"

namespace dt::gateway::filters {

std::optional<TokenCache::Clock::time_point> token_expiry(std::string_view token) {
  const auto first = token.find('.');
  if (first == std::string_view::npos) return std::nullopt;
  const auto second = token.find('.', first + 1);
  if (second == std::string_view::npos) return std::nullopt;
  const auto payload = auth::base64url_decode(token.substr(first + 1, second - first - 1));
  if (!payload) return std::nullopt;
  boost::system::error_code ec;
  const auto claims = boost::json::parse(*payload, ec);
  if (ec || !claims.is_object()) return std::nullopt;
  const auto* exp = claims.as_object().if_contains("exp");
  if (!exp || !exp->is_number()) return std::nullopt;
  const auto seconds = exp->to_number<double>();
  return TokenCache::Clock::time_point(std::chrono::seconds(static_cast<std::int64_t>(seconds)));
}

TokenCache::TokenCache(TokenCacheOptions options) : options_(options) {}

TokenCache::Shard& TokenCache::shard_for(std::string_view token) { return shards_[(Hash{}(token) >> 7) % kShards]; }

std::optional<http::Principal> TokenCache::find(std::string_view token, Clock::time_point now) {
  Shard& shard = shard_for(token);
  std::lock_guard lock(shard.mutex);
  const auto it = shard.entries.find(token);
  if (it == shard.entries.end()) return std::nullopt;
  if (now >= it->second.until) {
    shard.entries.erase(it);
    return std::nullopt;
  }
  return it->second.principal;
}

void TokenCache::remember(std::string_view token, const http::Principal& principal, Clock::time_point now) {
  const auto expiry = token_expiry(token);
  if (!expiry) return;
  const auto until = std::min(*expiry, now + options_.max_age);
  if (until <= now) return;
  Shard& shard = shard_for(token);
  std::lock_guard lock(shard.mutex);
  if (shard.entries.size() >= std::max<std::size_t>(1, options_.max_entries / kShards)) shard.entries.clear();
  shard.entries.insert_or_assign(std::string(token), Entry{principal, until});
}

}  // namespace dt::gateway::filters
