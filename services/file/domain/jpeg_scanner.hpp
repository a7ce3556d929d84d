#pragma once
// JpegScanner: finds a JPEG's width and height in its start-of-frame (SOFn) segment while the file streams by,
// however far in it is (EXIF thumbnails and ICC profiles come first and can be large), keeping a few bytes of
// state and skipping segments by their lengths.
#include <cstdint>
#include <optional>
#include <string_view>

namespace dt::file {

struct Dimensions {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  friend bool operator==(const Dimensions&, const Dimensions&) = default;
};

class JpegScanner {
 public:
  // The file's bytes in order, from its first byte (FF D8), in pieces of any size.
  void feed(std::string_view bytes);
  // Known once the SOF segment has gone by; nullopt before, and for ever if the scan hit image data or a
  // malformed segment first.
  std::optional<Dimensions> dimensions() const { return dimensions_; }

 private:
  enum class State { soi, marker, code, length_high, length_low, skip, frame, done };
  void step(unsigned char byte);

  State state_ = State::soi;
  std::uint32_t offset_ = 0;     // bytes of the SOI seen (state soi), or of the frame header read (state frame)
  unsigned char code_ = 0;       // the current segment's marker code
  std::uint32_t length_ = 0;     // the current segment's length (it counts its own two bytes)
  std::uint64_t skip_ = 0;       // bytes of the current segment left to skip
  unsigned char frame_[5] = {};  // precision, height (2), width (2)
  std::optional<Dimensions> dimensions_;
};

}  // namespace dt::file
