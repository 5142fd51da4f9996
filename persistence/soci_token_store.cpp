#include "persistence/soci_token_store.hpp"

#include <soci/soci.h>

#include <string>

#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

constexpr const char* kTokenColumns =
    "SELECT name, role, created_at, expires_on, revoked_at, secret_hash FROM api_tokens";

// One row of kTokenColumns, fetched into these members.
struct TokenRow {
  std::string name;
  std::string role;
  std::string created_at;
  Nullable expires_on;
  Nullable revoked_at;
  std::string secret_hash;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(name));
    statement.exchange(soci::into(role));
    statement.exchange(soci::into(created_at));
    statement.exchange(soci::into(expires_on.value, expires_on.indicator));
    statement.exchange(soci::into(revoked_at.value, revoked_at.indicator));
    statement.exchange(soci::into(secret_hash));
  }

  domain::TokenInfo ToInfo() const {
    domain::TokenInfo info;
    info.name = name;
    info.role = ParseStored<domain::Role>(role, "api_tokens.role");
    info.created_at = created_at;
    info.expires_on = ParseNullableDate(expires_on, "api_tokens.expires_on");
    info.revoked_at = revoked_at.Get();
    return info;
  }
};

}  // namespace

bool SociTokenStore::Create(const domain::StoredToken& token) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);

  std::string name = token.info.name;
  int existing = 0;
  Execute(*sql, "SELECT COUNT(*) FROM api_tokens WHERE name = :name", soci::use(name, "name"),
          soci::into(existing));
  if (existing > 0) return false;  // the transaction rolls back

  std::string role = Wire(token.info.role);
  std::string secret_hash = token.secret_hash;
  std::string created_at = token.info.created_at;
  Nullable expires_on = NullableDate(token.info.expires_on);
  Nullable revoked_at = Nullable::Of(token.info.revoked_at);
  Execute(*sql,
          "INSERT INTO api_tokens (name, role, secret_hash, created_at, expires_on, revoked_at) "
          "VALUES (:name, :role, :secret_hash, :created_at, :expires_on, :revoked_at)",
          soci::use(name, "name"), soci::use(role, "role"), soci::use(secret_hash, "secret_hash"),
          soci::use(created_at, "created_at"),
          soci::use(expires_on.value, expires_on.indicator, "expires_on"),
          soci::use(revoked_at.value, revoked_at.indicator, "revoked_at"));
  transaction.Commit();
  return true;
}

std::optional<domain::StoredToken> SociTokenStore::FindByHash(const std::string& secret_hash) {
  SessionLease sql(database_);
  SqlConditions by_hash;
  by_hash.Where("secret_hash = :hash", "hash", secret_hash);
  return FetchOne<TokenRow>(*sql, kTokenColumns, by_hash, [](const TokenRow& row) {
    return domain::StoredToken{row.ToInfo(), row.secret_hash};
  });
}

std::vector<domain::TokenInfo> SociTokenStore::List() {
  SessionLease sql(database_);
  return FetchRows<TokenRow>(
      *sql, std::string(kTokenColumns) + " ORDER BY name", [](soci::statement&) {},
      &TokenRow::ToInfo);
}

bool SociTokenStore::Revoke(const std::string& name, const std::string& at) {
  SessionLease sql(database_);
  std::string token_name = name;
  std::string revoked_at = at;
  soci::statement update = (sql->prepare << "UPDATE api_tokens SET revoked_at = :at "
                                            "WHERE name = :name AND revoked_at IS NULL",
                            soci::use(revoked_at, "at"), soci::use(token_name, "name"));
  update.execute(true);
  return update.get_affected_rows() > 0;
}

std::int64_t SociTokenStore::Version() {
  SessionLease sql(database_);
  std::int64_t version = 0;
  Execute(*sql, "SELECT version FROM token_version WHERE id = 1", soci::into(version));
  return version;
}

}  // namespace casus::persistence
