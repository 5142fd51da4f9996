#include "domain/access/token_service.hpp"

#include <algorithm>
#include <cctype>

#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

namespace {

bool IsTokenNameChar(unsigned char c) {
  return std::isalnum(c) || c == '-' || c == '_' || c == '.';
}

[[noreturn]] void Unauthenticated() {
  throw DomainError(ErrorCode::kUnauthenticated,
                    "a valid bearer token is required (Authorization: Bearer <token>)");
}

}  // namespace

IssuedToken TokenService::Create(const std::string& name, Role role,
                                 std::optional<Date> expires_on) {
  if (name.empty() || name.size() > 64 ||
      !std::all_of(name.begin(), name.end(), [](unsigned char c) { return IsTokenNameChar(c); })) {
    throw DomainError(ErrorCode::kInvalid,
                      "a token name is 1 to 64 letters, digits, '-', '_' or '.'");
  }
  if (expires_on && *expires_on < clock_.Today()) {
    throw DomainError(ErrorCode::kInvalid,
                      "expires " + expires_on->ToString() + " lies in the past");
  }
  IssuedToken issued;
  issued.info.name = name;
  issued.info.role = role;
  issued.info.created_at = clock_.NowUtc();
  issued.info.expires_on = expires_on;
  issued.secret = crypto_.NewSecret();
  if (!store_.Create({issued.info, crypto_.Hash(issued.secret)})) {
    throw DomainError(ErrorCode::kConflict, "a token named '" + name + "' exists already");
  }
  return issued;
}

std::vector<TokenInfo> TokenService::List() { return store_.List(); }

void TokenService::Revoke(const std::string& name) {
  if (!store_.Revoke(name, clock_.NowUtc())) {
    throw DomainError(ErrorCode::kNotFound, "no active token named '" + name + "'");
  }
}

TokenInfo TokenService::Authenticate(std::optional<std::string_view> authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (!authorization || authorization->size() <= kScheme.size() || authorization->size() > 512) {
    Unauthenticated();
  }
  const std::string_view scheme = authorization->substr(0, kScheme.size());
  if (!std::equal(scheme.begin(), scheme.end(), kScheme.begin(), kScheme.end(),
                  [](char a, char b) { return std::tolower(a) == std::tolower(b); })) {
    Unauthenticated();
  }
  const auto stored = store_.FindByHash(crypto_.Hash(authorization->substr(kScheme.size())));
  if (!stored || stored->info.revoked_at ||
      (stored->info.expires_on && *stored->info.expires_on < clock_.Today())) {
    Unauthenticated();
  }
  return stored->info;
}

}  // namespace casus::domain
