#include "digest/digest.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

namespace dt::digest {
namespace {

template <std::size_t N>
std::array<unsigned char, N> compute(const EVP_MD* md, std::string_view data) {
  std::array<unsigned char, N> out{};
  unsigned int size = 0;
  if (EVP_Digest(data.data(), data.size(), out.data(), &size, md, nullptr) != 1 || size != N) {
    throw std::runtime_error("OpenSSL digest failed");
  }
  return out;
}

}  // namespace

std::string to_hex(const unsigned char* bytes, std::size_t size) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(size * 2, '0');
  for (std::size_t i = 0; i < size; ++i) {
    out[2 * i] = kHex[bytes[i] >> 4];
    out[2 * i + 1] = kHex[bytes[i] & 0xF];
  }
  return out;
}

std::string sha1_hex(std::string_view data) {
  const auto d = compute<20>(EVP_sha1(), data);
  return to_hex(d.data(), d.size());
}

std::array<unsigned char, 32> sha256(std::string_view data) { return compute<32>(EVP_sha256(), data); }

std::string sha256_hex(std::string_view data) {
  const auto d = sha256(data);
  return to_hex(d.data(), d.size());
}

}  // namespace dt::digest
