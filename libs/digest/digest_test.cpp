#include "digest/digest.hpp"

#include <gtest/gtest.h>

namespace {

TEST(Digest, Sha1KnownVectors) {
  EXPECT_EQ(dt::digest::sha1_hex(""), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
  EXPECT_EQ(dt::digest::sha1_hex("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d");
}

TEST(Digest, Sha256KnownVectors) {
  EXPECT_EQ(dt::digest::sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(dt::digest::sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(Digest, HandlesBinaryData) {
  const std::string with_nul("a\0b", 3);
  EXPECT_NE(dt::digest::sha256_hex(with_nul), dt::digest::sha256_hex("a"));
  EXPECT_EQ(dt::digest::sha256_hex(with_nul).size(), 64u);
}

TEST(Sha256Stream, EqualsTheDigestOfTheWholeWhateverThePieces) {
  std::string data;
  for (int i = 0; i < 100'000; ++i) data += static_cast<char>(i * 7);
  dt::digest::Sha256 one_piece;
  one_piece.update(data);
  dt::digest::Sha256 pieces;
  for (std::size_t at = 0; at < data.size(); at += 999) pieces.update(std::string_view(data).substr(at, 999));
  const auto expected = dt::digest::sha256_hex(data);
  EXPECT_EQ(one_piece.hex(), expected);
  EXPECT_EQ(pieces.hex(), expected);
  dt::digest::Sha256 nothing;
  EXPECT_EQ(nothing.hex(), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

}  // namespace
