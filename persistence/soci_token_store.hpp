#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/api_token.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// TokenStore on the api_tokens table of schema/004_access.sql, through a Database's session
// pool. Needs a migrated database and does not own it: `database` must outlive this.
//
// Every call is one transaction with bound values only. Thread-safety: safe to call from any
// number of threads; concurrent Creates of one name are decided by the database, exactly one
// of them returns true.
//
// Errors: a row the schema refuses (a secret_hash stored already, which for SHA-256 of random
// secrets means a programming error) and database failures throw soci::soci_error, changing
// nothing.
class SociTokenStore final : public domain::TokenStore {
 public:
  explicit SociTokenStore(Database& database) : database_(database) {}

  // Looks the name up and inserts in one write transaction (BEGIN IMMEDIATE). Names compare
  // exactly: "Alice" and "alice" are two tokens.
  bool Create(const domain::StoredToken& token) override;
  std::optional<domain::StoredToken> FindByHash(const std::string& secret_hash) override;
  std::vector<domain::TokenInfo> List() override;
  // Sets revoked_at = `at` on the token `name` while it is not revoked yet.
  bool Revoke(const std::string& name, const std::string& at) override;
  std::int64_t Version() override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
