#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus::domain {

// A person as the municipality's identity provider vouches for them.
struct VerifiedIdentity {
  std::string subject;                   // the provider's stable id of the person (`sub`)
  std::string display_name;              // a name to show; may be empty
  std::vector<std::string> role_values;  // the values of the configured role claim, as sent
};

// Port: checks a credential the identity provider issued (in practice a signed JWT access
// token, web/oidc/jwt_verifier.hpp) and says whom it names. The domain decides what that
// person may do (RoleMapping, PersonSignIn); the verifier only whether to believe the token.
//
// Thread-safety: implementations must allow concurrent calls of both members.
class IdentityVerifier {
 public:
  virtual ~IdentityVerifier() = default;

  // Whether `credential` (what follows "Bearer ") has the shape of this verifier's tokens, so
  // that it, and not the API tokens, must judge it. Looks at the shape only, never at keys.
  virtual bool Recognises(std::string_view credential) const = 0;

  // The identity `credential` proves at `now_unix` (seconds since 1970-01-01T00:00:00Z), or
  // nullopt when it is refused for any reason: bad signature, algorithm or key, wrong issuer
  // or audience, expired or not yet valid, malformed, too long. The reason is not returned,
  // so that no caller can hand it to a client probing for one.
  virtual std::optional<VerifiedIdentity> Verify(std::string_view credential,
                                                 std::int64_t now_unix) const = 0;
};

}  // namespace casus::domain
