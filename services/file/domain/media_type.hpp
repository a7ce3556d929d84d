#pragma once
// The media the File service accepts, told apart by their first bytes (magic numbers), never by a file name or
// a declared Content-Type: PNG, JPEG, WebP and GIF images; MP4 and WebM video. Everything else is refused,
// SVG included (docs/files.md says why).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace dt::file {

enum class MediaType { png, jpeg, webp, gif, mp4, webm };

std::string_view mime_type(MediaType type);   // "image/png", ..., "video/webm"
std::string_view media_kind(MediaType type);  // "image" or "video"
// The MediaType of a mime type this service gives out ("image/png"); nullopt for anything else.
std::optional<MediaType> parse_mime_type(std::string_view text);

// At most this many leading bytes decide the type.
inline constexpr std::size_t kSniffBytes = 64;

struct Sniff {
  enum class Verdict { need_more, media, refused };
  Verdict verdict = Verdict::need_more;
  MediaType type = MediaType::png;  // when verdict is media
  std::string reason;               // when refused: why, for the client
};

// What `head` (the first bytes of a file, up to kSniffBytes) says. need_more only while head is shorter than
// kSniffBytes and `complete` is false (the file may go on); a complete file is media or refused.
Sniff sniff(std::string_view head, bool complete);

}  // namespace dt::file
