#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/access/role.hpp"
#include "domain/date.hpp"

namespace casus::domain {

// What is known of an API token, without its secret.
struct TokenInfo {
  std::string name;
  Role role = Role::kAnalist;
  std::string created_at;
  std::optional<Date> expires_on;         // valid through this day; none = no expiry
  std::optional<std::string> revoked_at;  // set once revoked; a revoked token stays listed
};

// A token as stored: its info and the hash of its secret. The secret itself is never stored.
struct StoredToken {
  TokenInfo info;
  std::string secret_hash;
};

// Port: durable storage of tokens. Thread-safety and durability: as CaseRepository.
class TokenStore {
 public:
  virtual ~TokenStore() = default;
  // False, storing nothing, when a token of that name exists (revoked ones included).
  virtual bool Create(const StoredToken& token) = 0;
  virtual std::optional<StoredToken> FindByHash(const std::string& secret_hash) = 0;
  virtual std::vector<TokenInfo> List() = 0;  // by name
  // False when there is no unrevoked token of that name.
  virtual bool Revoke(const std::string& name, const std::string& at) = 0;
  // A number that changes whenever any token is created or revoked, by any process: what a
  // cache of verified tokens compares to know it is still right.
  virtual std::int64_t Version() = 0;
};

// Port: the secrets behind tokens. Implementations use the operating system's secure random
// source and a cryptographic hash; the domain only composes them.
class TokenCrypto {
 public:
  virtual ~TokenCrypto() = default;
  // A new secret of at least 128 random bits, printable without quoting.
  virtual std::string NewSecret() = 0;
  // A one-way hash of `secret` (hex), the same for the same secret.
  virtual std::string Hash(std::string_view secret) = 0;
};

}  // namespace casus::domain
