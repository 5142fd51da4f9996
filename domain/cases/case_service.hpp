#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

#include "domain/cases/case_repository.hpp"
#include "domain/cases/district_repository.hpp"
#include "domain/clock.hpp"
#include "domain/field_rules.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::domain {

// The use cases on casussen: every rule that decides whether a request is acceptable lives
// here or in the pure functions it calls, so that the web layer and the CLI only translate.
//
// Errors: throws DomainError. Thread-safety: as thread-safe as the ports it is given; it keeps
// no state of its own. It does not own the ports, which must outlive it.
class CaseService {
 public:
  static constexpr int kMaxPageSize = domain::kMaxPageSize;
  static constexpr int kDefaultPageSize = 50;

  // Dates of what happened (reported_on, a transition's on) before `earliest_record_date` or
  // after today are refused (RequireRecordDate).
  CaseService(CaseRepository& cases, DistrictRepository& districts, const Clock& clock,
              Date earliest_record_date = kDefaultEarliestRecordDate)
      : cases_(cases),
        districts_(districts),
        clock_(clock),
        earliest_record_date_(earliest_record_date) {}

  Casus Register(const NewCase& request);

  // `request` as it would be stored (its postcode in normal form); throws DomainError when it
  // could not be registered (Register checks this first; SignalService uses it for casussen
  // that start from a signal).
  NewCase CheckedNewCase(NewCase request);
  // Throws DomainError(kInvalid) naming `field` when `date` lies before the earliest record
  // date or after today; shared with the ondermijning services.
  void RequireRecordDate(Date date, const char* field) const;
  Casus Get(CaseId id);
  // Throws DomainError(kMalformed) for a page size outside 1..kMaxPageSize or
  // reported_from after reported_to (CheckFilter).
  CasePage List(const CaseFilter& filter);
  static void CheckFilter(const CaseFilter& filter);

  // A check on the casus as loaded, before anything else is looked at (e.g. that the caller's
  // team may see it); it throws to refuse.
  using CasusCheck = std::function<void(const Casus&)>;

  // Moves the casus to request.to. `if_match`, when given, must equal the current version.
  // Loads the casus once (again only when a concurrent change won the race) and returns it
  // as it now stands.
  Casus Transition(CaseId id, const TransitionRequest& request,
                   std::optional<std::int64_t> if_match, const CasusCheck& check = {});

  std::vector<TransitionRecord> History(CaseId id);

  // The history row for moving `current` as requested; throws when that is not allowed (the
  // lifecycle table, reasons, dates in order). Reads nothing: an import checks a casus's moves
  // with it before anything is stored (CaseImporter).
  TransitionRecord CheckedTransition(const Casus& current, const TransitionRequest& request);

  // Corrects the casus as `correction` asks, on behalf of `who` (kept with each changed
  // field). `if_match`, when given, must equal the current version. The corrected casus must
  // pass what registration checks (CheckedNewCase); a new reported_on may not come after its
  // first transition's date (kDateOutOfOrder); a reason is required when a field other than
  // the assignee changes; a new assignee is `who` or a name `may_assign` accepts for the
  // casus's kind (else kInvalid). A correction that changes nothing returns the casus as it is,
  // its version unchanged. Returns the casus as it now stands.
  Casus Correct(CaseId id, const CaseCorrection& correction, std::optional<std::int64_t> if_match,
                const std::string& who, const AssigneeCheck& may_assign,
                const CasusCheck& check = {});

  // The casus's corrections, oldest first, after `check` on the casus; kNotFound when there
  // is no such casus.
  std::vector<CaseChange> Changes(CaseId id, const CasusCheck& check = {});
  // Adds a note by `author` to the casus, now; kNotFound when it does not exist, kInvalid for
  // a blank text or one over kMaxNoteCharacters. Loads the casus once; leaves its version.
  CaseNote AddNote(CaseId id, const std::string& text, const std::string& author,
                   const CasusCheck& check = {});
  // The casus's notes, oldest first; kNotFound when it does not exist, kMalformed for a limit
  // outside 1..kMaxPageSize.
  NotePage Notes(CaseId id, std::optional<NoteId> after, int limit, const CasusCheck& check = {});

  WoonoverlastReport WoonoverlastYearReport(int year);

  // Tabel 5.1 for any period. Throws as RequireReportPeriod.
  WoonoverlastPeriodReport WoonoverlastForPeriod(const ReportPeriod& period);

  // The wijken a casus reported today may name, in reference order (DistrictService has all).
  std::vector<std::string> Districts();
  // Throws DomainError(kInvalid) unless a casus or signal reported on `reported_on` may name
  // the wijk `name` (known, and not retired by then).
  void RequireChoosableDistrict(const std::string& name, Date reported_on);

 private:
  // The casus as it stands, once `check` accepted it; kStaleVersion when `if_match` names
  // another version. The first step of every change.
  Casus LoadForChange(CaseId id, std::optional<std::int64_t> if_match, const CasusCheck& check);

  // CheckedNewCase; the wijk is checked only when `district_chosen` (a correction leaves one
  // that was retired since as it is).
  NewCase CheckedFields(NewCase request, bool district_chosen);
  // The municipality's name and table title, for the reports.
  ReportTitle Title();

  // `current` with `correction` applied and checked; throws when it may not be stored.
  Casus CheckedCorrection(const Casus& current, const CaseCorrection& correction,
                          const std::string& who, const AssigneeCheck& may_assign);

  CaseRepository& cases_;
  DistrictRepository& districts_;
  const Clock& clock_;
  const Date earliest_record_date_;
};

}  // namespace casus::domain
