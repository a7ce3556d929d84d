#include "auth/key_set.hpp"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <stdexcept>

#include "auth/base64url.hpp"

namespace dt::auth {
namespace {

constexpr int kMinimumRsaBits = 2048;

struct BnFree {
  void operator()(BIGNUM* n) const { BN_free(n); }
};
struct ParamBuildFree {
  void operator()(OSSL_PARAM_BLD* b) const { OSSL_PARAM_BLD_free(b); }
};
struct ParamFree {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};
struct PkeyCtxFree {
  void operator()(EVP_PKEY_CTX* c) const { EVP_PKEY_CTX_free(c); }
};

// The member `name` if it is a string, "" if absent; throws if it has another type.
std::string_view string_member(const boost::json::object& jwk, std::string_view name) {
  const auto* v = jwk.if_contains(name);
  if (!v) return {};
  if (!v->is_string()) throw std::invalid_argument("JWKS: a key's \"" + std::string(name) + "\" is not a string");
  return v->get_string();
}

std::unique_ptr<BIGNUM, BnFree> big_number(const boost::json::object& jwk, std::string_view name) {
  const auto bytes = base64url_decode(string_member(jwk, name));
  if (!bytes || bytes->empty()) {
    throw std::invalid_argument("JWKS: an RSA key's \"" + std::string(name) + "\" is not base64url");
  }
  std::unique_ptr<BIGNUM, BnFree> n(
      BN_bin2bn(reinterpret_cast<const unsigned char*>(bytes->data()), static_cast<int>(bytes->size()), nullptr));
  if (!n) throw std::runtime_error("OpenSSL: BN_bin2bn failed");
  return n;
}

std::unique_ptr<EVP_PKEY, PkeyFree> rsa_public_key(const boost::json::object& jwk) {
  const auto n = big_number(jwk, "n");
  const auto e = big_number(jwk, "e");
  if (!BN_is_odd(e.get()) || BN_is_one(e.get())) throw std::invalid_argument("JWKS: an RSA key's exponent is invalid");

  std::unique_ptr<OSSL_PARAM_BLD, ParamBuildFree> build(OSSL_PARAM_BLD_new());
  if (!build || OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1 ||
      OSSL_PARAM_BLD_push_BN(build.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1) {
    throw std::runtime_error("OpenSSL: building RSA parameters failed");
  }
  std::unique_ptr<OSSL_PARAM, ParamFree> params(OSSL_PARAM_BLD_to_param(build.get()));
  std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) {
    throw std::runtime_error("OpenSSL: preparing an RSA key failed");
  }
  EVP_PKEY* raw = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    throw std::invalid_argument("JWKS: an RSA key is not a valid public key");
  }
  std::unique_ptr<EVP_PKEY, PkeyFree> key(raw);
  if (EVP_PKEY_get_bits(key.get()) < kMinimumRsaBits) return nullptr;  // too weak to trust: skipped
  return key;
}

bool is_rsa_signature_key(const boost::json::object& jwk) {
  if (string_member(jwk, "kty") != "RSA") return false;
  const auto use = string_member(jwk, "use");
  if (!use.empty() && use != "sig") return false;
  const auto alg = string_member(jwk, "alg");
  return alg.empty() || alg == "RS256";
}

}  // namespace

void PkeyFree::operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }

KeySet KeySet::parse(std::string_view jwks_json) {
  boost::system::error_code ec;
  const auto doc = boost::json::parse(jwks_json, ec);
  if (ec || !doc.is_object()) throw std::invalid_argument("JWKS: the document is not a JSON object");
  const auto* keys = doc.as_object().if_contains("keys");
  if (!keys || !keys->is_array()) throw std::invalid_argument("JWKS: the document has no \"keys\" array");

  KeySet set;
  for (const auto& entry : keys->as_array()) {
    if (!entry.is_object()) throw std::invalid_argument("JWKS: a key is not a JSON object");
    const auto& jwk = entry.as_object();
    if (!is_rsa_signature_key(jwk)) continue;
    const auto kid = string_member(jwk, "kid");
    if (kid.empty()) throw std::invalid_argument("JWKS: an RSA signature key has no \"kid\"");
    auto key = rsa_public_key(jwk);
    if (!key || set.find(kid)) continue;  // too short, or a duplicate kid: the first one wins
    set.keys_.push_back(Key{std::string(kid), std::move(key)});
  }
  return set;
}

const Key* KeySet::find(std::string_view kid) const {
  const auto it = std::find_if(keys_.begin(), keys_.end(), [&](const Key& k) { return k.kid == kid; });
  return it == keys_.end() ? nullptr : &*it;
}

std::vector<std::string> KeySet::kids() const {
  std::vector<std::string> out;
  out.reserve(keys_.size());
  for (const auto& k : keys_) out.push_back(k.kid);
  return out;
}

}  // namespace dt::auth
