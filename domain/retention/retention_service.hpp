#pragma once

#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/retention/retention.hpp"

namespace casus::domain {

struct PurgeReport {
  Date as_of;
  RetentionPolicy policy;
  std::vector<CaseId> cases;      // purged, or that would be on a dry run
  std::vector<SignalId> signals;  // likewise
  bool dry_run = false;
};

// Retention of personal data: the policy per kind and the purge that applies it. Every purge
// (dry runs too) and every policy change is audited; a real purge adds one audit row per
// purged casus and signal. Errors: DomainError. Thread-safety: as the ports. Owns nothing.
class RetentionService {
 public:
  RetentionService(PersonalDataStore& store, AccessGate& gate) : store_(store), gate_(gate) {}

  RetentionPolicy Policy() { return store_.LoadPolicy(); }

  // kInvalid for years outside 1..100.
  RetentionPolicy SetYears(const Actor& actor, CaseKind kind, int years);

  // Removes the personal data of casussen closed, and signals assessed, longer ago than their
  // kind's retention period before `as_of` (on a dry run only lists them).
  PurgeReport Purge(const Actor& actor, Date as_of, bool dry_run);

 private:
  PersonalDataStore& store_;
  AccessGate& gate_;
};

}  // namespace casus::domain
