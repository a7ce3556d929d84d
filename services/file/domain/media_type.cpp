#include "file/domain/media_type.hpp"

#include <algorithm>
#include <array>

namespace dt::file {
namespace {

using Verdict = Sniff::Verdict;

constexpr std::string_view kPng = "\x89PNG\r\n\x1a\n";
constexpr std::string_view kJpeg = "\xFF\xD8\xFF";
constexpr std::string_view kEbml = "\x1A\x45\xDF\xA3";
// ISO base media brands of MP4 files; QuickTime ("qt  "), 3GPP and the like are not MP4 video for browsers.
constexpr std::array<std::string_view, 11> kMp4Brands = {"isom", "iso2", "iso4", "iso5", "iso6", "mp41",
                                                         "mp42", "avc1", "dash", "M4V ", "mmp4"};

// How a signature relates to the head: it matches, it cannot match, or the head is too short to tell.
enum class Match { yes, no, maybe };

Match prefix(std::string_view head, std::size_t at, std::string_view expected) {
  for (std::size_t i = 0; i < expected.size(); ++i) {
    if (at + i >= head.size()) return Match::maybe;
    if (head[at + i] != expected[i]) return Match::no;
  }
  return Match::yes;
}

Match gif(std::string_view head) {
  const auto a = prefix(head, 0, "GIF87a");
  const auto b = prefix(head, 0, "GIF89a");
  if (a == Match::yes || b == Match::yes) return Match::yes;
  return a == Match::maybe || b == Match::maybe ? Match::maybe : Match::no;
}

Match webp(std::string_view head) {
  const auto riff = prefix(head, 0, "RIFF");
  if (riff != Match::yes) return riff;
  return prefix(head, 8, "WEBP");
}

// An ftyp box first, with a major brand of kMp4Brands.
Match mp4(std::string_view head) {
  const auto ftyp = prefix(head, 4, "ftyp");
  if (ftyp != Match::yes) return ftyp;
  if (head.size() < 12) return Match::maybe;
  const auto brand = head.substr(8, 4);
  return std::find(kMp4Brands.begin(), kMp4Brands.end(), brand) != kMp4Brands.end() ? Match::yes : Match::no;
}

// The EBML header's DocType element (ID 0x4282, a one-byte size) says "webm"; Matroska ("matroska") is not WebM.
Match webm(std::string_view head, bool complete) {
  const auto ebml = prefix(head, 0, kEbml);
  if (ebml != Match::yes) return ebml;
  for (std::size_t i = kEbml.size(); i + 2 < head.size(); ++i) {
    if (static_cast<unsigned char>(head[i]) != 0x42 || static_cast<unsigned char>(head[i + 1]) != 0x82) continue;
    const auto size_byte = static_cast<unsigned char>(head[i + 2]);
    if ((size_byte & 0x80) == 0) return Match::no;  // not a one-byte size: not a DocType we know
    if ((size_byte & 0x7F) != 4) return Match::no;  // "matroska" and others
    return prefix(head, i + 3, "webm");
  }
  return complete || head.size() >= kSniffBytes ? Match::no : Match::maybe;
}

// An XML or SVG document: worth its own refusal message.
bool looks_like_svg(std::string_view head) {
  auto text = head;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r' || text.front() == '\n'))
    text.remove_prefix(1);
  return text.substr(0, 5) == "<?xml" || text.substr(0, 4) == "<svg" || text.substr(0, 9) == "<!DOCTYPE";
}

}  // namespace

std::string_view mime_type(MediaType type) {
  switch (type) {
    case MediaType::png:
      return "image/png";
    case MediaType::jpeg:
      return "image/jpeg";
    case MediaType::webp:
      return "image/webp";
    case MediaType::gif:
      return "image/gif";
    case MediaType::mp4:
      return "video/mp4";
    case MediaType::webm:
      return "video/webm";
  }
  return "application/octet-stream";
}

std::string_view media_kind(MediaType type) {
  return type == MediaType::mp4 || type == MediaType::webm ? "video" : "image";
}

std::optional<MediaType> parse_mime_type(std::string_view text) {
  for (const auto type :
       {MediaType::png, MediaType::jpeg, MediaType::webp, MediaType::gif, MediaType::mp4, MediaType::webm}) {
    if (mime_type(type) == text) return type;
  }
  return std::nullopt;
}

Sniff sniff(std::string_view head, bool complete) {
  head = head.substr(0, kSniffBytes);
  const std::pair<MediaType, Match> candidates[] = {{MediaType::png, prefix(head, 0, kPng)},
                                                    {MediaType::jpeg, prefix(head, 0, kJpeg)},
                                                    {MediaType::gif, gif(head)},
                                                    {MediaType::webp, webp(head)},
                                                    {MediaType::mp4, mp4(head)},
                                                    {MediaType::webm, webm(head, complete)}};
  bool undecided = false;
  for (const auto& [type, match] : candidates) {
    if (match == Match::yes) return {Verdict::media, type, {}};
    if (match == Match::maybe) undecided = true;
  }
  if (undecided && !complete && head.size() < kSniffBytes) return {Verdict::need_more, MediaType::png, {}};
  if (looks_like_svg(head)) {
    return {Verdict::refused, MediaType::png,
            "SVG and other XML documents are refused (they can carry scripts); upload a PNG rendering instead"};
  }
  return {Verdict::refused, MediaType::png,
          "the content is not a PNG, JPEG, WebP or GIF image nor an MP4 or WebM video (the type is read from the "
          "bytes, not from the file name or Content-Type)"};
}

}  // namespace dt::file
