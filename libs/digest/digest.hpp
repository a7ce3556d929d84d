#pragma once
// Message digests from OpenSSL: SHA-1 (names Lua scripts for Redis EVALSHA; not for security) and SHA-256
// (migration checksums, content-addressed object keys).
#include <array>
#include <string>
#include <string_view>

namespace dt::digest {

std::string sha1_hex(std::string_view data);
std::array<unsigned char, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(const unsigned char* bytes, std::size_t size);

}  // namespace dt::digest
