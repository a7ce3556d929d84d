#include "cache/reply.hpp"

#include <gtest/gtest.h>

namespace {

using dt::cache::Error;
using dt::cache::Reply;

TEST(Reply, DefaultIsNil) {
  EXPECT_TRUE(Reply().is_nil());
  EXPECT_EQ(Reply().as_optional_string(), std::nullopt);
}

TEST(Reply, GivesTheValueOfItsType) {
  EXPECT_EQ(Reply::integer(-3).as_integer(), -3);
  EXPECT_EQ(Reply::string("v").as_string(), "v");
  EXPECT_EQ(Reply::status("OK").as_optional_string(), "OK");
  EXPECT_EQ(Reply::array({Reply::integer(1)}).as_array().size(), 1u);
}

TEST(Reply, ThrowsOnATypeMismatch) {
  EXPECT_THROW(Reply::string("1").as_integer(), Error);
  EXPECT_THROW(Reply().as_array(), Error);
  EXPECT_THROW(Reply::integer(1).as_optional_string(), Error);
}

TEST(Reply, AnErrorReplyThrowsItsMessage) {
  const Reply reply = Reply::error("WRONGTYPE Operation against a key holding the wrong kind of value");
  EXPECT_TRUE(reply.is_error());
  try {
    reply.as_integer();
    FAIL() << "no exception";
  } catch (const Error& e) {
    EXPECT_STREQ(e.what(), "redis: WRONGTYPE Operation against a key holding the wrong kind of value");
  }
  EXPECT_THROW(reply.throw_if_error("redis INCR"), Error);
  EXPECT_NO_THROW(Reply::integer(1).throw_if_error("redis INCR"));
}

}  // namespace
