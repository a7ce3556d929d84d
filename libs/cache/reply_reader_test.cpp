#include "cache/reply_reader.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using dt::cache::Reply;
using dt::cache::detail::ReplyReader;
using namespace std::string_literals;

std::vector<Reply> read_all(ReplyReader& reader, const std::string& bytes) {
  reader.feed(bytes.data(), bytes.size());
  std::vector<Reply> replies;
  while (auto reply = reader.next()) replies.push_back(std::move(*reply));
  return replies;
}

TEST(ReplyReader, ConvertsEachReplyType) {
  ReplyReader reader;
  const auto replies = read_all(reader, "+OK\r\n-ERR wrong\r\n:42\r\n$-1\r\n$3\r\nabc\r\n*-1\r\n");
  ASSERT_EQ(replies.size(), 6u);
  EXPECT_EQ(replies[0], Reply::status("OK"));
  EXPECT_EQ(replies[1], Reply::error("ERR wrong"));
  EXPECT_EQ(replies[2], Reply::integer(42));
  EXPECT_EQ(replies[3], Reply());
  EXPECT_EQ(replies[4], Reply::string("abc"));
  EXPECT_EQ(replies[5], Reply());  // a nil array is nil too
  EXPECT_TRUE(reader.empty());
}

TEST(ReplyReader, ConvertsNestedArrays) {
  ReplyReader reader;
  const auto replies = read_all(reader, "*3\r\n:1\r\n*2\r\n$1\r\na\r\n$-1\r\n*0\r\n");
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0],
            Reply::array({Reply::integer(1), Reply::array({Reply::string("a"), Reply()}), Reply::array({})}));
}

TEST(ReplyReader, KeepsBinaryBulkStrings) {
  ReplyReader reader;
  const auto replies = read_all(reader, "$5\r\na\0\r\n\xff\r\n"s);
  ASSERT_EQ(replies.size(), 1u);
  EXPECT_EQ(replies[0].as_string(), "a\0\r\n\xff"s);
}

TEST(ReplyReader, WaitsForTheRestOfASplitReply) {
  ReplyReader reader;
  const std::string bytes = "*2\r\n$5\r\nhello\r\n:7\r\n+PONG\r\n";
  std::vector<Reply> replies;
  for (char byte : bytes) {
    reader.feed(&byte, 1);
    while (auto reply = reader.next()) replies.push_back(std::move(*reply));
  }
  ASSERT_EQ(replies.size(), 2u);
  EXPECT_EQ(replies[0], Reply::array({Reply::string("hello"), Reply::integer(7)}));
  EXPECT_EQ(replies[1], Reply::status("PONG"));
}

TEST(ReplyReader, IsNotEmptyWhileAReplyIsIncomplete) {
  ReplyReader reader;
  EXPECT_TRUE(reader.empty());
  EXPECT_TRUE(read_all(reader, "$5\r\nhel").empty());
  EXPECT_FALSE(reader.empty());
}

TEST(ReplyReader, ThrowsOnAProtocolError) {
  ReplyReader reader;
  const std::string garbage = "?what\r\n";
  reader.feed(garbage.data(), garbage.size());
  EXPECT_THROW(reader.next(), dt::cache::Error);
}

}  // namespace
