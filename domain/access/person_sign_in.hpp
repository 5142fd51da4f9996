#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/access/identity_verifier.hpp"
#include "domain/access/role_mapping.hpp"
#include "domain/clock.hpp"

namespace casus::domain {

// A person signed in with a token of the municipality's identity provider.
struct SignedInPerson {
  std::string name;          // as the audit trail records it: "oidc:<sub> (<display name>)"
  std::optional<Role> role;  // nullopt: none, or more than one (see RoleMapping): 403
};

// Sign-in with OpenID Connect, beside the API tokens (TokenService) that scripts keep using:
// an Authorization header whose credential the IdentityVerifier recognises is judged by it,
// and the person's role follows from their role claim through the RoleMapping.
//
// Thread-safety: as the verifier and the clock; keeps no state of its own. Does not own its
// collaborators, which must outlive it.
class PersonSignIn {
 public:
  // Longest audit name recorded; longer ones are cut short (the provider chooses sub and name).
  static constexpr std::size_t kMaxAuditNameBytes = 200;

  PersonSignIn(const IdentityVerifier& verifier, RoleMapping roles, const Clock& clock)
      : verifier_(verifier), roles_(std::move(roles)), clock_(clock) {}

  // Whether `authorization` ("Bearer <credential>") carries a credential of the identity
  // provider's shape, so that Authenticate, not TokenService, must judge it.
  bool Recognises(std::optional<std::string_view> authorization) const;

  // The person `authorization` proves. Throws DomainError(kUnauthenticated), with the same
  // message as a refused API token, when the verifier refuses the credential.
  SignedInPerson Authenticate(std::string_view authorization) const;

  // "oidc:<subject> (<display name>)", or "oidc:<subject>" without one; control characters
  // become '?' and the whole is cut at kMaxAuditNameBytes, so that no provider-chosen text
  // can forge or flood an audit row.
  static std::string AuditName(std::string_view subject, std::string_view display_name);

  // Seconds since 1970-01-01T00:00:00Z of a Clock::NowUtc() instant "YYYY-MM-DDTHH:MM:SSZ".
  // Throws std::invalid_argument for anything else.
  static std::int64_t UnixSeconds(std::string_view utc);

 private:
  const IdentityVerifier& verifier_;
  RoleMapping roles_;
  const Clock& clock_;
};

}  // namespace casus::domain
