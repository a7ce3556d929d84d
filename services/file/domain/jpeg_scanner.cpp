#include "file/domain/jpeg_scanner.hpp"

#include <algorithm>

namespace dt::file {
namespace {

// Start-of-frame markers: C0-CF except C4 (DHT), C8 (JPG) and CC (DAC).
bool is_start_of_frame(unsigned char code) {
  return code >= 0xC0 && code <= 0xCF && code != 0xC4 && code != 0xC8 && code != 0xCC;
}

// Markers without a length: TEM, RST0-7, SOI.
bool is_standalone(unsigned char code) { return code == 0x01 || (code >= 0xD0 && code <= 0xD8); }

}  // namespace

void JpegScanner::feed(std::string_view bytes) {
  std::size_t i = 0;
  while (i < bytes.size() && state_ != State::done) {
    if (state_ == State::skip) {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(skip_, bytes.size() - i));
      skip_ -= n;
      i += n;
      if (skip_ == 0) state_ = State::marker;
      continue;
    }
    step(static_cast<unsigned char>(bytes[i++]));
  }
}

void JpegScanner::step(unsigned char byte) {
  switch (state_) {
    case State::soi:
      if ((offset_ == 0 && byte != 0xFF) || (offset_ == 1 && byte != 0xD8)) {
        state_ = State::done;
        return;
      }
      if (++offset_ == 2) state_ = State::marker;
      return;
    case State::marker:
      state_ = byte == 0xFF ? State::code : State::done;
      return;
    case State::code:
      if (byte == 0xFF) return;  // fill bytes
      code_ = byte;
      if (is_standalone(byte)) {
        state_ = State::marker;
      } else if (byte == 0xD9 || byte == 0xDA || byte == 0x00) {
        state_ = State::done;  // end of image or image data before any frame header
      } else {
        state_ = State::length_high;
      }
      return;
    case State::length_high:
      length_ = static_cast<std::uint32_t>(byte) << 8;
      state_ = State::length_low;
      return;
    case State::length_low:
      length_ |= byte;
      if (length_ < 2) {
        state_ = State::done;
      } else if (is_start_of_frame(code_)) {
        offset_ = 0;
        state_ = length_ >= 2 + sizeof frame_ ? State::frame : State::done;
      } else {
        skip_ = length_ - 2;
        state_ = skip_ == 0 ? State::marker : State::skip;
      }
      return;
    case State::frame:
      frame_[offset_++] = byte;
      if (offset_ == sizeof frame_) {
        const auto height = static_cast<std::uint32_t>(frame_[1] << 8 | frame_[2]);
        const auto width = static_cast<std::uint32_t>(frame_[3] << 8 | frame_[4]);
        if (width > 0 && height > 0) dimensions_ = Dimensions{width, height};
        state_ = State::done;
      }
      return;
    case State::skip:
    case State::done:
      return;
  }
}

}  // namespace dt::file
