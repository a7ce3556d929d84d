#include "file/domain/media_type.hpp"

#include <gtest/gtest.h>

#include "file/domain/media_samples.hpp"

namespace {

using namespace dt::file;
using namespace dt::file::testing;
using Verdict = Sniff::Verdict;

MediaType media(const std::string& head) {
  const auto s = sniff(head, true);
  EXPECT_EQ(s.verdict, Verdict::media) << s.reason;
  return s.type;
}

TEST(Sniff, KnowsEachAcceptedFormatByItsFirstBytes) {
  EXPECT_EQ(media(padded(png_head(1, 1), 100)), MediaType::png);
  EXPECT_EQ(media(jpeg(1, 1)), MediaType::jpeg);
  EXPECT_EQ(media(padded(gif_head(1, 1), 100)), MediaType::gif);
  EXPECT_EQ(media(padded(webp_vp8x_head(1, 1), 100)), MediaType::webp);
  EXPECT_EQ(media(padded(mp4_head("isom"), 100)), MediaType::mp4);
  EXPECT_EQ(media(padded(mp4_head("mp42"), 100)), MediaType::mp4);
  EXPECT_EQ(media(padded(ebml_head("webm"), 100)), MediaType::webm);
  EXPECT_EQ(mime_type(MediaType::webp), "image/webp");
  EXPECT_EQ(media_kind(MediaType::webm), "video");
  EXPECT_EQ(parse_mime_type("video/mp4"), MediaType::mp4);
  EXPECT_EQ(parse_mime_type("image/svg+xml"), std::nullopt);
}

TEST(Sniff, RefusesEverythingElse) {
  for (const std::string& other :
       {std::string("hello, this is a text file that says it is an image/png but is not one at all"),
        padded(mp4_head("qt  "), 100),                          // QuickTime
        padded(ebml_head("matroska"), 100),                     // Matroska that is not WebM
        padded(std::string("%PDF-1.7\n"), 100),                 // PDF
        padded(std::string("PK\x03\x04", 4), 100),              // ZIP
        padded(std::string("RIFF\x10\0\0\0WAVE", 12), 100)}) {  // RIFF but not WebP
    const auto s = sniff(other, true);
    EXPECT_EQ(s.verdict, Verdict::refused) << other.substr(0, 12);
    EXPECT_FALSE(s.reason.empty());
  }
}

TEST(Sniff, RefusesSvgWithItsOwnReason) {
  const auto s =
      sniff(R"(<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script>)", true);
  EXPECT_EQ(s.verdict, Verdict::refused);
  EXPECT_NE(s.reason.find("SVG"), std::string::npos);
  EXPECT_EQ(sniff("  <svg width='10'>...</svg>", true).verdict, Verdict::refused);
}

TEST(Sniff, WaitsForEnoughBytesUnlessTheFileEnded) {
  const auto png = png_head(1, 1);
  EXPECT_EQ(sniff(png.substr(0, 4), false).verdict, Verdict::need_more);
  EXPECT_EQ(sniff(png.substr(0, 4), true).verdict, Verdict::refused) << "a file of four bytes is no PNG";
  EXPECT_EQ(sniff(png.substr(0, 8), false).verdict, Verdict::media);
  EXPECT_EQ(sniff("x", false).verdict, Verdict::need_more) << "could still be an MP4 (its first 4 bytes are a size)";
  EXPECT_EQ(sniff("xyz\x01plain", false).verdict, Verdict::refused) << "no format can start like this";
  EXPECT_EQ(sniff(std::string(kSniffBytes, 'a'), false).verdict, Verdict::refused);
}

}  // namespace
