#pragma once
// Base64 (RFC 4648, with padding) for the bytes fields of etcd's JSON gateway (keys and values), on OpenSSL's
// EVP_EncodeBlock / EVP_DecodeBlock rather than a hand-written codec.
#include <string>
#include <string_view>

namespace dt::registry::detail {

std::string base64_encode(std::string_view bytes);
// Throws std::invalid_argument when text is not valid padded base64.
std::string base64_decode(std::string_view text);

}  // namespace dt::registry::detail
