#include "persistence/soci_idempotency_store.hpp"

#include <soci/soci.h>

#include <string>

#include "persistence/sql_query.hpp"
#include "persistence/statement_cache.hpp"

namespace casus::persistence {

namespace {

constexpr const char* kReplyColumns =
    "SELECT fingerprint, status, content_type, location, etag, body, created_at "
    "FROM idempotency_keys";

// One row of kReplyColumns, fetched into these members.
struct ReplyRow {
  domain::StoredReply reply;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(reply.fingerprint));
    statement.exchange(soci::into(reply.status));
    statement.exchange(soci::into(reply.content_type));
    statement.exchange(soci::into(reply.location));
    statement.exchange(soci::into(reply.etag));
    statement.exchange(soci::into(reply.body));
    statement.exchange(soci::into(reply.created_at));
  }

  domain::StoredReply ToReply() const { return reply; }
};

}  // namespace

std::optional<domain::StoredReply> SociIdempotencyStore::Find(const std::string& scope,
                                                              const std::string& key) {
  SessionLease sql(database_);
  SqlConditions by_key;
  by_key.Where("scope = :scope", "scope", scope);
  by_key.Where("idempotency_key = :key", "key", key);
  return FetchOne<ReplyRow>(*sql, kReplyColumns, by_key, &ReplyRow::ToReply);
}

void SociIdempotencyStore::Save(const std::string& scope, const std::string& key,
                                const domain::StoredReply& reply) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  std::string scope_value = scope;
  std::string key_value = key;
  Execute(*sql, "DELETE FROM idempotency_keys WHERE scope = :scope AND idempotency_key = :key",
          soci::use(scope_value, "scope"), soci::use(key_value, "key"));
  domain::StoredReply row = reply;
  Execute(*sql,
          "INSERT INTO idempotency_keys (scope, idempotency_key, fingerprint, status, "
          "content_type, location, etag, body, created_at) VALUES (:scope, :key, :fingerprint, "
          ":status, :content_type, :location, :etag, :body, :created_at)",
          soci::use(scope_value, "scope"), soci::use(key_value, "key"),
          soci::use(row.fingerprint, "fingerprint"), soci::use(row.status, "status"),
          soci::use(row.content_type, "content_type"), soci::use(row.location, "location"),
          soci::use(row.etag, "etag"), soci::use(row.body, "body"),
          soci::use(row.created_at, "created_at"));
  transaction.Commit();
}

std::size_t SociIdempotencyStore::RemoveOlderThan(const std::string& instant) {
  SessionLease sql(database_);
  std::string before = instant;
  CachedStatement remove(*sql, "DELETE FROM idempotency_keys WHERE created_at < :before");
  remove->exchange(soci::use(before, "before"));
  remove.Execute();
  return static_cast<std::size_t>(remove->get_affected_rows());
}

}  // namespace casus::persistence
