#include "file/domain/media_samples.hpp"

namespace dt::file::testing {
namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}
std::string be16(std::uint32_t v) { return {static_cast<char>(v >> 8), static_cast<char>(v)}; }
std::string le16(std::uint32_t v) { return {static_cast<char>(v), static_cast<char>(v >> 8)}; }
std::string le24(std::uint32_t v) { return le16(v) + static_cast<char>(v >> 16); }
std::string le32(std::uint32_t v) { return le16(v) + le16(v >> 16); }

}  // namespace

std::string png_head(std::uint32_t width, std::uint32_t height) {
  return std::string("\x89PNG\r\n\x1a\n", 8) + be32(13) + "IHDR" + be32(width) + be32(height) +
         std::string("\x08\x06\x00\x00\x00", 5) + be32(0);
}

std::string gif_head(std::uint16_t width, std::uint16_t height) {
  return "GIF89a" + le16(width) + le16(height) + std::string("\xF7\x00\x00", 3);
}

std::string webp_vp8x_head(std::uint32_t width, std::uint32_t height) {
  return "RIFF" + le32(1000) + "WEBP" + "VP8X" + le32(10) + le32(0) + le24(width - 1) + le24(height - 1);
}

std::string webp_vp8_head(std::uint16_t width, std::uint16_t height) {
  return "RIFF" + le32(1000) + "WEBP" + "VP8 " + le32(900) + std::string("\x10\x02\x00\x9D\x01\x2A", 6) + le16(width) +
         le16(height);
}

std::string webp_vp8l_head(std::uint32_t width, std::uint32_t height) {
  const std::uint32_t bits = (width - 1) | (height - 1) << 14;
  return "RIFF" + le32(1000) + "WEBP" + "VP8L" + le32(900) + "\x2F" + le32(bits);
}

std::string jpeg(std::uint16_t width, std::uint16_t height, std::size_t exif_bytes) {
  std::string out("\xFF\xD8", 2);
  out += std::string("\xFF\xE0", 2) + be16(16) + std::string("JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00", 14);
  out += std::string("\xFF\xE1", 2) + be16(static_cast<std::uint32_t>(exif_bytes + 2)) + std::string(exif_bytes, 'E');
  out += std::string("\xFF\xDB", 2) + be16(67) + std::string(65, '\x01');
  out += std::string("\xFF\xFF\xC0", 3) + be16(17) + "\x08" + be16(height) + be16(width) +
         std::string("\x03\x01\x22\x00\x02\x11\x01\x03\x11\x01", 10);
  out += std::string("\xFF\xDA", 2) + be16(12) + std::string(10, '\x00') + std::string(500, '\x5A');
  return out + std::string("\xFF\xD9", 2);
}

std::string mp4_head(const std::string& brand) {
  return be32(32) + "ftyp" + brand + be32(512) + "isomiso2avc1mp41" + be32(8) + "free";
}

std::string ebml_head(const std::string& doctype) {
  std::string body = std::string("\x42\x86\x81\x01", 4) + "\x42\x82" + static_cast<char>(0x80 | doctype.size()) +
                     doctype + std::string("\x42\x87\x81\x04", 4);
  return std::string("\x1A\x45\xDF\xA3", 4) + static_cast<char>(0x80 | body.size()) + body;
}

std::string padded(std::string head, std::size_t size) {
  for (std::size_t i = head.size(); i < size; ++i) head += static_cast<char>(i * 31 + 7);
  return head;
}

}  // namespace dt::file::testing
