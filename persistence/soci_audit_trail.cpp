#include "persistence/soci_audit_trail.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "persistence/audit_chain.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

constexpr const char* kAuditColumns =
    "SELECT id, at, token, role, action, object, result, client, prev_hash, hash FROM audit_log";

struct Head {
  std::int64_t last_id = 0;
  std::string last_hash;
};

Head ReadHead(soci::session& sql) {
  Head head;
  sql << "SELECT last_id, last_hash FROM audit_head WHERE id = 1", soci::into(head.last_id),
      soci::into(head.last_hash);
  if (!sql.got_data()) throw std::runtime_error("audit_head has no row: the schema is damaged");
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
  }
};

// Up to kVerifyBatch rows of kAuditColumns, column by column (SOCI's bulk fetch).
struct AuditBatch {
  std::vector<std::int64_t> ids;
  std::vector<std::string> at, token, role, action, object, result, client, prev_hash, hash;

  void Resize(std::size_t size) {
    ids.resize(size);
    for (auto* column : Texts()) column->resize(size);
  }
  void Into(soci::statement& statement) {
    statement.exchange(soci::into(ids));
    for (auto* column : Texts()) statement.exchange(soci::into(*column));
  }
  domain::AuditEvent EventAt(std::size_t i) const {
    return {at[i], token[i], role[i], action[i], object[i], result[i], client[i]};
  }

 private:
  std::vector<std::vector<std::string>*> Texts() {
    return {&at, &token, &role, &action, &object, &result, &client, &prev_hash, &hash};
  }
};

std::string Row(std::int64_t id) { return "row " + std::to_string(id); }

// The WHERE clause of an audit query, built from fixed fragments; the values stay bound.
class AuditConditions {
 public:
  explicit AuditConditions(const domain::AuditFilter& filter)
      : after_(filter.after.value_or(0)),
        object_(filter.object.value_or("")),
        from_(filter.from.value_or("")),
        to_(filter.to.value_or("")),
        has_object_(filter.object.has_value()),
        has_from_(filter.from.has_value()),
        has_to_(filter.to.has_value()) {
    // A bare date sorts before every instant of its day, so as `from` it works as it is; as
    // `to` it becomes "before the next day".
    if (has_to_) {
      if (const auto day = domain::Date::Parse(to_)) {
        to_ = day->AddDays(1).ToString();
        to_exclusive_ = true;
      }
    }
  }

  std::string Sql() const {
    std::string sql = " WHERE id > :after";
    if (has_object_) sql += " AND object = :object";
    if (has_from_) sql += " AND at >= :from_at";
    if (has_to_) sql += to_exclusive_ ? " AND at < :to_at" : " AND at <= :to_at";
    return sql;
  }

  void Use(soci::statement& statement) {
    statement.exchange(soci::use(after_, "after"));
    if (has_object_) statement.exchange(soci::use(object_, "object"));
    if (has_from_) statement.exchange(soci::use(from_, "from_at"));
    if (has_to_) statement.exchange(soci::use(to_, "to_at"));
  }

 private:
  std::int64_t after_;
  std::string object_;
  std::string from_;
  std::string to_;
  bool has_object_;
  bool has_from_;
  bool has_to_;
  bool to_exclusive_ = false;
};

}  // namespace

void SociAuditTrail::Append(const domain::AuditEvent& event) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  const Head head = ReadHead(*sql);

  std::int64_t id = head.last_id + 1;
  std::string prev_hash = head.last_hash;
  std::string hash = AuditChainHash(id, event, prev_hash);
  domain::AuditEvent row = event;
  *sql << "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
          "prev_hash, hash) VALUES (:id, :at, :token, :role, :action, :object, :result, "
          ":client, :prev_hash, :hash)",
      soci::use(id, "id"), soci::use(row.at, "at"), soci::use(row.token, "token"),
      soci::use(row.role, "role"), soci::use(row.action, "action"), soci::use(row.object, "object"),
      soci::use(row.result, "result"), soci::use(row.client, "client"),
      soci::use(prev_hash, "prev_hash"), soci::use(hash, "hash");
  *sql << "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
      soci::use(id, "id"), soci::use(hash, "hash");
  transaction.Commit();
}

domain::AuditPage SociAuditTrail::Query(const domain::AuditFilter& filter) {
  if (filter.limit < 1) throw std::invalid_argument("AuditFilter.limit must be at least 1");
  SessionLease sql(database_);
  AuditConditions conditions(filter);
  // One row more than asked tells whether another page follows.
  int fetch = filter.limit + 1;

  domain::AuditPage page;
  AuditRow row;
  soci::statement statement(*sql);
  row.Into(statement);
  conditions.Use(statement);
  statement.exchange(soci::use(fetch, "fetch"));
  Prepare(statement, std::string(kAuditColumns) + conditions.Sql() + " ORDER BY id LIMIT :fetch");
  statement.execute();
  while (statement.fetch()) page.items.push_back({row.id, row.event, row.hash});
  if (static_cast<int>(page.items.size()) > filter.limit) {
    page.items.pop_back();
    page.next = page.items.back().id;
  }
  return page;
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
