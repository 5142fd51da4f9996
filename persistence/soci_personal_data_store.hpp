#pragma once

#include <string>
#include <vector>

#include "domain/retention/retention.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// PersonalDataStore on the retention_policies table and the purged_on columns of
// schema/004_access.sql, through a Database's session pool. Needs a migrated database and
// does not own it: `database` must outlive this.
//
// What a purge removes, and keeps:
//   cases            summary becomes '', address_* NULL; kind, state, wijk, woningtype,
//                    reported_on, version, categories, themes and signal links stay.
//   case_transitions reason becomes NULL; states, dates, result, partner (an organisation),
//                    measure, legal basis and until stay.
//   case_notes       deleted, every note of the casus (schema/*/012): a note is free text.
//   case_search      follows by its triggers: the casus's words are no longer found.
//   signals          summary becomes '', address_* and reporter_* NULL, assessment_reason
//                    NULL ('' for a dismissed signal, where the schema requires a reason);
//                    source, wijk, themes, status, decision, dates and case link stay.
// So every year report computes the same before and after. Activities are not touched.
//
// Every call is one transaction with bound values only. Thread-safety: safe to call from any
// number of threads. Errors: database failures throw soci::soci_error, changing nothing;
// LoadPolicy throws std::runtime_error for a policy row outside 1..100 years.
class SociPersonalDataStore final : public domain::PersonalDataStore {
 public:
  explicit SociPersonalDataStore(Database& database) : database_(database) {}

  // A kind without a row (a hand-edited file) gets RetentionPolicy::kDefaultYears.
  domain::RetentionPolicy LoadPolicy() override;
  // Writes both kinds' rows; the schema refuses years outside 1..100 (soci::soci_error).
  void SavePolicy(const domain::RetentionPolicy& policy) override;

  // State afgerond or ontkracht, the effective_on of the highest-sequence transition before
  // `cutoff`, and purged_on NULL -- or purged, re-opened and closed again since, which wrote a
  // new transition reason or a note (the only personal data a purged casus can gain).
  std::vector<domain::DueRecord> CasesClosedBefore(domain::CaseKind kind,
                                                   domain::Date cutoff) override;
  // Status linked or dismissed, assessed_on before `cutoff`, purged_on NULL. A linked signal
  // qualifies whatever the state of its casus.
  std::vector<domain::DueRecord> SignalsAssessedBefore(domain::Date cutoff) override;

  // One write transaction. Purges only what is still closed (casussen) or assessed (signals)
  // when it runs, so a casus re-opened since CasesClosedBefore keeps its data; unknown ids are
  // ignored. Purging a row again is harmless; purged_on keeps the day of its first purge.
  domain::PurgedIds Purge(const std::vector<domain::CaseId>& cases,
                          const std::vector<domain::SignalId>& signals,
                          const std::string& purged_on) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
