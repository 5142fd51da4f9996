#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "domain/cases/casus.hpp"
#include "domain/date.hpp"

namespace casus::domain {

// How long personal data is kept after a casus closes (or a signal is assessed), per kind.
struct RetentionPolicy {
  static constexpr int kDefaultYears = 5;
  int woonoverlast_years = kDefaultYears;
  int ondermijning_years = kDefaultYears;  // ondermijning casussen and signals
};

// `day` moved back by `years` calendar years; 29 February becomes 28 February.
Date YearsBefore(Date day, int years);

// A casus or signal whose personal data is due, and the day its retention period began: the
// casus's closing transition, the signal's assessment.
struct DueRecord {
  std::int64_t id = 0;
  Date since;
  friend bool operator==(const DueRecord&, const DueRecord&) = default;
};

struct PurgedIds {
  std::vector<CaseId> cases;
  std::vector<SignalId> signals;
};

// Port: the personal data of closed casussen and assessed signals, for the retention purge.
// Thread-safety and durability: as CaseRepository.
class PersonalDataStore {
 public:
  virtual ~PersonalDataStore() = default;

  virtual RetentionPolicy LoadPolicy() = 0;
  virtual void SavePolicy(const RetentionPolicy& policy) = 0;

  // Casussen of `kind` that are closed now, closed before `cutoff` (the date of their latest
  // transition) and still hold personal data; ascending.
  virtual std::vector<DueRecord> CasesClosedBefore(CaseKind kind, Date cutoff) = 0;
  // Signals assessed before `cutoff` that still hold personal data; ascending.
  virtual std::vector<DueRecord> SignalsAssessedBefore(Date cutoff) = 0;

  // In one transaction: removes the personal fields (address, summary, reasons, notes,
  // reporter and other free text) of these casussen and signals, keeping ids, kinds, wijken,
  // woningtypes, categories, themes, dates and state histories, so that every year report stays the
  // same. `purged_on` is recorded with them. A casus re-opened (or a signal still open) by then is
  // skipped; returns the ids actually purged.
  virtual PurgedIds Purge(const std::vector<CaseId>& cases, const std::vector<SignalId>& signals,
                          const std::string& purged_on) = 0;
};

}  // namespace casus::domain
