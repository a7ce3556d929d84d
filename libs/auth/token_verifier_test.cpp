#include "auth/token_verifier.hpp"

#include <gtest/gtest.h>

#include <random>

#include "auth/base64url.hpp"
#include "auth/test_support/token_factory.hpp"

namespace {

using namespace dt::auth;
using dt::auth::testing::encode_part;
using dt::auth::testing::hs256_signature;
using dt::auth::testing::kTestAudience;
using dt::auth::testing::kTestIssuer;
using dt::auth::testing::TokenFactory;
using std::chrono::seconds;

class TokenVerifierTest : public ::testing::Test {
 protected:
  static const TokenFactory& factory() {
    static const TokenFactory f("key-1");
    return f;
  }

  TokenVerifierTest() : keys_(KeySet::parse(factory().jwks())) {
    options_.issuer = std::string(kTestIssuer);
    options_.audiences = {std::string(kTestAudience)};
    options_.leeway = seconds(30);
  }

  boost::json::object claims() const { return factory().claims("user-1", {"learner", "admin"}, now_); }
  std::string sign(const boost::json::object& claims) const { return factory().sign(factory().header(), claims); }

  dt::http::Principal verify(std::string_view token) const { return verify_token(token, keys_, options_, now_); }

  // The reason `token` is refused; fails the test if it is accepted.
  std::optional<TokenError> refusal(std::string_view token) const {
    try {
      verify(token);
    } catch (const TokenRejected& e) {
      if (token.size() >= 20) {
        EXPECT_EQ(std::string(e.what()).find(token.substr(0, 20)), std::string::npos) << "the message echoes the token";
      }
      return e.reason();
    }
    ADD_FAILURE() << "token accepted";
    return std::nullopt;
  }

  KeySet keys_;
  VerifierOptions options_;
  std::chrono::system_clock::time_point now_ = std::chrono::system_clock::now();
};

// The signing input and signature of `token`, split at its last dot.
std::pair<std::string, std::string> split_signature(const std::string& token) {
  const auto dot = token.rfind('.');
  return {token.substr(0, dot), token.substr(dot + 1)};
}

TEST_F(TokenVerifierTest, AValidTokenGivesItsPrincipal) {
  const auto principal = verify(sign(claims()));
  EXPECT_EQ(principal.subject, "user-1");
  EXPECT_EQ(principal.username, "user-1-name");
  EXPECT_EQ(principal.email, "user-1@example.test");
  EXPECT_EQ(principal.roles, (std::vector<std::string>{"learner", "admin"}));
  EXPECT_TRUE(principal.has_role("admin"));
}

TEST_F(TokenVerifierTest, OptionalClaimsMayBeAbsent) {
  auto c = claims();
  c.erase("preferred_username");
  c.erase("email");
  c.erase("realm_access");
  c.erase("iat");
  const auto principal = verify(sign(c));
  EXPECT_EQ(principal.subject, "user-1");
  EXPECT_TRUE(principal.username.empty());
  EXPECT_TRUE(principal.roles.empty());
}

TEST_F(TokenVerifierTest, RefusesAlgNoneWithAndWithoutASignaturePart) {
  auto header = factory().header();
  header["alg"] = "none";
  const std::string unsigned_input = encode_part(header) + "." + encode_part(claims());
  EXPECT_EQ(refusal(unsigned_input + "."), TokenError::unsupported_algorithm);
  EXPECT_EQ(refusal(unsigned_input), TokenError::malformed);
  EXPECT_EQ(refusal(unsigned_input + "." + factory().signature(unsigned_input)), TokenError::unsupported_algorithm);
  for (const char* alg : {"None", "NONE", "nOnE", "rs256", ""}) {
    header["alg"] = alg;
    EXPECT_EQ(refusal(encode_part(header) + "." + encode_part(claims()) + "."), TokenError::unsupported_algorithm)
        << alg;
  }
  header.erase("alg");
  EXPECT_EQ(refusal(encode_part(header) + "." + encode_part(claims()) + "."), TokenError::unsupported_algorithm);
}

TEST_F(TokenVerifierTest, RefusesHs256SignedWithThePublicKey) {
  auto header = factory().header();
  header["alg"] = "HS256";
  const std::string input = encode_part(header) + "." + encode_part(claims());
  for (const auto& secret : {factory().public_key_pem(), factory().public_key_der()}) {
    EXPECT_EQ(refusal(input + "." + hs256_signature(input, secret)), TokenError::unsupported_algorithm);
  }
  header.erase("kid");
  const std::string without_kid = encode_part(header) + "." + encode_part(claims());
  EXPECT_EQ(refusal(without_kid + "." + hs256_signature(without_kid, factory().public_key_pem())),
            TokenError::unsupported_algorithm);
}

TEST_F(TokenVerifierTest, RefusesEveryOtherAlgorithm) {
  for (const char* alg : {"RS384", "RS512", "PS256", "ES256", "EdDSA", "HS512"}) {
    auto header = factory().header();
    header["alg"] = alg;
    EXPECT_EQ(refusal(factory().sign(header, claims())), TokenError::unsupported_algorithm) << alg;
  }
}

TEST_F(TokenVerifierTest, RefusesAWrongOrMissingIssuer) {
  for (const char* issuer : {"http://evil.example/realms/drivetest", "http://127.0.0.1:28180/realms/drivetest/",
                             "http://127.0.0.1:28180/realms/master"}) {
    auto c = claims();
    c["iss"] = issuer;
    EXPECT_EQ(refusal(sign(c)), TokenError::wrong_issuer) << issuer;
  }
  auto c = claims();
  c.erase("iss");
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_issuer);
}

TEST_F(TokenVerifierTest, RefusesAnExpiredTokenBeyondTheLeeway) {
  EXPECT_EQ(refusal(sign(factory().claims("user-1", {}, now_ - std::chrono::hours(2)))), TokenError::expired);
  auto c = claims();
  c["exp"] = std::chrono::duration_cast<seconds>(now_.time_since_epoch()).count() - 31;
  EXPECT_EQ(refusal(sign(c)), TokenError::expired);
}

TEST_F(TokenVerifierTest, AcceptsATokenExpiredWithinTheLeeway) {
  auto c = claims();
  c["exp"] = std::chrono::duration_cast<seconds>(now_.time_since_epoch()).count() - 29;
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
  options_.leeway = seconds(0);
  EXPECT_EQ(refusal(sign(c)), TokenError::expired);
}

TEST_F(TokenVerifierTest, RequiresANumericExpiry) {
  auto c = claims();
  c.erase("exp");
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  c["exp"] = "tomorrow";
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  c["exp"] = 1e300;  // absurdly far, but a number: saturates instead of overflowing
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
}

TEST_F(TokenVerifierTest, RefusesATokenNotValidYet) {
  const auto now_s = std::chrono::duration_cast<seconds>(now_.time_since_epoch()).count();
  auto c = claims();
  c["nbf"] = now_s + 120;
  EXPECT_EQ(refusal(sign(c)), TokenError::not_yet_valid);
  c["nbf"] = now_s + 20;
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
  c.erase("nbf");
  c["iat"] = now_s + 120;
  EXPECT_EQ(refusal(sign(c)), TokenError::not_yet_valid);
}

TEST_F(TokenVerifierTest, RefusesATamperedPayload) {
  const auto token = sign(claims());
  const auto [input, signature] = split_signature(token);
  auto c = claims();
  c["realm_access"] = {{"roles", {"learner", "admin", "superuser"}}};
  EXPECT_EQ(refusal(encode_part(factory().header()) + "." + encode_part(c) + "." + signature),
            TokenError::bad_signature);
  c = claims();
  c["sub"] = "user-2";
  EXPECT_EQ(refusal(encode_part(factory().header()) + "." + encode_part(c) + "." + signature),
            TokenError::bad_signature);
}

TEST_F(TokenVerifierTest, RefusesATamperedHeaderOrSignature) {
  const auto [input, signature] = split_signature(sign(claims()));
  auto header = factory().header();
  header["typ"] = "at+jwt";
  const auto payload = input.substr(input.find('.'));
  EXPECT_EQ(refusal(encode_part(header) + payload + "." + signature), TokenError::bad_signature);

  auto flipped = *base64url_decode(signature);
  flipped[10] = static_cast<char>(flipped[10] ^ 1);
  EXPECT_EQ(refusal(input + "." + base64url_encode(flipped)), TokenError::bad_signature);
  EXPECT_EQ(refusal(input + "." + signature.substr(0, 40)), TokenError::bad_signature);
  EXPECT_EQ(refusal(input + "."), TokenError::bad_signature);
  EXPECT_EQ(refusal(input + "." + signature + "AAA"), TokenError::malformed);  // impossible base64url length
}

TEST_F(TokenVerifierTest, RefusesATokenSignedByAnotherKeyUnderTheSameKid) {
  const TokenFactory impostor("key-1");
  EXPECT_EQ(refusal(impostor.sign(impostor.header(), claims())), TokenError::bad_signature);
}

TEST_F(TokenVerifierTest, RefusesAnUnknownOrMissingKid) {
  const TokenFactory other("key-2");
  EXPECT_EQ(refusal(other.sign(other.header(), claims())), TokenError::unknown_key);
  auto header = factory().header();
  header.erase("kid");
  EXPECT_EQ(refusal(factory().sign(header, claims())), TokenError::unknown_key);
  header["kid"] = 1;
  EXPECT_EQ(refusal(factory().sign(header, claims())), TokenError::unknown_key);
}

TEST_F(TokenVerifierTest, RefusesAWrongAudience) {
  auto c = claims();
  c["aud"] = "account";
  c["azp"] = "some-other-client";
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_audience);
  c["aud"] = {"account", "broker"};
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_audience);
  c.erase("aud");
  c.erase("azp");
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_audience);
  c["aud"] = 42;
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
}

TEST_F(TokenVerifierTest, AcceptsTheAudienceInAnArrayOrAsAzp) {
  auto c = claims();
  c["aud"] = {"account", std::string(kTestAudience)};
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
  c["aud"] = "account";
  c["azp"] = std::string(kTestAudience);
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
  c.erase("aud");
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
  options_.audiences = {"catalog", std::string(kTestAudience)};
  EXPECT_EQ(verify(sign(claims())).subject, "user-1");
}

TEST_F(TokenVerifierTest, RefusesKeycloakTokensThatAreNotAccessTokens) {
  auto c = claims();
  c["typ"] = "ID";
  c["aud"] = std::string(kTestAudience);
  c["azp"] = std::string(kTestAudience);
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_audience);
  c["typ"] = "Refresh";
  EXPECT_EQ(refusal(sign(c)), TokenError::wrong_audience);
  c.erase("typ");
  EXPECT_EQ(verify(sign(c)).subject, "user-1");
}

TEST_F(TokenVerifierTest, RequiresASubject) {
  auto c = claims();
  c.erase("sub");
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  c["sub"] = "";
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  c["sub"] = 12;
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
}

TEST_F(TokenVerifierTest, RefusesMistypedRoles) {
  auto c = claims();
  c["realm_access"] = {{"roles", "admin"}};
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  c["realm_access"] = {{"roles", {"admin", 1}}};
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
}

TEST_F(TokenVerifierTest, RefusesGarbage) {
  const auto valid = sign(claims());
  const auto first_dot = valid.find('.');
  std::mt19937 random(7);
  std::string noise(300, '\0');
  for (auto& b : noise) b = static_cast<char>(random() & 0xFF);
  for (const std::string& token : std::vector<std::string>{
           std::string(), std::string("."), std::string(".."), std::string("..."), std::string("abc"), noise,
           std::string("eyJhbGciOiJSUzI1NiJ9.e30"), valid + ".extra", std::string("a.b.c.d"), "!!!" + valid.substr(3),
           valid.substr(0, first_dot) + ".not*base64." + split_signature(valid).second,
           encode_part({{"alg", "RS256"}}).substr(0, 5) + "=" + valid.substr(first_dot)}) {
    const auto reason = refusal(token);
    EXPECT_TRUE(reason == TokenError::malformed || reason == TokenError::bad_signature) << token;
  }
}

TEST_F(TokenVerifierTest, RefusesJsonThatIsNotAnObject) {
  const std::string array_header = base64url_encode(R"(["RS256"])");
  EXPECT_EQ(refusal(array_header + "." + encode_part(claims()) + ".c2ln"), TokenError::malformed);
  const std::string input = encode_part(factory().header()) + "." + base64url_encode("[1,2,3]");
  EXPECT_EQ(refusal(input + "." + factory().signature(input)), TokenError::malformed);
  const std::string truncated = encode_part(factory().header()) + "." + base64url_encode(R"({"sub":"x")");
  EXPECT_EQ(refusal(truncated + "." + factory().signature(truncated)), TokenError::malformed);
}

TEST_F(TokenVerifierTest, RefusesAHugeTokenEvenIfSigned) {
  auto c = claims();
  c["padding"] = std::string(kMaxTokenSize, 'x');
  EXPECT_EQ(refusal(sign(c)), TokenError::malformed);
  EXPECT_EQ(refusal(std::string(kMaxTokenSize + 1, 'a')), TokenError::malformed);
}

TEST_F(TokenVerifierTest, RefusesCriticalHeaderExtensions) {
  auto header = factory().header();
  header["crit"] = {"exp"};
  EXPECT_EQ(refusal(factory().sign(header, claims())), TokenError::malformed);
}

TEST_F(TokenVerifierTest, MessagesSayWhyInPlainWords) {
  auto c = claims();
  c["exp"] = 1000;
  try {
    verify(sign(c));
    FAIL() << "accepted";
  } catch (const TokenRejected& e) {
    EXPECT_STREQ(e.what(), "the access token has expired");
  }
}

TEST(TokenKid, IsTheKidOfAWellFormedRs256Header) {
  const auto kid_of = [](const boost::json::object& header) {
    return token_kid(encode_part(header) + "." + encode_part({{"sub", "x"}}) + ".c2ln");
  };
  EXPECT_EQ(kid_of({{"alg", "RS256"}, {"kid", "k1"}}), "k1");
  EXPECT_EQ(kid_of({{"alg", "RS256"}}), std::nullopt);
  EXPECT_EQ(kid_of({{"alg", "none"}, {"kid", "k1"}}), std::nullopt);
  EXPECT_EQ(kid_of({{"alg", "HS256"}, {"kid", "k1"}}), std::nullopt);
  EXPECT_EQ(token_kid("garbage"), std::nullopt);
  EXPECT_EQ(token_kid("a.b"), std::nullopt);
}

TEST(TokenErrorNames, AreMetricLabels) {
  EXPECT_EQ(to_string(TokenError::malformed), "malformed");
  EXPECT_EQ(to_string(TokenError::wrong_audience), "wrong_audience");
}

}  // namespace
