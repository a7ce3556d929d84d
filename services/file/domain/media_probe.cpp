#include "file/domain/media_probe.hpp"

#include <algorithm>

namespace dt::file {
namespace {

std::uint32_t byte_at(std::string_view s, std::size_t i) { return static_cast<unsigned char>(s[i]); }
std::uint32_t le16(std::string_view s, std::size_t i) { return byte_at(s, i) | byte_at(s, i + 1) << 8; }
std::uint32_t le24(std::string_view s, std::size_t i) { return le16(s, i) | byte_at(s, i + 2) << 16; }
std::uint32_t be32(std::string_view s, std::size_t i) {
  return byte_at(s, i) << 24 | byte_at(s, i + 1) << 16 | byte_at(s, i + 2) << 8 | byte_at(s, i + 3);
}

std::optional<Dimensions> positive(std::uint32_t width, std::uint32_t height) {
  if (width == 0 || height == 0) return std::nullopt;
  return Dimensions{width, height};
}

std::optional<Dimensions> webp_dimensions(std::string_view head) {
  if (head.size() < 30) return std::nullopt;
  const auto chunk = head.substr(12, 4);
  if (chunk == "VP8 " && byte_at(head, 23) == 0x9D && byte_at(head, 24) == 0x01 && byte_at(head, 25) == 0x2A) {
    return positive(le16(head, 26) & 0x3FFF, le16(head, 28) & 0x3FFF);
  }
  if (chunk == "VP8L" && byte_at(head, 20) == 0x2F) {
    const std::uint32_t bits =
        byte_at(head, 21) | byte_at(head, 22) << 8 | byte_at(head, 23) << 16 | byte_at(head, 24) << 24;
    return positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return positive(le24(head, 24) + 1, le24(head, 27) + 1);
  return std::nullopt;
}

}  // namespace

std::optional<Dimensions> header_dimensions(MediaType type, std::string_view head) {
  switch (type) {
    case MediaType::png:
      if (head.size() < 24 || head.substr(12, 4) != "IHDR") return std::nullopt;
      return positive(be32(head, 16), be32(head, 20));
    case MediaType::gif:
      if (head.size() < 10) return std::nullopt;
      return positive(le16(head, 6), le16(head, 8));
    case MediaType::webp:
      return webp_dimensions(head);
    case MediaType::jpeg:
    case MediaType::mp4:
    case MediaType::webm:
      return std::nullopt;
  }
  return std::nullopt;
}

void MediaProbe::feed(std::string_view bytes) {
  if (head_.size() < kSniffBytes) head_.append(bytes.substr(0, kSniffBytes - head_.size()));
  if (sniff_.verdict == Sniff::Verdict::need_more) sniff_ = sniff(head_, false);
  jpeg_.feed(bytes);
}

void MediaProbe::finish() {
  if (sniff_.verdict == Sniff::Verdict::need_more) sniff_ = sniff(head_, true);
}

std::optional<MediaType> MediaProbe::type() const {
  if (sniff_.verdict != Sniff::Verdict::media) return std::nullopt;
  return sniff_.type;
}

std::optional<Dimensions> MediaProbe::dimensions() const {
  const auto t = type();
  if (!t) return std::nullopt;
  if (*t == MediaType::jpeg) return jpeg_.dimensions();
  return header_dimensions(*t, head_);
}

}  // namespace dt::file
