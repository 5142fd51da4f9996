#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/actor.hpp"
#include "domain/access/api_token.hpp"
#include "domain/clock.hpp"

namespace casus::domain {

struct IssuedToken {
  TokenInfo info;
  std::string secret;  // shown once; only its hash is kept
};

// Creating, listing, revoking and checking API tokens. Errors: DomainError. Thread-safety: as
// the ports; keeps no state. Does not own its collaborators.
class TokenService {
 public:
  TokenService(TokenStore& store, TokenCrypto& crypto, const Clock& clock)
      : store_(store), crypto_(crypto), clock_(clock) {}

  // kInvalid for an empty or over-long name or an expiry in the past; kConflict when the name
  // is taken.
  IssuedToken Create(const std::string& name, Role role, std::optional<Date> expires_on);
  std::vector<TokenInfo> List();
  // kNotFound when there is no active token of that name.
  void Revoke(const std::string& name);

  // The token behind an Authorization header value ("Bearer <secret>"). Throws
  // DomainError(kUnauthenticated) when it is missing, malformed, unknown, expired or revoked;
  // the message does not say which, so that it cannot be used to probe tokens.
  TokenInfo Authenticate(std::optional<std::string_view> authorization);

 private:
  TokenStore& store_;
  TokenCrypto& crypto_;
  const Clock& clock_;
};

}  // namespace casus::domain
