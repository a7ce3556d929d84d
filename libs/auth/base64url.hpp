#pragma once
// Base64url (RFC 4648 section 5) as JWTs and JWKs use it: the '-' and '_' alphabet, no padding.
// Written here because neither dependency has it: OpenSSL's EVP_EncodeBlock/EVP_DecodeBlock and Boost.Beast's
// detail::base64 know only the standard '+' '/' alphabet with padding, and are lenient where a verifier must
// not be.
#include <optional>
#include <string>
#include <string_view>

namespace dt::auth {

// Unpadded base64url of `bytes`.
std::string base64url_encode(std::string_view bytes);

// The bytes of `text`, or nullopt unless it is canonical unpadded base64url: any '=' (JWS forbids padding), a
// character outside the alphabet, an impossible length (4n+1) or non-zero unused trailing bits reject it, so
// that every byte string has exactly one accepted encoding.
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace dt::auth
