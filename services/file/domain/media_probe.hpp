#pragma once
// MediaProbe: reads an upload as it streams by and says what it is: the media type from the first bytes
// (media_type.hpp) and, for images, the width and height (PNG, GIF and WebP from their headers, JPEG from its
// frame header wherever it is). Only the first kSniffBytes bytes and the JPEG scanner's state are kept.
#include <optional>
#include <string>
#include <string_view>

#include "file/domain/jpeg_scanner.hpp"
#include "file/domain/media_type.hpp"

namespace dt::file {

class MediaProbe {
 public:
  // The file's bytes in order, in pieces of any size.
  void feed(std::string_view bytes);
  // The end of the file: what is still undecided is decided (a file too short for any signature is refused).
  void finish();

  Sniff::Verdict verdict() const { return sniff_.verdict; }
  // Set once verdict() is media.
  std::optional<MediaType> type() const;
  // Why the file is refused, once verdict() is refused.
  const std::string& refusal() const { return sniff_.reason; }
  // Images only, once their header has gone by (after finish() at the latest); nullopt for video, and for an
  // image whose header gives none.
  std::optional<Dimensions> dimensions() const;

 private:
  std::string head_;
  Sniff sniff_;
  JpegScanner jpeg_;
};

// Width and height from the first bytes of a PNG (IHDR), GIF (logical screen) or WebP (VP8, VP8L or VP8X
// chunk); nullopt for other types or a head too short or malformed.
std::optional<Dimensions> header_dimensions(MediaType type, std::string_view head);

}  // namespace dt::file
