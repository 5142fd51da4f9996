#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "domain/cases/case_repository.hpp"
#include "persistence/database.hpp"

namespace casus::persistence {

// CaseRepository on the tables of schema/001_cases.sql and 003_ondermijning.sql (themes,
// transition details, signals), through a Database's session pool. Needs a migrated database
// (Migrate) and does not own it: `database` must outlive this.
//
// Every method runs in one transaction on one borrowed session: mutations in a write
// transaction (committed, with synchronous=FULL, before they return), reads in one snapshot.
// All values are bound parameters. Thread-safety: safe for concurrent use from any number of
// threads; at most Database::pool_size() calls run at once, the others wait for a session.
//
// Errors: Create throws domain::DomainError(kInvalid) for a district that is not in the
// districts table and stores nothing; List throws std::invalid_argument for a limit below 1;
// database failures (including a busy timeout) throw soci::soci_error.
class SociCaseRepository final : public domain::CaseRepository {
 public:
  explicit SociCaseRepository(Database& database) : database_(database) {}

  // `created_at` of the row is registration.recorded_at.
  domain::Casus Create(const domain::NewCase& fields,
                       const domain::TransitionRecord& registration) override;
  // Categories and themes in submitted order; signal_ids are the signals linked to the casus
  // (signals.case_id), ascending.
  std::optional<domain::Casus> Find(domain::CaseId id) override;
  // Keyset pagination: fetches filter.limit + 1 rows after filter.after; `next` is the id of
  // the last returned item when more match. Items are complete as in Find, at a fixed cost of
  // one query per page for each of categories, themes and signal ids. The sorts on
  // reported_on first read the cursor casus's reported_on and seek from (reported_on, id); a
  // count is one COUNT(*) more, in the same snapshot. `q` searches the full-text index
  // case_search (schema/*/012_case_notes_search.sql): FTS5 on SQLite, tsvector on PostgreSQL.
  domain::CasePage List(const domain::CaseFilter& filter) override;
  // Write transaction; the triggers of migration 012 index the note's words at once.
  domain::CaseNote AddNote(const domain::CaseNote& note) override;
  domain::NotePage Notes(domain::CaseId id, std::optional<domain::NoteId> after,
                         int limit) override;
  std::vector<std::string> ExternalRefs(domain::CaseKind kind) override;
  std::vector<domain::TransitionRecord> History(domain::CaseId id) override;
  // Also returns false, changing nothing, when the casus does not exist.
  bool Correct(const domain::Casus& corrected, std::int64_t expected_version,
               const std::vector<domain::CaseChange>& changes) override;
  std::vector<domain::CaseChange> Changes(domain::CaseId id) override;
  bool AppendTransition(domain::CaseId id, std::int64_t expected_version,
                        const domain::TransitionRecord& record) override;
  // Two queries (casussen, then all their transitions) in one snapshot.
  std::vector<domain::CaseTimeline> Timelines(domain::CaseKind kind, domain::Date until) override;
  // Two GROUP BYs over covering indexes, of the casussen and of their closures (kept by
  // triggers, schema/009); memory does not grow with the number of casussen.
  std::vector<domain::WoonoverlastCount> WoonoverlastCounts(
      const domain::ReportPeriod& period, const domain::ReportPeriod& previous) override;
  std::vector<domain::CaseTimeline> TimelinesActiveSince(domain::CaseKind kind, domain::Date since,
                                                         domain::Date until) override;
  // Streams: two cursors in id order (casussen, their transitions) in one snapshot, merged.
  void VisitTimelinesActiveSince(
      domain::CaseKind kind, domain::Date since, domain::Date until,
      const std::function<void(const domain::CaseTimeline&)>& visit) override;

 private:
  std::vector<domain::CaseTimeline> TimelinesWhere(domain::CaseKind kind, domain::Date until,
                                                   std::optional<domain::Date> since);
  void VisitWhere(domain::CaseKind kind, domain::Date until, std::optional<domain::Date> since,
                  const std::function<void(const domain::CaseTimeline&)>& visit);
  Database& database_;
};

}  // namespace casus::persistence
