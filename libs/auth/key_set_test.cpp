#include "auth/key_set.hpp"

#include <gtest/gtest.h>

#include <openssl/bn.h>
#include <openssl/evp.h>

#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "auth/base64url.hpp"
#include "auth/test_support/token_factory.hpp"

namespace {

using dt::auth::KeySet;
using dt::auth::testing::jwks_of;
using dt::auth::testing::TokenFactory;

const TokenFactory& first_key() {
  static const TokenFactory factory("first");
  return factory;
}

const TokenFactory& second_key() {
  static const TokenFactory factory("second");
  return factory;
}

TEST(KeySet, ParsesAnRsaSignatureKey) {
  const auto keys = KeySet::parse(first_key().jwks());
  ASSERT_EQ(keys.size(), 1U);
  const auto* key = keys.find("first");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->kid, "first");
  EXPECT_EQ(EVP_PKEY_get_bits(key->public_key.get()), 2048);
  EXPECT_EQ(keys.find("other"), nullptr);
}

TEST(KeySet, HoldsSeveralKeys) {
  const auto keys = KeySet::parse(jwks_of({first_key().jwk(), second_key().jwk()}));
  EXPECT_EQ(keys.size(), 2U);
  EXPECT_NE(keys.find("first"), nullptr);
  EXPECT_NE(keys.find("second"), nullptr);
  EXPECT_EQ(keys.kids(), (std::vector<std::string>{"first", "second"}));
}

TEST(KeySet, SkipsEncryptionAndNonRsaKeysAsKeycloakPublishesThem) {
  auto enc = second_key().jwk();
  enc["use"] = "enc";
  enc["alg"] = "RSA-OAEP";
  enc["kid"] = "encryption";
  auto other_alg = second_key().jwk();
  other_alg["alg"] = "PS256";
  other_alg["kid"] = "pss";
  boost::json::object ec{{"kty", "EC"}, {"kid", "ec"}, {"crv", "P-256"}, {"x", "AAAA"}, {"y", "AAAA"}};
  boost::json::object oct{{"kty", "oct"}, {"kid", "hmac"}, {"k", "c2VjcmV0"}};
  const auto keys = KeySet::parse(jwks_of({enc, other_alg, ec, oct, first_key().jwk()}));
  EXPECT_EQ(keys.kids(), (std::vector<std::string>{"first"}));
}

TEST(KeySet, AcceptsAKeyWithoutUseOrAlg) {
  auto bare = first_key().jwk();
  bare.erase("use");
  bare.erase("alg");
  EXPECT_NE(KeySet::parse(jwks_of({bare})).find("first"), nullptr);
}

TEST(KeySet, SkipsKeysShorterThan2048Bits) {
  EVP_PKEY* small = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{1024});
  ASSERT_NE(small, nullptr);
  BIGNUM* n = nullptr;
  ASSERT_EQ(EVP_PKEY_get_bn_param(small, "n", &n), 1);
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(n)), '\0');
  BN_bn2bin(n, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(n);
  EVP_PKEY_free(small);
  auto jwk = first_key().jwk();
  jwk["kid"] = "weak";
  jwk["n"] = dt::auth::base64url_encode(bytes);
  EXPECT_EQ(KeySet::parse(jwks_of({jwk})).size(), 0U);
}

TEST(KeySet, AnEmptyKeyListIsAnEmptySet) { EXPECT_EQ(KeySet::parse(R"({"keys":[]})").size(), 0U); }

TEST(KeySet, RefusesGarbage) {
  for (const std::string& doc :
       std::vector<std::string>{"", "not json", "[]", "42", "{}", R"({"keys":{}})", R"({"keys":[1]})",
                                R"({"keys":"x"})", "{\"keys\":[", std::string("\x00\xff", 2)}) {
    EXPECT_THROW(KeySet::parse(doc), std::invalid_argument) << doc;
  }
}

TEST(KeySet, RefusesAnRsaSignatureKeyWithBadMaterial) {
  auto no_kid = first_key().jwk();
  no_kid.erase("kid");
  auto bad_n = first_key().jwk();
  bad_n["n"] = "not base64url!";
  auto no_e = first_key().jwk();
  no_e.erase("e");
  auto even_e = first_key().jwk();
  even_e["e"] = "AQAC";
  auto numeric_kid = first_key().jwk();
  numeric_kid["kid"] = 7;
  for (const auto& jwk : {no_kid, bad_n, no_e, even_e, numeric_kid}) {
    EXPECT_THROW(KeySet::parse(jwks_of({jwk})), std::invalid_argument) << boost::json::serialize(jwk);
  }
}

TEST(KeySet, IsMovable) {
  auto keys = KeySet::parse(first_key().jwks());
  KeySet moved = std::move(keys);
  EXPECT_NE(moved.find("first"), nullptr);
}

}  // namespace
