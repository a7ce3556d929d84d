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

struct Sha256::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx{EVP_MD_CTX_new(), &EVP_MD_CTX_free};
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (!context_->ctx || EVP_DigestInit_ex(context_->ctx.get(), EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 init failed");
  }
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view data) {
  if (EVP_DigestUpdate(context_->ctx.get(), data.data(), data.size()) != 1) {
    throw std::runtime_error("OpenSSL SHA-256 update failed");
  }
}

std::string Sha256::hex() {
  std::array<unsigned char, 32> out{};
  unsigned int size = 0;
  if (EVP_DigestFinal_ex(context_->ctx.get(), out.data(), &size) != 1 || size != out.size()) {
    throw std::runtime_error("OpenSSL SHA-256 final failed");
  }
  return to_hex(out.data(), out.size());
}

}  // namespace dt::digest
