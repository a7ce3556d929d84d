#pragma once
// Message digests from OpenSSL (base64 is in base64.hpp): SHA-1 (names Lua scripts for Redis EVALSHA; not for security)
// and SHA-256 (migration checksums, content-addressed object keys), whole or streamed.
#include <array>
#include <memory>
#include <string>
#include <string_view>

namespace dt::digest {

std::string sha1_hex(std::string_view data);
std::array<unsigned char, 32> sha256(std::string_view data);
std::string sha256_hex(std::string_view data);
std::string to_hex(const unsigned char* bytes, std::size_t size);

// SHA-256 of data that arrives in pieces (a streamed upload): update() as often as needed, then hex() once.
class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view data);
  // The digest of everything given, lower-case hex; the hasher is spent afterwards.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

}  // namespace dt::digest
