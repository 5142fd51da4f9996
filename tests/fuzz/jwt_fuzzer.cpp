// libFuzzer target: OpenID Connect access tokens and JWKS documents, the bytes that reach
// Casus from the identity provider (or from anyone who sends a Bearer token shaped like a
// JWT). The first byte picks: 0 parses the rest as a JWKS document, anything else verifies the
// rest as a token against a fixed key set (an RSA and an EC P-256 key, kid rsa1 and ec1; the
// seed corpus holds tokens they signed, valid until 2100). Refusals are fine; a crash, a
// sanitizer report or an exception out of Verify is a finding, and so is a verified identity
// without a subject.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <string_view>

#include "web/oidc/jwks_key_set.hpp"
#include "web/oidc/jwt_verifier.hpp"

namespace {

constexpr std::string_view kKeys =
    R"jwks({"keys": [{"kty": "RSA", "kid": "rsa1", "use": "sig", "alg": "RS256", "n": "z6zIXxps_D-sHNlp1BW6_m1n2yXrsOq0hbxRMRdgE0kwx_as3hPyWdMkeHGpzXc69OBSGLrOUWmvbsteRRhw_DvFzURZrjjJ9J3gzfUB2t6CXLa7ex-nnJEWeg9Hz2Yrz3LaMNLw42OgKUOuQh0IbymZF309diWAmnqcD6wzBjWWMXYZBEVJgdQReyNWMcFVeVp295Dm5Ashz8cxQhl-SwE48rls_pFYq-wI4TrVCzd9rVtt7eS7cNoTDsoMn2wR8rpCZm-VCXtHR7P4lQIFG0-kuGZ-GcX8KZlojLNDU02hsLDpY-6m3mPi5diXdUjONKH57W2c9yVuW9-V5NOCJQ", "e": "AQAB"}, {"kty": "EC", "kid": "ec1", "use": "sig", "alg": "ES256", "crv": "P-256", "x": "GBata5d__chUiDB7igMFETB3AxCB-HMnidQNBQmuHNk", "y": "bDvlomazm6ApyxJUdfnk00WQp9RPmqqswDZ4xOA-6jI"}]})jwks";

casus::web::oidc::JwtVerifier& Verifier() {
  static casus::web::oidc::JwtVerifier* const verifier = [] {
    casus::web::oidc::JwtVerifierOptions options;
    options.issuer = "https://sso.fuzz.test/realms/gemeente";
    options.audience = "casus";
    return new casus::web::oidc::JwtVerifier(options, casus::web::oidc::JwksKeySet::Parse(kKeys));
  }();
  return *verifier;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (data[0] == 0) {
    try {
      casus::web::oidc::JwksKeySet::Parse(rest);
    } catch (const std::runtime_error&) {
      // A document Casus will not use: serve refuses to start, a reload keeps the old keys.
    }
    return 0;
  }
  constexpr std::int64_t kNow = 1'800'000'000;  // 2027, inside the seed tokens' validity
  const auto identity = Verifier().Verify(rest, kNow);
  if (identity && identity->subject.empty()) std::abort();
  return 0;
}
