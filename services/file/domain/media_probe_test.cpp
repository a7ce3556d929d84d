#include "file/domain/media_probe.hpp"

#include <gtest/gtest.h>

#include "file/domain/media_samples.hpp"

namespace {

using namespace dt::file;
using namespace dt::file::testing;

// Feeds `bytes` in pieces of `piece` bytes and finishes.
MediaProbe probe(const std::string& bytes, std::size_t piece) {
  MediaProbe p;
  for (std::size_t at = 0; at < bytes.size(); at += piece) p.feed(std::string_view(bytes).substr(at, piece));
  p.finish();
  return p;
}

TEST(MediaProbe, ReadsTheDimensionsOfEveryImageFormatWhateverThePieces) {
  const std::pair<std::string, Dimensions> images[] = {
      {padded(png_head(640, 480), 5000), {640, 480}},           {padded(gif_head(320, 200), 5000), {320, 200}},
      {padded(webp_vp8x_head(4000, 3000), 5000), {4000, 3000}}, {padded(webp_vp8_head(800, 600), 5000), {800, 600}},
      {padded(webp_vp8l_head(1024, 768), 5000), {1024, 768}},   {jpeg(1920, 1080, 60'000), {1920, 1080}},
  };
  for (const auto& [bytes, expected] : images) {
    for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, bytes.size()}) {
      const auto p = probe(bytes, piece);
      ASSERT_EQ(p.verdict(), Sniff::Verdict::media);
      EXPECT_EQ(p.dimensions(), expected) << mime_type(*p.type()) << " in pieces of " << piece;
    }
  }
}

TEST(MediaProbe, VideosHaveNoDimensionsAndRefusalsAReason) {
  const auto video = probe(padded(mp4_head(), 3000), 100);
  EXPECT_EQ(video.type(), MediaType::mp4);
  EXPECT_EQ(video.dimensions(), std::nullopt);
  const auto text = probe("just some text, no image here at all: this is a plain text file.", 5);
  EXPECT_EQ(text.verdict(), Sniff::Verdict::refused);
  EXPECT_EQ(text.type(), std::nullopt);
  EXPECT_FALSE(text.refusal().empty());
}

TEST(MediaProbe, DecidesAsSoonAsTheHeadIsEnough) {
  MediaProbe p;
  p.feed(png_head(10, 10).substr(0, 8));
  EXPECT_EQ(p.type(), MediaType::png);
  MediaProbe refused;
  refused.feed("<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><rect/></svg>");
  EXPECT_EQ(refused.verdict(), Sniff::Verdict::refused);
}

TEST(JpegScanner, GivesUpAtImageDataOrGarbage) {
  JpegScanner no_frame;
  no_frame.feed(std::string("\xFF\xD8\xFF\xDA\x00\x04\x00\x00", 8));
  EXPECT_EQ(no_frame.dimensions(), std::nullopt);
  JpegScanner garbage;
  garbage.feed(std::string("\xFF\xD8\x12\x34", 4) + jpeg(10, 10));
  EXPECT_EQ(garbage.dimensions(), std::nullopt);
  JpegScanner not_jpeg;
  not_jpeg.feed(png_head(1, 1));
  EXPECT_EQ(not_jpeg.dimensions(), std::nullopt);
}

}  // namespace
