#include "persistence/soci_audit_trail.hpp"

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/access/audit_subject.hpp"
#include "domain/date.hpp"
#include "persistence/audit_chain.hpp"
#include "persistence/sql_query.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

namespace {

constexpr const char* kAuditColumns =
    "SELECT id, at, token, role, action, object, result, client, prev_hash, hash, count, "
    "subject FROM audit_log";

AuditHead ReadHead(soci::session& sql) {
  AuditHead head;
  std::string key_id;
  soci::indicator key_indicator = soci::i_null;
  if (!Execute(sql, "SELECT last_id, last_hash, key_id FROM audit_head WHERE id = 1",
               soci::into(head.id), soci::into(head.hash), soci::into(key_id, key_indicator)))
    throw std::runtime_error("audit_head has no row: the schema is damaged");
  if (key_indicator == soci::i_ok) head.key_id = key_id;
  return head;
}

// Why `key` cannot append to or verify the chain whose head is `head`, with the fix; none
// when it can.
std::optional<std::string> KeyProblem(const AuditHead& head, const std::optional<AuditKey>& key) {
  if (head.key_id && !key) {
    return "the audit chain is keyed (key id " + *head.key_id +
           ") and no audit key was given: without the key file it was keyed with it can be "
           "neither verified nor appended to";
  }
  if (!head.key_id && key) {
    return "the audit chain is not keyed, but an audit key was given: key it once with "
           "`casus audit rekey --db ... --key-file ...` (or give no key)";
  }
  if (head.key_id && *head.key_id != key->Id()) {
    return "the audit chain is keyed with another key (key id " + *head.key_id +
           ", this key's id " + key->Id() + "): give the key file it was keyed with";
  }
  return std::nullopt;
}

// One row of kAuditColumns, fetched into these members.
struct AuditRow {
  std::int64_t id = 0;
  domain::AuditEvent event;
  std::string prev_hash;
  std::string hash;
  std::string subject;

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
    statement.exchange(soci::into(subject));
  }

  domain::AuditRecord ToRecord() const { return {id, event, hash}; }
};

// Up to kVerifyBatch rows of kAuditColumns, column by column (SOCI's bulk fetch).
struct AuditBatch {
  std::vector<std::int64_t> ids;
  std::vector<std::string> at, token, role, action, object, result, client, prev_hash, hash;
  std::vector<std::int64_t> counts;
  std::vector<std::string> subject;

  void Resize(std::size_t size) {
    ids.resize(size);
    for (auto* column : Texts()) column->resize(size);
    counts.resize(size);
    subject.resize(size);
  }
  void Into(soci::statement& statement) {
    statement.exchange(soci::into(ids));
    for (auto* column : Texts()) statement.exchange(soci::into(*column));
    statement.exchange(soci::into(counts));
    statement.exchange(soci::into(subject));
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
  if (!filter.objects.empty()) {
    // A subject by its column (and index), a deeper object by itself: domain::Matches.
    std::string any;
    std::vector<std::pair<std::string, std::string>> values;
    for (const std::string& object : filter.objects) {
      const std::string name = "object_" + std::to_string(values.size());
      any += any.empty() ? "(" : " OR ";
      any += (domain::IsAuditSubject(object) ? "subject = :" : "object = :") + name;
      values.emplace_back(name, object);
    }
    conditions.Where(any + ")", std::move(values));
  }
  conditions.WhereIf(filter.token, "token = :token", "token")
      .WhereIf(filter.action, "action = :action", "action")
      .WhereIf(filter.result, "result = :result", "result")
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

// Walks every row of the chain in id order on `sql`, kVerifyBatch rows at a time, hashing
// with `key` (null: an unkeyed chain), and stops at the first row that does not verify.
domain::AuditVerification WalkChain(soci::session& sql, const AuditHead& head, const AuditKey* key,
                                    const std::optional<AuditHead>& anchor) {
  domain::AuditVerification verification;
  const auto fail = [&verification](std::int64_t id, std::string problem) {
    verification.intact = false;
    verification.first_bad_row = id;
    verification.problem = std::move(problem);
    return verification;
  };
  if (anchor && anchor->id == 0 && anchor->hash != kAuditGenesisHash) {
    return fail(0, "the anchored head 0:" + anchor->hash + " is not the start of any chain");
  }

  std::int64_t expected = 1;
  std::string previous_hash(kAuditGenesisHash);
  AuditBatch batch;
  batch.Resize(SociAuditTrail::kVerifyBatch);
  soci::statement statement(sql);
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
      if (id > head.id) {
        return fail(id, Row(id) + ": added outside Casus (the chain ends at " + Row(head.id) + ")");
      }
      if (batch.prev_hash[i] != previous_hash) {
        return fail(id, Row(id) + ": previous row changed, missing or reordered");
      }
      if (AuditChainHash(id, batch.EventAt(i), batch.prev_hash[i], key) != batch.hash[i]) {
        return fail(id, Row(id) + ": content changed");
      }
      // Not hashed, as it follows from the object; changed, it would hide the row from the
      // audit query "everything that touched X".
      if (batch.subject[i] != domain::AuditSubjectOf(batch.object[i])) {
        return fail(id, Row(id) + ": its subject was changed (it no longer follows its object)");
      }
      if (anchor && anchor->id == id && anchor->hash != batch.hash[i]) {
        return fail(id, Row(id) + ": not the row of the anchored head " + anchor->ToString());
      }
      previous_hash = batch.hash[i];
    }
    batch.Resize(SociAuditTrail::kVerifyBatch);
  }

  const std::int64_t last = expected - 1;
  if (last < head.id) {
    return fail(last + 1, last + 1 == head.id
                              ? Row(last + 1) + ": missing (the chain ends at it)"
                              : "rows " + std::to_string(last + 1) + " to " +
                                    std::to_string(head.id) + ": missing (the chain ends at " +
                                    Row(head.id) + ")");
  }
  if (previous_hash != head.hash) {
    return fail(last, Row(last) + ": does not match the recorded end of the chain");
  }
  if (anchor && anchor->id > last) {
    return fail(anchor->id, Row(anchor->id) +
                                " of the anchored head is missing: the chain ends at " + Row(last) +
                                " (rows were cut off)");
  }
  return verification;
}

// Lifts the append-only triggers of audit_log and audit_head for the transaction open on
// `sql` (Rekey rewrites every row's hashes): SQLite drops them and Restore recreates them
// from the definitions it read, PostgreSQL disables and re-enables them. Both are part of the
// transaction, so a rollback brings the triggers back as well. The definitions are read from
// the database rather than repeated here, so they stay exactly those of the migrations.
class LiftedTriggers {
 public:
  explicit LiftedTriggers(soci::session& sql) : sql_(sql) {
    if (DialectOf(sql_) == Dialect::kPostgresql) {
      ExecuteScript(sql_,
                    "ALTER TABLE audit_log DISABLE TRIGGER USER; "
                    "ALTER TABLE audit_head DISABLE TRIGGER USER;");
      return;
    }
    soci::rowset<soci::row> triggers =
        sql_.prepare << "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                        "tbl_name IN ('audit_log', 'audit_head') ORDER BY name";
    for (const soci::row& trigger : triggers) {
      names_.push_back(trigger.get<std::string>(0));
      definitions_.push_back(trigger.get<std::string>(1));
    }
    for (const std::string& name : names_) ExecuteScript(sql_, "DROP TRIGGER \"" + name + "\"");
  }

  void Restore() const {
    if (DialectOf(sql_) == Dialect::kPostgresql) {
      ExecuteScript(sql_,
                    "ALTER TABLE audit_log ENABLE TRIGGER USER; "
                    "ALTER TABLE audit_head ENABLE TRIGGER USER;");
      return;
    }
    for (const std::string& definition : definitions_) ExecuteScript(sql_, definition);
  }

 private:
  soci::session& sql_;
  std::vector<std::string> names_;
  std::vector<std::string> definitions_;
};

}  // namespace

void SociAuditTrail::Append(const domain::AuditEvent& event) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  const AuditHead head = ReadHead(*sql);
  if (const auto problem = KeyProblem(head, key_)) throw AuditKeyError(*problem);

  std::int64_t id = head.id + 1;
  std::string prev_hash = head.hash;
  std::string hash = AuditChainHash(id, event, prev_hash, key_ ? &*key_ : nullptr);
  domain::AuditEvent row = event;
  std::string subject = domain::AuditSubjectOf(row.object);
  Execute(*sql,
          "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
          "prev_hash, hash, count, subject) VALUES (:id, :at, :token, :role, :action, :object, "
          ":result, :client, :prev_hash, :hash, :count, :subject)",
          soci::use(id, "id"), soci::use(row.at, "at"), soci::use(row.token, "token"),
          soci::use(row.role, "role"), soci::use(row.action, "action"),
          soci::use(row.object, "object"), soci::use(row.result, "result"),
          soci::use(row.client, "client"), soci::use(prev_hash, "prev_hash"),
          soci::use(hash, "hash"), soci::use(row.count, "count"), soci::use(subject, "subject"));
  Execute(*sql, "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1",
          soci::use(id, "id"), soci::use(hash, "hash"));
  transaction.Commit();
  // Inside a unit of work (the usual case) this counts the row when its batch is still to
  // commit: a metric, not the record, which the chain is.
  rows_appended_.fetch_add(1, std::memory_order_relaxed);
}

domain::AuditPage SociAuditTrail::Query(const domain::AuditFilter& filter) {
  SessionLease sql(database_);
  KeysetPage query(AuditConditions(filter), "id", filter.after, filter.limit);
  return query.FetchPage<domain::AuditPage, AuditRow>(*sql, kAuditColumns, &AuditRow::ToRecord,
                                                      [](auto&) {});
}

void SociAuditTrail::RequireAppendable() {
  SessionLease sql(database_);
  if (const auto problem = KeyProblem(ReadHead(*sql), key_)) throw AuditKeyError(*problem);
}

AuditHead SociAuditTrail::Head() {
  SessionLease sql(database_);
  return ReadHead(*sql);
}

domain::AuditVerification SociAuditTrail::VerifyAgainst(const std::optional<AuditHead>& anchor) {
  SessionLease sql(database_);
  Transaction transaction(*sql, Transaction::Mode::kRead);
  const AuditHead head = ReadHead(*sql);
  if (const auto problem = KeyProblem(head, key_)) {
    domain::AuditVerification verification;
    verification.intact = false;
    verification.problem = *problem;
    return verification;
  }
  auto verification = WalkChain(*sql, head, key_ ? &*key_ : nullptr, anchor);
  transaction.Commit();
  return verification;
}

AuditRekeying SociAuditTrail::Rekey(const std::optional<AuditKey>& current_key) {
  if (!key_) throw AuditKeyError("keying the audit chain needs a key");
  SessionLease sql(database_);
  // The write lock first (on PostgreSQL the advisory lock every writer takes), so that no
  // append comes between the check and the rewrite.
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  AuditRekeying result;
  result.before = ReadHead(*sql);
  if (result.before.key_id && *result.before.key_id == key_->Id()) {
    throw AuditKeyError("the audit chain is keyed with this key already");
  }
  if (result.before.key_id && !current_key) {
    throw AuditKeyError("the audit chain is keyed already (key id " + *result.before.key_id +
                        "); to move it to a new key, give its current key as well "
                        "(--old-key-file); it is left as it is");
  }
  // The chain is verified under the key it has now; KeyProblem refuses a current key that is
  // not that one, or one given for an unkeyed chain.
  if (const auto problem = KeyProblem(result.before, current_key)) {
    throw AuditKeyError(*problem + "; it is left as it is");
  }
  const auto verification =
      WalkChain(*sql, result.before, current_key ? &*current_key : nullptr, std::nullopt);
  if (!verification.intact) {
    throw std::runtime_error("the audit chain does not verify (" + verification.problem +
                             "); it is left as it is");
  }

  const LiftedTriggers lifted(*sql);
  std::string prev_hash(kAuditGenesisHash);
  std::int64_t after = 0;
  AuditBatch batch;
  for (bool more = true; more;) {
    // One batch read completely before its rows are updated: no cursor stays open on the
    // table being changed.
    batch.Resize(kVerifyBatch);
    soci::statement select(*sql);
    batch.Into(select);
    select.exchange(soci::use(after, "after"));
    Prepare(select, std::string(kAuditColumns) + " WHERE id > :after ORDER BY id LIMIT " +
                        std::to_string(kVerifyBatch));
    select.execute(true);
    more = batch.ids.size() == static_cast<std::size_t>(kVerifyBatch);
    for (std::size_t i = 0; i < batch.ids.size(); ++i) {
      std::int64_t id = batch.ids[i];
      std::string hash = AuditChainHash(id, batch.EventAt(i), prev_hash, &*key_);
      Execute(*sql, "UPDATE audit_log SET prev_hash = :prev_hash, hash = :hash WHERE id = :id",
              soci::use(prev_hash, "prev_hash"), soci::use(hash, "hash"), soci::use(id, "id"));
      prev_hash = std::move(hash);
      after = id;
    }
  }
  result.after = {result.before.id, prev_hash, key_->Id()};
  std::string key_id = *result.after.key_id;
  Execute(*sql, "UPDATE audit_head SET last_hash = :hash, key_id = :key_id WHERE id = 1",
          soci::use(prev_hash, "hash"), soci::use(key_id, "key_id"));
  lifted.Restore();
  transaction.Commit();
  return result;
}

}  // namespace casus::persistence
