#pragma once
// Headers of real formats built byte by byte, for the domain tests (only what the sniffer and the dimension
// readers look at, then filler).
#include <cstdint>
#include <string>

namespace dt::file::testing {

std::string png_head(std::uint32_t width, std::uint32_t height);
std::string gif_head(std::uint16_t width, std::uint16_t height);
std::string webp_vp8x_head(std::uint32_t width, std::uint32_t height);
std::string webp_vp8_head(std::uint16_t width, std::uint16_t height);
std::string webp_vp8l_head(std::uint32_t width, std::uint32_t height);
// SOI, a JFIF APP0, an EXIF APP1 of exif_bytes (so the frame header comes late), a quantisation table, SOF0,
// then the start of scan.
std::string jpeg(std::uint16_t width, std::uint16_t height, std::size_t exif_bytes = 1000);
std::string mp4_head(const std::string& brand = "isom");
std::string ebml_head(const std::string& doctype);
// `head` followed by filler to `size` bytes.
std::string padded(std::string head, std::size_t size);

}  // namespace dt::file::testing
