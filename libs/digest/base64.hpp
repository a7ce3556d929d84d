#pragma once
// Base64 (RFC 4648, the standard alphabet, with padding) on OpenSSL's EVP_EncodeBlock / EVP_DecodeBlock rather
// than a hand-written codec: etcd's JSON gateway (keys and values), MIME encoded words in e-mail headers.
#include <string>
#include <string_view>

namespace dt::digest {

std::string base64_encode(std::string_view bytes);
// Throws std::invalid_argument when text is not valid padded base64.
std::string base64_decode(std::string_view text);

}  // namespace dt::digest
