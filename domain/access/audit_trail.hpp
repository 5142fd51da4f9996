#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace casus::domain {

// One row of the audit trail (BIO: who, what, when, from where, with what result).
struct AuditEvent {
  std::string at;      // UTC instant
  std::string token;   // token name; "-" when the caller was not authenticated
  std::string role;    // role name; "-" when not authenticated
  std::string action;  // e.g. read_case, write_case, run_retention
  std::string object;  // e.g. cases/17, signals/3, reports/woonoverlast/2024, tokens/alice
  std::string result;  // ok, denied, not_found, invalid, conflict, ...
  std::string client;  // IP address, or "cli"
  // Requests this row stands for: 1, except for refusals without a valid token, which are
  // written once per client and minute (RefusalTally) with the count of that minute.
  std::int64_t count = 1;
};

struct AuditRecord {
  std::int64_t id = 0;  // position in the chain, ascending
  AuditEvent event;
  std::string hash;  // over the event and the previous row's hash
};

// Which rows an audit query answers: those matching every set field. Filters on the event's
// columns compare exactly.
struct AuditFilter {
  // Rows about any of these objects; empty: every object. An object that is its own subject
  // (IsAuditSubject: "cases/2", "signals/5", "cases") stands for itself and everything under
  // it ("cases/2/history", "cases/2/notes", ...); a deeper one ("cases/2/history") for
  // itself alone.
  std::vector<std::string> objects;
  std::optional<std::string> token;
  std::optional<std::string> action;  // an Action's name
  std::optional<std::string> result;  // ok, denied, not_found, ...
  std::optional<std::string> from;    // instants, inclusive; "YYYY-MM-DD" compares as its day
  std::optional<std::string> to;
  std::optional<std::int64_t> after;  // keyset cursor
  int limit = 50;
};

// Whether `event` is one of the rows `filter` asks for (its keyset cursor and limit aside):
// the definition the storage's queries implement, and the tests' oracle.
bool Matches(const AuditFilter& filter, const AuditEvent& event);

struct AuditPage {
  std::vector<AuditRecord> items;
  std::optional<std::int64_t> next;
};

struct AuditVerification {
  bool intact = true;
  std::int64_t rows_checked = 0;
  std::optional<std::int64_t> first_bad_row;  // id of the first row that does not verify
  std::string problem;                        // what is wrong with it
};

// Port: the append-only, hash-chained audit trail. Each appended row carries a hash over its
// content and the previous row's hash, so that changing, removing or reordering rows is
// detected by Verify. Thread-safety: Append may be called concurrently; rows are chained in
// the order they are committed. Durability: as CaseRepository.
class AuditTrail {
 public:
  virtual ~AuditTrail() = default;
  virtual void Append(const AuditEvent& event) = 0;
  virtual AuditPage Query(const AuditFilter& filter) = 0;
  virtual AuditVerification Verify() = 0;
};

}  // namespace casus::domain
