#pragma once

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>

#include "domain/access/audit_trail.hpp"
#include "persistence/audit_key.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// The end of the chain: the newest row's id and hash ("0" and kAuditGenesisHash while the
// chain is empty), and the fingerprint of the key the chain is keyed with (AuditKey::Id;
// none for an unkeyed chain). As "N:HASH" (ToString) it is what an operator records outside
// the system, to check later that the chain still reaches it (SociAuditTrail::VerifyAgainst).
struct AuditHead {
  std::int64_t id = 0;
  std::string hash;
  std::optional<std::string> key_id;

  std::string ToString() const { return std::to_string(id) + ":" + hash; }
};

// The heads before and after SociAuditTrail::Rekey.
struct AuditRekeying {
  AuditHead before;
  AuditHead after;
};

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
// Keyed or not: a chain is unkeyed (audit_head.key_id NULL; every chain before migration 010)
// until Rekey rewrites it under a key, and keyed from then on, every row of it. A trail made
// with a key appends to and verifies only the chain keyed with that key; one made without a
// key only an unkeyed chain. A chain is never half keyed.
//
// What Verify detects: a row changed, removed (a gap in the ids), inserted, reordered, or
// rows removed from the end (the head still names the removed last row) -- by anyone who does
// not also recompute every later hash and the head. On an unkeyed chain whoever can write the
// database and drop the triggers can do exactly that; on a keyed chain only who also holds the
// key can, and a chain made unkeyed or keyed again with another key fails verification under
// the key. What no chain can tell is rows cut off from the end together with the head moved
// back: VerifyAgainst a head recorded outside the system (`casus audit head`) does.
//
// Errors: database failures throw soci::soci_error; Append then stores nothing. Append and
// Rekey throw AuditKeyError, storing nothing, when the key does not fit the chain. Query throws
// std::invalid_argument for a limit below 1.
class SociAuditTrail final : public domain::AuditTrail {
 public:
  // Rows Verify and Rekey hold in memory at a time.
  static constexpr int kVerifyBatch = 1000;

  // `key`: the audit key for a keyed chain; none for an unkeyed one.
  explicit SociAuditTrail(Database& database, std::optional<AuditKey> key = std::nullopt)
      : database_(database), key_(std::move(key)) {}

  // One write transaction (BEGIN IMMEDIATE): reads the head, inserts row head + 1 chained
  // onto it and advances the head. Fails (soci::soci_error) rather than fork the chain when a
  // row with that id exists already, i.e. when rows were inserted past Casus; and
  // (AuditKeyError) when this trail's key is not the chain's (RequireAppendable).
  void Append(const domain::AuditEvent& event) override;
  // Rows appended by this process so far; for metrics.
  std::uint64_t RowsAppended() const { return rows_appended_.load(std::memory_order_relaxed); }
  // Throws AuditKeyError, naming the fix, unless Append can chain onto the chain as it is now:
  // a keyed chain needs its key, an unkeyed one no key. For a process to refuse to start
  // rather than fail at its first append.
  void RequireAppendable();
  // The head as it is now.
  AuditHead Head();
  // Rows matching every set field of `filter`, ascending by id, at most filter.limit. `from`
  // and `to` compare with `at` as text (instants are "YYYY-MM-DDTHH:MM:SSZ"); a bare date as
  // `from` includes its whole day, as does a bare date as `to`.
  domain::AuditPage Query(const domain::AuditFilter& filter) override;
  // Walks every row in id order in one read transaction, kVerifyBatch rows at a time, and
  // stops at the first row that does not verify: first_bad_row and problem name it,
  // rows_checked counts the rows read up to and including it.
  // A keyed chain verifies only with its key: without one, or with another, Verify fails
  // saying so (first_bad_row empty); so does an unkeyed chain when this trail has a key.
  domain::AuditVerification Verify() override { return VerifyAgainst(std::nullopt); }
  // Verify, and then also fails when the chain does not reach `anchor` (a head recorded
  // earlier; its key_id is not compared): row anchor.id is missing (rows were cut off) or has
  // another hash.
  domain::AuditVerification VerifyAgainst(const std::optional<AuditHead>& anchor);

  // Keys the chain with this trail's key, in one write transaction: verifies it as it is
  // (unkeyed, or keyed under `current_key`: moving a chain to a new key when the old one may
  // have leaked), refusing a broken one with std::runtime_error naming the problem; then
  // recomputes every row's prev_hash and hash as HMACs under this trail's key and sets the
  // head's hash and key_id; the append-only triggers are lifted for that transaction only.
  // Rows keep their ids and content. Throws AuditKeyError, changing nothing, without a key,
  // when the chain has this key already, or when `current_key` is not the chain's (none for
  // an unkeyed chain). Returns the heads before and after, for re-recording outside anchors.
  AuditRekeying Rekey(const std::optional<AuditKey>& current_key = std::nullopt);

 private:
  Database& database_;
  const std::optional<AuditKey> key_;
  std::atomic<std::uint64_t> rows_appended_{0};
};

}  // namespace casus::persistence
