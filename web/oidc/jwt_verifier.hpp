#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

#include "domain/access/identity_verifier.hpp"
#include "web/oidc/jwks_key_set.hpp"

namespace casus::web::oidc {

struct JwtVerifierOptions {
  std::string issuer;    // `iss` must equal it exactly, e.g. https://sso.example.nl/realms/gemeente
  std::string audience;  // `aud` (a string, or an array) must contain it
  // The claim holding the person's roles or groups. A dotted path ("realm_access.roles")
  // walks nested objects; a top-level member of exactly that name wins over the path. Its
  // value is one string or an array (non-string elements are ignored); absent: no values.
  std::string role_claim = "groups";
  // Tolerated difference between our clock and the provider's, for `exp` and `nbf`.
  std::chrono::seconds clock_skew{60};
  // Longer tokens are refused before anything is decoded.
  std::size_t max_token_bytes = 16 * 1024;
};

// The IdentityVerifier of OpenID Connect access tokens: compact JWS (RFC 7515) JWTs signed
// with RS256 or ES256 by a key of the configured key set. Refused: any other "alg" ("none",
// HS256 and the rest, whatever key they name), a "crit" header, a signature that does not
// verify, an unknown "kid", `iss` or `aud` not ours, a missing or passed `exp` (beyond the
// skew), an `nbf` in the future (beyond the skew), a missing `sub`, malformed base64url or
// JSON, a JSON object with a member repeated, and tokens over max_token_bytes.
// The person's display name is `name`, else `preferred_username`.
//
// Thread-safety: Verify and Recognises may run on any number of threads while ReplaceKeys
// swaps in a new key set (on SIGHUP): the key set is held in an atomic shared_ptr, so each
// verification uses one whole key set, old or new, and an old set lives until its last
// verification ends.
class JwtVerifier final : public domain::IdentityVerifier {
 public:
  JwtVerifier(JwtVerifierOptions options, std::shared_ptr<const JwksKeySet> keys);

  bool Recognises(std::string_view credential) const override;
  std::optional<domain::VerifiedIdentity> Verify(std::string_view credential,
                                                 std::int64_t now_unix) const override;

  // Later verifications use `keys`; must not be null.
  void ReplaceKeys(std::shared_ptr<const JwksKeySet> keys);
  std::shared_ptr<const JwksKeySet> keys() const { return keys_.load(); }

 private:
  const JwtVerifierOptions options_;
  std::atomic<std::shared_ptr<const JwksKeySet>> keys_;
};

}  // namespace casus::web::oidc
