#pragma once

#include "domain/access/audit_trail.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// AuditTrail on the audit_log and audit_head tables of schema/004_access.sql, through a
// Database's session pool. Needs a migrated database and does not own it: `database` must
// outlive this.
//
// Chain: row N (N = 1, 2, ...) carries prev_hash = hash of row N - 1 (kAuditGenesisHash for
// row 1) and hash = AuditChainHash(N, event, prev_hash) (persistence/audit_chain.hpp).
// audit_head holds the id and hash of the newest row and moves with every append.
//
// Thread-safety: every method may be called from any number of threads, and any number of
// processes may append to one file: appends are serialised by SQLite's write lock, so rows
// are chained in commit order. Verify and Query read one snapshot each.
//
// What Verify detects: a row changed, removed (a gap in the ids), inserted, reordered, or
// rows removed from the end (the head still names the removed last row) -- by anyone who does
// not also recompute every later hash and the head. The hash is not keyed: someone who can
// write the file and drop the triggers can rewrite the chain consistently. Guarding against
// that needs a copy of the head kept outside the database (or a keyed hash with the key kept
// outside it).
//
// Errors: database failures throw soci::soci_error; Append then stores nothing. Query throws
// std::invalid_argument for a limit below 1.
class SociAuditTrail final : public domain::AuditTrail {
 public:
  // Rows Verify holds in memory at a time.
  static constexpr int kVerifyBatch = 1000;

  explicit SociAuditTrail(Database& database) : database_(database) {}

  // One write transaction (BEGIN IMMEDIATE): reads the head, inserts row head + 1 chained
  // onto it and advances the head. Fails (soci::soci_error) rather than fork the chain when a
  // row with that id exists already, i.e. when rows were inserted past Casus.
  void Append(const domain::AuditEvent& event) override;
  // Rows matching every set field of `filter`, ascending by id, at most filter.limit. `from`
  // and `to` compare with `at` as text (instants are "YYYY-MM-DDTHH:MM:SSZ"); a bare date as
  // `from` includes its whole day, as does a bare date as `to`.
  domain::AuditPage Query(const domain::AuditFilter& filter) override;
  // Walks every row in id order in one read transaction, kVerifyBatch rows at a time, and
  // stops at the first row that does not verify: first_bad_row and problem name it,
  // rows_checked counts the rows read up to and including it.
  domain::AuditVerification Verify() override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
