#pragma once

// What whoever can write the database does to the audit chain, for the audit trail's tests:
// plain SQL past Casus, with the append-only triggers dropped first.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "persistence/audit_chain.hpp"
#include "persistence/audit_key.hpp"
#include "persistence/database.hpp"

namespace casus::persistence::testing {

inline void Exec(Database& database, const std::string& statement) {
  SessionLease sql(database);
  *sql << statement;
}

inline std::string Text(Database& database, const std::string& query) {
  SessionLease sql(database);
  std::string text;
  *sql << query, soci::into(text);
  return text;
}

inline std::int64_t Number(Database& database, const std::string& query) {
  SessionLease sql(database);
  long long number = 0;
  *sql << query, soci::into(number);
  return number;
}

// Removes every trigger guarding audit_log and audit_head.
inline void DropAllAuditTriggers(Database& database) {
  if (database.dialect() == Dialect::kPostgresql) {
    for (const char* trigger :
         {"audit_log_no_update ON audit_log", "audit_log_no_truncate ON audit_log",
          "audit_head_forward_only ON audit_head", "audit_head_no_delete ON audit_head",
          "audit_head_no_truncate ON audit_head"}) {
      Exec(database, std::string("DROP TRIGGER ") + trigger);
    }
    return;
  }
  for (const char* trigger : {"audit_log_no_update", "audit_log_no_delete",
                              "audit_head_forward_only", "audit_head_no_delete"}) {
    Exec(database, std::string("DROP TRIGGER ") + trigger);
  }
}

// Rewrites every row's prev_hash and hash, and the head, as a consistent chain: with plain
// SHA-256 when `key` is null (all an attacker without the key can compute), else under `key`.
// The head's key_id becomes `key_id`.
inline void RecomputeChain(Database& database, const AuditKey* key,
                           const std::optional<std::string>& key_id) {
  SessionLease sql(database);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  std::vector<std::int64_t> ids(10000);  // more than any test writes; SOCI shrinks it
  *sql << "SELECT id FROM audit_log ORDER BY id", soci::into(ids);
  std::string prev_hash(kAuditGenesisHash);
  for (std::int64_t id : ids) {
    domain::AuditEvent event;
    long long count = 1;
    *sql << "SELECT at, token, role, action, object, result, client, count FROM audit_log "
            "WHERE id = :id",
        soci::use(id), soci::into(event.at), soci::into(event.token), soci::into(event.role),
        soci::into(event.action), soci::into(event.object), soci::into(event.result),
        soci::into(event.client), soci::into(count);
    event.count = count;
    std::string hash = AuditChainHash(id, event, prev_hash, key);
    *sql << "UPDATE audit_log SET prev_hash = :prev, hash = :hash WHERE id = :id",
        soci::use(prev_hash), soci::use(hash), soci::use(id);
    prev_hash = hash;
  }
  std::string id_text = key_id.value_or("");
  soci::indicator indicator = key_id ? soci::i_ok : soci::i_null;
  std::int64_t last = ids.empty() ? 0 : ids.back();
  *sql << "UPDATE audit_head SET last_id = :last, last_hash = :hash, key_id = :key_id",
      soci::use(last), soci::use(prev_hash), soci::use(id_text, indicator);
  transaction.Commit();
}

}  // namespace casus::persistence::testing
