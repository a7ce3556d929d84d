#include "cache/command_encoder.hpp"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace {

using dt::cache::detail::encode_command;
using namespace std::string_literals;

TEST(EncodeCommand, WritesRespArrayOfBulkStrings) {
  EXPECT_EQ(encode_command({"SET", "k", "hello"}), "*3\r\n$3\r\nSET\r\n$1\r\nk\r\n$5\r\nhello\r\n");
}

TEST(EncodeCommand, IsBinarySafe) {
  const std::string value = "a\0b\r\n\xff"s;
  EXPECT_EQ(encode_command({"SET", value}), "*2\r\n$3\r\nSET\r\n$6\r\n"s + value + "\r\n");
}

TEST(EncodeCommand, KeepsEmptyArguments) { EXPECT_EQ(encode_command({"GET", ""}), "*2\r\n$3\r\nGET\r\n$0\r\n\r\n"); }

TEST(EncodeCommand, RejectsAnEmptyCommand) { EXPECT_THROW(encode_command({}), std::invalid_argument); }

}  // namespace
