#pragma once
// Script: a Lua script for Redis::eval, with its SHA-1 computed once so that calls send only EVALSHA <sha>.
// Build it once (e.g. a static or a member of the rate limiter) and pass it to every eval call.
#include <string>

namespace dt::cache {

class Script {
 public:
  explicit Script(std::string source);

  const std::string& source() const { return source_; }
  const std::string& sha1() const { return sha1_; }  // 40 lowercase hex digits, as SCRIPT LOAD answers

 private:
  std::string source_;
  std::string sha1_;
};

}  // namespace dt::cache
