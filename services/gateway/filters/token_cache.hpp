#pragma once
// TokenCache: principals of tokens the gateway has already verified, so that a client sending the same token
// on every request costs one RS256 verification per minute instead of one per request. An entry lives until
// the token's own expiry (exp, without the verifier's leeway) or max_age after its verification, whichever
// comes first; max_age bounds how long a key removed from the JWKS keeps being honoured. Only successes are
// cached. Thread-safe: the entries are spread over shards, each with its own mutex; a full shard is emptied.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/principal.hpp"

namespace dt::gateway::filters {

struct TokenCacheOptions {
  std::size_t max_entries = 16384;  // over all shards
  std::chrono::seconds max_age{60};
};

class TokenCache {
 public:
  using Clock = std::chrono::system_clock;

  explicit TokenCache(TokenCacheOptions options = {});

  std::optional<http::Principal> find(std::string_view token, Clock::time_point now);
  // Remembers a token verify_token accepted; a token whose payload has no readable exp is not remembered.
  void remember(std::string_view token, const http::Principal& principal, Clock::time_point now);

 private:
  static constexpr std::size_t kShards = 16;
  struct Entry {
    http::Principal principal;
    Clock::time_point until;
  };
  // Hashes the last 32 characters only (the end of the signature, as random as anything) and the length:
  // enough to spread tokens, without hashing a kilobyte per lookup. Keys are still compared whole.
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      const auto tail = text.substr(text.size() - std::min<std::size_t>(text.size(), 32));
      return std::hash<std::string_view>{}(tail) ^ text.size();
    }
  };
  struct Shard {
    std::mutex mutex;
    std::unordered_map<std::string, Entry, Hash, std::equal_to<>> entries;
  };
  Shard& shard_for(std::string_view token);

  TokenCacheOptions options_;
  std::array<Shard, kShards> shards_;
};

// The exp claim of a JWT's payload, or nullopt (pure; the signature is not checked here).
std::optional<TokenCache::Clock::time_point> token_expiry(std::string_view token);

}  // namespace dt::gateway::filters
