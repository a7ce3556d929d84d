#include "cache/redis_url.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using dt::cache::RedisUrl;

TEST(RedisUrl, ParsesPasswordHostPortAndDb) {
  const RedisUrl url = RedisUrl::parse("redis://:s3cret@127.0.0.1:26379/2");
  EXPECT_EQ(url.host, "127.0.0.1");
  EXPECT_EQ(url.port, 26379);
  EXPECT_EQ(url.username, "");
  EXPECT_EQ(url.password, "s3cret");
  EXPECT_EQ(url.db, 2);
  EXPECT_EQ(url.endpoint(), "127.0.0.1:26379");
}

TEST(RedisUrl, DefaultsToPort6379Db0AndNoAuth) {
  const RedisUrl url = RedisUrl::parse("redis://localhost");
  EXPECT_EQ(url.host, "localhost");
  EXPECT_EQ(url.port, 6379);
  EXPECT_EQ(url.password, "");
  EXPECT_EQ(url.db, 0);
  EXPECT_EQ(RedisUrl::parse("redis://localhost/").db, 0);
}

TEST(RedisUrl, DecodesUserAndPassword) {
  const RedisUrl url = RedisUrl::parse("redis://app%2Duser:p%40ss%3Aword@cache:6380/0");
  EXPECT_EQ(url.username, "app-user");
  EXPECT_EQ(url.password, "p@ss:word");
}

TEST(RedisUrl, TakesIpv6Hosts) {
  const RedisUrl url = RedisUrl::parse("redis://[::1]:26379");
  EXPECT_EQ(url.host, "::1");
  EXPECT_EQ(url.endpoint(), "[::1]:26379");
}

TEST(RedisUrl, RejectsWhatItCannotUse) {
  for (const char* bad : {"", "127.0.0.1:6379", "http://127.0.0.1/0", "rediss://127.0.0.1", "redis:///0",
                          "redis://h:99999", "redis://h/x", "redis://h/-1", "redis://h/0?ssl=1", "redis://user@h"}) {
    EXPECT_THROW(RedisUrl::parse(bad), std::invalid_argument) << bad;
  }
}

TEST(RedisUrl, ErrorsDoNotShowThePassword) {
  try {
    RedisUrl::parse("redis://:topsecret@h/notanumber");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    EXPECT_EQ(std::string(e.what()).find("topsecret"), std::string::npos) << e.what();
  }
}

}  // namespace
