#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/ondermijning/signal_repository.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// SignalRepository on the signals and signal_themes tables of schema/003_ondermijning.sql,
// through a Database's session pool; casussen it creates land in the tables SociCaseRepository
// reads. Needs a migrated database and does not own it: `database` must outlive this.
//
// Transactions, bound values and thread-safety: as SociCaseRepository. Concurrent assessments
// of one signal are decided by the database: exactly one of them finds it open.
//
// Errors: Create throws domain::DomainError(kInvalid) for an unknown district, and so does
// AssessIntoNewCase for an unknown district of the new casus; both then store nothing. List
// throws std::invalid_argument for a limit below 1. Rows the schema refuses (reporter details
// on an mma signal, an assessment inconsistent with its status, a case_id naming no casus)
// and database failures throw soci::soci_error, changing nothing.
class SociSignalRepository final : public domain::SignalRepository {
 public:
  explicit SociSignalRepository(Database& database) : database_(database) {}

  // `created_at` of the row is `recorded_at`.
  domain::Signal Create(const domain::NewSignal& fields, const std::string& recorded_at) override;
  std::optional<domain::Signal> Find(domain::SignalId id) override;
  std::vector<std::string> ExternalRefs() override;
  // Keyset pagination as SociCaseRepository::List; themes in one query per page.
  domain::SignalPage List(const domain::SignalFilter& filter) override;
  // One conditional UPDATE: status linked (kLink, kNewCase) or dismissed (kDismiss), the
  // assessment columns and version + 1, only while the signal is open. Also false for an
  // unknown id.
  bool Assess(domain::SignalId id, const domain::SignalAssessment& assessment) override;
  // One write transaction: inserts the casus as SociCaseRepository::Create does, then assesses
  // the signal as Assess does with case_id set to the new casus. When the signal is not open
  // (or does not exist) everything is rolled back and nullopt returned. The returned casus has
  // signal_ids = {id}.
  std::optional<domain::Casus> AssessIntoNewCase(
      domain::SignalId id, const domain::SignalAssessment& assessment,
      const domain::NewCase& fields, const domain::TransitionRecord& registration) override;
  // Two queries (signals, then their themes) in one snapshot.
  std::vector<domain::SignalFacts> ReceivedBetween(domain::Date from, domain::Date to) override;
  // One query, grouped by signal in id order: one signal in memory at a time.
  void VisitReceivedBetween(domain::Date from, domain::Date to,
                            const std::function<void(const domain::SignalFacts&)>& visit) override;

 private:
  Database& database_;
};

}  // namespace casus::persistence
