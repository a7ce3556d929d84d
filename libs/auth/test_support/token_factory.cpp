#include "auth/test_support/token_factory.hpp"

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <boost/json/array.hpp>
#include <boost/json/serialize.hpp>

#include <stdexcept>

#include "auth/base64url.hpp"

namespace dt::auth::testing {
namespace {

std::string bignum_param(EVP_PKEY* key, const char* name) {
  BIGNUM* n = nullptr;
  if (EVP_PKEY_get_bn_param(key, name, &n) != 1) throw std::runtime_error("OpenSSL: cannot read an RSA parameter");
  std::string bytes(static_cast<std::size_t>(BN_num_bytes(n)), '\0');
  BN_bn2bin(n, reinterpret_cast<unsigned char*>(bytes.data()));
  BN_free(n);
  return bytes;
}

std::int64_t seconds(std::chrono::system_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

TokenFactory::TokenFactory(std::string kid, std::string issuer)
    : kid_(std::move(kid)),
      issuer_(std::move(issuer)),
      key_(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t{2048})) {
  if (!key_) throw std::runtime_error("OpenSSL: RSA key generation failed");
}

boost::json::object TokenFactory::jwk() const {
  return {{"kty", "RSA"},
          {"use", "sig"},
          {"alg", "RS256"},
          {"kid", kid_},
          {"n", base64url_encode(bignum_param(key_.get(), OSSL_PKEY_PARAM_RSA_N))},
          {"e", base64url_encode(bignum_param(key_.get(), OSSL_PKEY_PARAM_RSA_E))}};
}

std::string TokenFactory::jwks() const { return jwks_of({jwk()}); }

std::string TokenFactory::public_key_der() const {
  unsigned char* der = nullptr;
  const int size = i2d_PUBKEY(key_.get(), &der);
  if (size <= 0) throw std::runtime_error("OpenSSL: cannot encode the public key");
  std::string out(reinterpret_cast<const char*>(der), static_cast<std::size_t>(size));
  OPENSSL_free(der);
  return out;
}

std::string TokenFactory::public_key_pem() const {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) {
    throw std::runtime_error("OpenSSL: cannot write the public key");
  }
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio.get(), &data);
  return std::string(data, static_cast<std::size_t>(size));
}

boost::json::object TokenFactory::header() const { return {{"alg", "RS256"}, {"typ", "JWT"}, {"kid", kid_}}; }

boost::json::object TokenFactory::claims(const std::string& subject, const std::vector<std::string>& roles,
                                         std::chrono::system_clock::time_point now,
                                         std::chrono::seconds lifetime) const {
  boost::json::array role_list;
  for (const auto& role : roles) role_list.emplace_back(role);
  return {{"iss", issuer_},
          {"aud", kTestAudience},
          {"azp", kTestClient},
          {"sub", subject},
          {"typ", "Bearer"},
          {"preferred_username", subject + "-name"},
          {"email", subject + "@example.test"},
          {"iat", seconds(now)},
          {"exp", seconds(now + lifetime)},
          {"realm_access", {{"roles", std::move(role_list)}}}};
}

std::string TokenFactory::sign(const boost::json::object& header, const boost::json::object& claims) const {
  const std::string signing_input = encode_part(header) + "." + encode_part(claims);
  return signing_input + "." + signature(signing_input);
}

std::string TokenFactory::token_for(const std::string& subject, const std::vector<std::string>& roles) const {
  return sign(header(), claims(subject, roles));
}

std::string TokenFactory::signature(std::string_view signing_input) const {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  std::size_t size = 0;
  const auto* input = reinterpret_cast<const unsigned char*>(signing_input.data());
  if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, EVP_sha256(), nullptr, key_.get()) != 1 ||
      EVP_DigestSign(ctx.get(), nullptr, &size, input, signing_input.size()) != 1) {
    throw std::runtime_error("OpenSSL: cannot start signing");
  }
  std::string sig(size, '\0');
  if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &size, input, signing_input.size()) !=
      1) {
    throw std::runtime_error("OpenSSL: signing failed");
  }
  sig.resize(size);
  return base64url_encode(sig);
}

std::string encode_part(const boost::json::object& value) { return base64url_encode(boost::json::serialize(value)); }

std::string jwks_of(const std::vector<boost::json::object>& keys) {
  boost::json::array list;
  for (const auto& key : keys) list.emplace_back(key);
  return boost::json::serialize(boost::json::object{{"keys", std::move(list)}});
}

std::string hs256_signature(std::string_view signing_input, std::string_view secret) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int size = 0;
  if (!HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
            reinterpret_cast<const unsigned char*>(signing_input.data()), signing_input.size(), mac, &size)) {
    throw std::runtime_error("OpenSSL: HMAC failed");
  }
  return base64url_encode(std::string_view(reinterpret_cast<const char*>(mac), size));
}

}  // namespace dt::auth::testing
