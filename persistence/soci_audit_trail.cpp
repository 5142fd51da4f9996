#include "persistence/soci_audit_trail.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "persistence/audit_chain.hpp"
#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

constexpr const char* kAuditColumns =
    "SELECT id, at, token, role, action, object, result, client, prev_hash, hash, count "
    "FROM audit_log";

struct Head {
  std::int64_t last_id = 0;
  std::string last_hash;
};

Head ReadHead(soci::session& sql) {
  Head head;
  if (!Execute(sql, "SELECT last_id, last_hash FROM audit_head WHERE id = 1",
               soci::into(head.last_id), soci::into(head.last_hash)))
    throw std::runtime_error("audit_head has no row: the schema is damaged");
  return head;
}

// One row of kAuditColumns, fetched into these members.
struct AuditRow {
  std::int64_t id = 0;
  domain::AuditEvent event;
  std::string prev_hash;
  std::string hash;

  void Into(soci::statement& statement) {
    statement.exchange(soci::into(id));
    statement.exchange(soci::into(event.at));
    statement.exchange(soci::into(event.token));
    statement.exchange(soci::into(event.role));
    statement.exchange(soci::into(event.action));
    statement.exchange(soci::into(event.object));
    statement.exchange(soci::into(event.result));
    statement.exchange(soci::into(event.client));
    statement.exchange(soci::into(prev_hash));
    statement.exchange(soci::into(hash));
    statement.exchange(soci::into(event.count));
  }

  domain::AuditRecord ToRecord() const { return {id, event, hash}; }
};

// Up to kVerifyBatch rows of kAuditColumns, column by column (SOCI's bulk fetch).
struct AuditBatch {
  std::vector<std::int64_t> ids;
  std::vector<std::string> at, token, role, action, object, result, client, prev_hash, hash;
  std::vector<std::int64_t> counts;

  void Resize(std::size_t size) {
    ids.resize(size);
    for (auto* column : Texts()) column->resize(size);
    counts.resize(size);
  }
  void Into(soci::statement& statement) {
    statement.exchange(soci::into(ids));
    for (auto* column : Texts()) statement.exchange(soci::into(*column));
    statement.exchange(soci::into(counts));
  }
  domain::AuditEvent EventAt(std::size_t i) const {
    return {at[i], token[i], role[i], action[i], object[i], result[i], client[i], counts[i]};
  }

 private:
  std::vector<std::vector<std::string>*> Texts() {
    return {&at, &token, &role, &action, &object, &result, &client, &prev_hash, &hash};
  }
};

std::string Row(std::int64_t id) { return "row " + std::to_string(id); }

// The conditions of an audit query; the values stay bound.
SqlConditions AuditConditions(const domain::AuditFilter& filter) {
  SqlConditions conditions;
  conditions.WhereIf(filter.object, "object = :object", "object")
      .WhereIf(filter.from, "at >= :from_at", "from_at");
  if (filter.to) {
    // A bare date sorts before every instant of its day, so as `from` it works as it is; as
    // `to` it becomes "before the next day".
    if (const auto day = domain::Date::Parse(*filter.to)) {
      conditions.Where("at < :to_at", "to_at", day->AddDays(1).ToString());
    } else {
      conditions.Where("at <= :to_at", "to_at", *filter.to);
    }
  }
  return conditions;
}

}  // namespace

void SociAuditTrail::Append(const domain::AuditEvent& event) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  const Head head = ReadHead(*sql);

  std::int64_t id = head.last_id + 1;
  std::string prev_hash = head.last_hash;
  std::string hash = AuditChainHash(id, event, prev_hash);
  domain::AuditEvent row = event;
  Execute(*sql,
          "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
          "prev_hash, hash, count) VALUES (:id, :at, :token, :role, :action, :object, :result, "
          ":client, :prev_hash, :hash, :count)",
          soci::use(id, "id"), soci::use(row.at, "at"), soci::use(row.token, "token"),
          soci::use(row.role, "role"), soci::use(row.action, "action"),
          soci::use(row.object, "object"), soci::use(row.result, "result"),
          soci::use(row.client, "client"), soci::use(prev_hash, "prev_hash"),
          soci::use(hash, "hash"), soci::use(row.count, "count"));
  Execute(*sql, "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
          soci::use(id, "id"), soci::use(hash, "hash"));
  transaction.Commit();
}

domain::AuditPage SociAuditTrail::Query(const domain::AuditFilter& filter) {
  SessionLease sql(database_);
  KeysetPage query(AuditConditions(filter), "id", filter.after, filter.limit);
  return query.FetchPage<domain::AuditPage, AuditRow>(*sql, kAuditColumns, &AuditRow::ToRecord,
                                                      [](auto&) {});
}

domain::AuditVerification SociAuditTrail::Verify() {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  const Head head = ReadHead(*sql);

  domain::AuditVerification verification;
  const auto fail = [&verification](std::int64_t id, std::string problem) {
    verification.intact = false;
    verification.first_bad_row = id;
    verification.problem = std::move(problem);
    return verification;
  };

  std::int64_t expected = 1;
  std::string previous_hash(kAuditGenesisHash);
  AuditBatch batch;
  batch.Resize(kVerifyBatch);
  soci::statement statement(*sql);
  batch.Into(statement);
  Prepare(statement, std::string(kAuditColumns) + " ORDER BY id");
  statement.execute();
  while (statement.fetch()) {
    for (std::size_t i = 0; i < batch.ids.size(); ++i, ++expected) {
      const std::int64_t id = batch.ids[i];
      ++verification.rows_checked;
      if (id != expected) {
        return fail(id, Row(id) + ": " +
                            (id == expected + 1 ? Row(expected) + " is missing"
                                                : "rows " + std::to_string(expected) + " to " +
                                                      std::to_string(id - 1) + " are missing"));
      }
      if (id > head.last_id) {
        return fail(
            id, Row(id) + ": added outside Casus (the chain ends at " + Row(head.last_id) + ")");
      }
      if (batch.prev_hash[i] != previous_hash) {
        return fail(id, Row(id) + ": previous row changed, missing or reordered");
      }
      if (AuditChainHash(id, batch.EventAt(i), batch.prev_hash[i]) != batch.hash[i]) {
        return fail(id, Row(id) + ": content changed");
      }
      previous_hash = batch.hash[i];
    }
    batch.Resize(kVerifyBatch);
  }

  const std::int64_t last = expected - 1;
  if (last < head.last_id) {
    return fail(last + 1, last + 1 == head.last_id
                              ? Row(last + 1) + ": missing (the chain ends at it)"
                              : "rows " + std::to_string(last + 1) + " to " +
                                    std::to_string(head.last_id) + ": missing (the chain ends at " +
                                    Row(head.last_id) + ")");
  }
  if (previous_hash != head.last_hash) {
    return fail(last, Row(last) + ": does not match the recorded end of the chain");
  }
  transaction.Commit();
  return verification;
}

}  // namespace casus::persistence
