// The OpenID Connect adapter's parts on their own: strict base64url, the JWKS key set and its
// replacement, as SIGHUP does it.

#include "web/oidc/jwt_verifier.hpp"

#include <string>

#include <catch2/catch.hpp>

#include "support/oidc_test_keys.hpp"
#include "web/oidc/base64url.hpp"

namespace casus::web::oidc {
namespace {

using casus::testing::Claims;
using casus::testing::Jwks;
using casus::testing::kTestNow;
using casus::testing::Mint;
using casus::testing::TestKey;

TEST_CASE("Base64url decodes each byte string from exactly one spelling", "[web][oidc]") {
  for (const std::string bytes : {"", "A", "AB", "ABC", "ABCD", "\xff\xfe\x00\x01"}) {
    CHECK(Base64UrlDecode(Base64UrlEncode(bytes)) == bytes);
  }
  CHECK(Base64UrlEncode("\xfb\xff") == "-_8");
  CHECK(Base64UrlDecode("QQ") == "A");
  CHECK_FALSE(Base64UrlDecode("QR"));    // non-zero unused bits: a second spelling of "A"
  CHECK_FALSE(Base64UrlDecode("QQ=="));  // padding
  CHECK_FALSE(Base64UrlDecode("Q"));     // no encoding is 4n+1 characters long
  CHECK_FALSE(Base64UrlDecode("a+b/"));  // the standard alphabet
  CHECK_FALSE(Base64UrlDecode("QQ QQ"));
}

TEST_CASE("A JWKS without a usable signing key is refused with the reason", "[web][oidc]") {
  const TestKey rsa(TestKey::Type::kRsa, "r");
  const TestKey ec(TestKey::Type::kP256, "e");
  const auto refused = [](const std::string& json, const std::string& reason) {
    INFO(json.substr(0, 200));
    try {
      JwksKeySet::Parse(json);
      FAIL("accepted");
    } catch (const std::runtime_error& error) {
      CHECK_THAT(error.what(), Catch::Contains(reason));
    }
  };
  refused("", "not a JSON object");
  refused("[]", "not a JSON object");
  refused(R"({"keys":{}})", "no \"keys\" array");
  refused(R"({"keys":[]})", "no RS256 or ES256 signing key");
  refused(R"({"keys":[{"kty":"oct","k":"c2VjcmV0"}]})", "no RS256 or ES256 signing key");
  std::string encryption = rsa.Jwk();
  encryption.replace(encryption.find(R"("use":"sig")"), 11, R"("use":"enc")");
  refused(Jwks({encryption}), "no RS256 or ES256 signing key");
  refused(R"({"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]})", "bits");
  std::string off_curve = ec.Jwk();
  const auto y = off_curve.find(R"("y":")") + 5;
  off_curve[y + 3] = off_curve[y + 3] == 'A' ? 'B' : 'A';
  refused(Jwks({off_curve}), "key 0");
  refused(R"({"keys":[{"kty":"EC","crv":"P-256","x":"AQAB","y":"AQAB"}]})", "32 bytes");
  refused(R"({"keys":[],"keys":[]})", "not a JSON object");
  CHECK(JwksKeySet::Parse(Jwks({rsa.Jwk(), ec.Jwk(), encryption}))->size() == 2);
}

TEST_CASE("Replacing the key set accepts the new key's tokens and refuses the old one's",
          "[web][oidc]") {
  const TestKey old_key(TestKey::Type::kRsa, "2024");
  const TestKey new_key(TestKey::Type::kP256, "2025");
  JwtVerifierOptions options;
  options.issuer = casus::testing::kTestIssuer;
  options.audience = casus::testing::kTestAudience;
  JwtVerifier verifier(options, JwksKeySet::Parse(Jwks({old_key.Jwk()})));
  const std::string old_token = Mint(old_key, Claims());
  const std::string new_token = Mint(new_key, Claims());
  REQUIRE(verifier.Verify(old_token, kTestNow));
  CHECK(verifier.Verify(old_token, kTestNow)->subject == "f3a9c2e1-0b7d");
  CHECK(verifier.Verify(old_token, kTestNow)->role_values ==
        std::vector<std::string>{"woonoverlast"});
  CHECK_FALSE(verifier.Verify(new_token, kTestNow));
  verifier.ReplaceKeys(JwksKeySet::Parse(Jwks({new_key.Jwk()})));
  CHECK(verifier.Verify(new_token, kTestNow));
  CHECK_FALSE(verifier.Verify(old_token, kTestNow));
}

TEST_CASE("Without a kid two keys of the token's type are refused rather than tried",
          "[web][oidc]") {
  const TestKey first(TestKey::Type::kRsa, "a");
  const TestKey second(TestKey::Type::kRsa, "b");
  JwtVerifierOptions options;
  options.issuer = casus::testing::kTestIssuer;
  options.audience = casus::testing::kTestAudience;
  const JwtVerifier verifier(options, JwksKeySet::Parse(Jwks({first.Jwk(false), second.Jwk()})));
  const std::string token = casus::testing::MintWithHeader(first, R"({"alg":"RS256"})", Claims());
  CHECK_FALSE(verifier.Verify(token, kTestNow));
  CHECK(verifier.Verify(Mint(second, Claims()), kTestNow));
}

TEST_CASE("Only three base64url segments look like a token of the provider", "[web][oidc]") {
  const TestKey key(TestKey::Type::kP256, "k");
  const JwtVerifier verifier({}, JwksKeySet::Parse(Jwks({key.Jwk()})));
  CHECK(verifier.Recognises("a.b.c"));
  CHECK(verifier.Recognises(".."));
  CHECK_FALSE(verifier.Recognises("casus_AbC-12_x"));  // an API token
  CHECK_FALSE(verifier.Recognises("a.b"));
  CHECK_FALSE(verifier.Recognises("a.b.c.d"));
  CHECK_FALSE(verifier.Recognises("a.b.c="));
}

}  // namespace
}  // namespace casus::web::oidc
