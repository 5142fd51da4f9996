#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_correction.hpp"
#include "domain/cases/case_note.hpp"
#include "domain/cases/case_sort.hpp"
#include "domain/cases/case_timeline.hpp"
#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"
#include "domain/reports/woonoverlast_count.hpp"

namespace casus::domain {

struct CaseFilter {
  std::optional<CaseKind> kind;
  std::optional<CaseState> state;
  std::optional<std::string> district;
  std::optional<HousingType> housing_type;
  std::optional<std::string> assignee;  // the handler's name
  std::optional<CaseId> after;          // keyset cursor: the casus the page starts after, in `sort`
  int limit = 50;
  // Search: reported_on within [from, to]; the postcode in normal form; every word
  // (SearchWords) in the summary, street or notes. The order, and whether to count.
  std::optional<Date> reported_from, reported_to;
  std::optional<std::string> postcode;
  std::vector<std::string> words;
  CaseSort sort = CaseSort::kId;
  bool count = false;
};

struct CasePage {
  std::vector<Casus> items;           // in the filter's sort
  std::optional<CaseId> next;         // cursor for the following page; nullopt on the last page
  std::optional<std::int64_t> count;  // all casussen matching the filter, when asked for
};

// Port: durable storage of casussen and their history. Implemented in persistence/.
//
// Thread-safety: implementations must allow concurrent calls from several server threads.
// Durability: when a mutating call returns, its change is committed; it either happened
// completely or not at all.
class CaseRepository {
 public:
  virtual ~CaseRepository() = default;

  // Stores a new casus in state gemeld with `registration` as its first history row, in one
  // transaction. Returns the stored casus with its id and version 1.
  virtual Casus Create(const NewCase& fields, const TransitionRecord& registration) = 0;

  virtual std::optional<Casus> Find(CaseId id) = 0;

  // Casussen matching every set field of `filter`, in filter.sort, at most filter.limit. With
  // `after`, the page starts after that casus's place in the sort (its reported_on and id);
  // a casus that does not exist or is not of filter.kind gives an empty page. With
  // filter.count, page.count is the number of all matching casussen, of every page.
  virtual CasePage List(const CaseFilter& filter) = 0;

  // Appends `note` (its id assigned here) to casus note.case_id, which must exist.
  virtual CaseNote AddNote(const CaseNote& note) = 0;
  // The casus's notes with ids after `after`, oldest first, at most `limit`.
  virtual NotePage Notes(CaseId id, std::optional<NoteId> after, int limit) = 0;

  // The external_ref of every casus of `kind` that has one (what an import already brought in).
  virtual std::vector<std::string> ExternalRefs(CaseKind kind) = 0;

  // The casus's history, oldest first; empty when the casus does not exist.
  virtual std::vector<TransitionRecord> History(CaseId id) = 0;

  // In one transaction: when the casus is still at `expected_version`, sets its state to
  // record.to, increments its version and appends `record` (its sequence assigned here).
  // Returns false, changing nothing, when the version no longer matches.
  virtual bool AppendTransition(CaseId id, std::int64_t expected_version,
                                const TransitionRecord& record) = 0;

  // In one transaction: when the casus is still at `expected_version`, stores `corrected`'s
  // correctable fields (district, housing_type, categories, summary, address, reported_on,
  // themes, assignee; a new reported_on also as the registration row's date), increments its
  // version and appends `changes` to its corrections. Returns false, changing nothing, when
  // the version no longer matches.
  virtual bool Correct(const Casus& corrected, std::int64_t expected_version,
                       const std::vector<CaseChange>& changes) = 0;

  // The casus's corrections, oldest first; empty when there are none or no such casus.
  virtual std::vector<CaseChange> Changes(CaseId id) = 0;

  // Timelines of every casus of `kind` reported on or before `until`, ascending by id.
  virtual std::vector<CaseTimeline> Timelines(CaseKind kind, Date until) = 0;

  // Those of them still open or changed on or after `since`: every casus that can be handled
  // in a period from `since` on (one closed before it and unchanged since cannot), without
  // loading the rest. This default filters Timelines; storage does better.
  virtual std::vector<CaseTimeline> TimelinesActiveSince(CaseKind kind, Date since, Date until);

  // The same timelines, ascending by id, handed to `visit` one at a time: what a report counts
  // them with, so that it holds one casus in memory, not all. `visit` must not call back into
  // the repository. This default visits TimelinesActiveSince; storage streams them.
  virtual void VisitTimelinesActiveSince(CaseKind kind, Date since, Date until,
                                         const std::function<void(const CaseTimeline&)>& visit);

  // The woonoverlast casussen counted as Tabel 5.1 asks, for `period` and `previous` (any two
  // periods), per wijk and woningtype (WoonoverlastCount), in any order, groups with nothing
  // counted allowed: what CountWoonoverlast gives over every timeline, once Normalized.
  // Computed where the data is: it must not load every casus.
  virtual std::vector<WoonoverlastCount> WoonoverlastCounts(const ReportPeriod& period,
                                                            const ReportPeriod& previous) = 0;
};

}  // namespace casus::domain
