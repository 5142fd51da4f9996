#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/clock.hpp"
#include "domain/retention/retention.hpp"

namespace casus::domain {

// What a purge is asked to do. A purge as of a day after today removes personal data before
// its retention period has ended, which the AVG does not ask for and nobody can undo: it needs
// a reason (`force_reason`), which is audited. A dry run may look ahead without one.
struct PurgeRequest {
  Date as_of;
  bool dry_run = false;
  std::optional<std::string> force_reason;
};

// How many records of one kind ("woonoverlast", "ondermijning" casussen, or "signal") whose
// retention period began in `year` a purge removed, or would remove.
struct PurgeTally {
  std::string kind;
  int year = 0;
  int count = 0;
  friend bool operator==(const PurgeTally&, const PurgeTally&) = default;
};

struct PurgeReport {
  Date as_of;
  RetentionPolicy policy;
  std::vector<CaseId> cases;      // purged, or that would be on a dry run
  std::vector<SignalId> signals;  // likewise
  std::vector<PurgeTally> tally;  // the same, per kind and year, in that order
  bool dry_run = false;
  bool forced = false;  // as of a day after today, with a reason
};

// Retention of personal data: the policy per kind and the purge that applies it. Every purge
// (dry runs too) and every policy change is audited; a real purge adds one audit row per
// purged casus and signal. Errors: DomainError. Thread-safety: as the ports. Owns nothing.
class RetentionService {
 public:
  RetentionService(PersonalDataStore& store, AccessGate& gate, const Clock& clock)
      : store_(store), gate_(gate), clock_(clock) {}

  RetentionPolicy Policy() { return store_.LoadPolicy(); }

  // kInvalid for years outside 1..100.
  RetentionPolicy SetYears(const Actor& actor, CaseKind kind, int years);

  // Removes the personal data of casussen closed, and signals assessed, longer ago than their
  // kind's retention period before `request.as_of` (on a dry run only lists them). kInvalid,
  // audited, when as_of lies after today without a force_reason, or the reason is blank.
  PurgeReport Purge(const Actor& actor, const PurgeRequest& request);

 private:
  PersonalDataStore& store_;
  AccessGate& gate_;
  const Clock& clock_;
};

}  // namespace casus::domain
