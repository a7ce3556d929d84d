#pragma once
// KeySet: the signing keys of an identity provider, parsed from its JWKS document (RFC 7517), e.g. Keycloak's
// /realms/<realm>/protocol/openid-connect/certs. Only RSA signature keys are kept (kty "RSA", use "sig" or
// absent, alg "RS256" or absent, at least 2048 bits); other entries, such as the RSA-OAEP encryption key that
// Keycloak publishes beside them, are skipped. Immutable once parsed, so one set is shared by all threads.
#include <openssl/types.h>

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dt::auth {

struct PkeyFree {
  void operator()(EVP_PKEY* key) const;
};

struct Key {
  std::string kid;
  std::unique_ptr<EVP_PKEY, PkeyFree> public_key;
};

class KeySet {
 public:
  KeySet() = default;  // empty: every token is signed by an unknown key
  KeySet(KeySet&&) noexcept = default;
  KeySet& operator=(KeySet&&) noexcept = default;
  KeySet(const KeySet&) = delete;
  KeySet& operator=(const KeySet&) = delete;

  // Throws std::invalid_argument when the document is not JSON, not an object with a "keys" array, or holds an
  // RSA signature key whose kid, n or e is missing or malformed (the message says which; no key material).
  static KeySet parse(std::string_view jwks_json);

  // The key named kid, or nullptr.
  const Key* find(std::string_view kid) const;
  std::size_t size() const { return keys_.size(); }
  std::vector<std::string> kids() const;

 private:
  std::vector<Key> keys_;
};

}  // namespace dt::auth
