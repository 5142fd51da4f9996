#include "domain/cases/case_service.hpp"

#include "domain/cases/district_service.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

namespace {

std::string JoinNames(const std::vector<CaseState>& states) {
  std::string joined;
  for (const auto state : states) {
    if (!joined.empty()) joined += ", ";
    joined += Name(state);
  }
  return joined.empty() ? "none" : joined;
}

// Handhaving records who enforced with which measure; sluiting its legal basis and period.
// Ondermijning must record them (the DPIA and the year figures rely on them); woonoverlast may.
void CheckEnforcementDetails(CaseKind kind, const TransitionRequest& request) {
  const bool ondermijning = kind == CaseKind::kOndermijning;
  if (request.to != CaseState::kHandhaving && (request.partner || request.measure)) {
    throw DomainError(ErrorCode::kInvalid, "partner and measure belong to a move into handhaving");
  }
  if (request.to != CaseState::kSluiting && (request.legal_basis || request.until)) {
    throw DomainError(ErrorCode::kInvalid, "legal_basis and until belong to a move into sluiting");
  }
  if (request.partner) RequireText(*request.partner, "partner", kMaxShortTextBytes);
  if (ondermijning && request.to == CaseState::kHandhaving &&
      (!request.partner || !request.measure)) {
    throw DomainError(ErrorCode::kInvalid,
                      "handhaving of an ondermijning casus requires partner and measure");
  }
  if (ondermijning && request.to == CaseState::kSluiting &&
      (!request.legal_basis || !request.until)) {
    throw DomainError(ErrorCode::kInvalid,
                      "sluiting of an ondermijning casus requires legal_basis and until");
  }
  if (request.until && *request.until < request.on) {
    throw DomainError(ErrorCode::kInvalid, "until " + request.until->ToString() +
                                               " precedes the start of the sluiting " +
                                               request.on.ToString());
  }
}

}  // namespace

void CaseService::RequireRecordDate(Date date, const char* field) const {
  domain::RequireRecordDate(date, field, earliest_record_date_, clock_.Today());
}

NewCase CaseService::CheckedNewCase(NewCase request) {
  return CheckedFields(std::move(request), true);
}

void CaseService::RequireChoosableDistrict(const std::string& name, Date reported_on) {
  domain::RequireChoosableDistrict(districts_.All(), name, reported_on);
}

NewCase CaseService::CheckedFields(NewCase request, bool district_chosen) {
  RequireRecordDate(request.reported_on, "reported_on");
  RequireText(request.summary, "summary", kMaxTextBytes);
  if (request.address) request.address = CheckedAddress(std::move(*request.address));

  if (request.district && district_chosen) {
    RequireChoosableDistrict(*request.district, request.reported_on);
  }
  RequireDistinctList(request.categories, "categories");
  RequireDistinctList(request.themes, "themes");

  switch (request.kind) {
    case CaseKind::kWoonoverlast:
      if (!request.district) throw DomainError(ErrorCode::kInvalid, "district is required");
      if (!request.housing_type) {
        throw DomainError(ErrorCode::kInvalid, "housing_type is required");
      }
      if (request.categories.empty()) {
        throw DomainError(ErrorCode::kInvalid, "categories needs at least one category");
      }
      if (!request.themes.empty()) {
        throw DomainError(ErrorCode::kInvalid, "themes belong to ondermijning casussen");
      }
      break;
    case CaseKind::kOndermijning:
      if (request.housing_type || !request.categories.empty()) {
        throw DomainError(ErrorCode::kInvalid,
                          "housing_type and categories belong to woonoverlast casussen");
      }
      if (request.themes.empty()) {
        throw DomainError(ErrorCode::kInvalid, "themes needs at least one theme");
      }
      break;
  }
  return request;
}

Casus CaseService::Register(const NewCase& request) {
  const NewCase checked = CheckedNewCase(request);
  TransitionRecord registration;
  registration.to = CaseState::kGemeld;
  registration.on = checked.reported_on;
  registration.recorded_at = clock_.NowUtc();
  return cases_.Create(checked, registration);
}

Casus CaseService::Get(CaseId id) {
  auto casus = cases_.Find(id);
  if (!casus) throw DomainError(ErrorCode::kNotFound, "no case " + std::to_string(id));
  return *casus;
}

void CaseService::CheckFilter(const CaseFilter& filter) {
  RequirePageSize(filter.limit);
  if (filter.reported_from && filter.reported_to && *filter.reported_from > *filter.reported_to) {
    throw DomainError(ErrorCode::kMalformed, "reported_from " + filter.reported_from->ToString() +
                                                 " lies after reported_to " +
                                                 filter.reported_to->ToString());
  }
}

CasePage CaseService::List(const CaseFilter& filter) {
  CheckFilter(filter);
  return cases_.List(filter);
}

CaseNote CaseService::AddNote(CaseId id, const std::string& text, const std::string& author,
                              const CasusCheck& check) {
  const Casus casus = Get(id);
  if (check) check(casus);
  RequireNoteText(text);
  CaseNote note;
  note.case_id = id;
  note.text = text;
  note.author = author;
  note.at = clock_.NowUtc();
  return cases_.AddNote(note);
}

NotePage CaseService::Notes(CaseId id, std::optional<NoteId> after, int limit,
                            const CasusCheck& check) {
  RequirePageSize(limit);
  const Casus casus = Get(id);
  if (check) check(casus);
  return cases_.Notes(id, after, limit);
}

Casus CaseService::Transition(CaseId id, const TransitionRequest& request,
                              std::optional<std::int64_t> if_match, const CasusCheck& check) {
  // Without If-Match the caller asked for no concurrency control, so a concurrent change is
  // absorbed by re-checking against the fresh state; with If-Match it is the caller's to see.
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    Casus current = LoadForChange(id, if_match, check);
    const TransitionRecord record = CheckedTransition(current, request);
    if (cases_.AppendTransition(id, current.version, record)) {
      // What AppendTransition changed, applied to the casus as loaded: no second read.
      current.state = record.to;
      current.last_change_on = record.on;
      ++current.version;
      return current;
    }
    if (if_match || attempt == kAttempts) {
      throw DomainError(ErrorCode::kStaleVersion,
                        "case " + std::to_string(id) + " was changed concurrently; reload it");
    }
  }
}

TransitionRecord CaseService::CheckedTransition(const Casus& current,
                                                const TransitionRequest& request) {
  const CaseState from = current.state;
  if (!IsAllowedTransition(from, request.to)) {
    throw DomainError(ErrorCode::kForbiddenTransition,
                      "a case in state " + std::string(Name(from)) + " cannot move to " +
                          std::string(Name(request.to)) +
                          "; allowed: " + JoinNames(AllowedTargets(from)));
  }
  if (IsReopening(from, request.to) && (!request.reason || IsBlank(*request.reason))) {
    throw DomainError(ErrorCode::kInvalid, "re-opening a closed case requires a reason");
  }
  if (request.reason) RequireText(*request.reason, "reason", kMaxTextBytes);
  if (request.result && !IsClosed(request.to)) {
    throw DomainError(ErrorCode::kInvalid, "result is only recorded when closing a case");
  }
  RequireRecordDate(request.on, "on");
  CheckEnforcementDetails(current.kind, request);
  if (request.on < current.last_change_on) {
    throw DomainError(ErrorCode::kDateOutOfOrder, "on " + request.on.ToString() +
                                                      " precedes the previous transition's date " +
                                                      current.last_change_on.ToString());
  }
  TransitionRecord record;
  record.from = from;
  record.to = request.to;
  record.on = request.on;
  record.reason = request.reason;
  record.result = request.result;
  record.recorded_at = clock_.NowUtc();
  record.partner = request.partner;
  record.measure = request.measure;
  record.legal_basis = request.legal_basis;
  record.until = request.until;
  return record;
}

std::vector<TransitionRecord> CaseService::History(CaseId id) {
  auto history = cases_.History(id);
  if (history.empty()) throw DomainError(ErrorCode::kNotFound, "no case " + std::to_string(id));
  return history;
}

Casus CaseService::CheckedCorrection(const Casus& current, const CaseCorrection& correction,
                                     const std::string& who, const AssigneeCheck& may_assign) {
  Casus corrected = current;
  if (correction.district) corrected.district = *correction.district;
  if (correction.housing_type) corrected.housing_type = *correction.housing_type;
  if (correction.categories) corrected.categories = *correction.categories;
  if (correction.summary) corrected.summary = *correction.summary;
  if (correction.address) corrected.address = *correction.address;
  if (correction.reported_on) corrected.reported_on = *correction.reported_on;
  if (correction.themes) corrected.themes = *correction.themes;
  if (correction.assignee) corrected.assignee = *correction.assignee;

  // The same rules as a registration: a correction cannot store what could not be registered.
  NewCase fields{corrected.kind,        corrected.district,   corrected.housing_type,
                 corrected.reported_on, corrected.categories, corrected.summary,
                 corrected.address,     corrected.themes};
  // A wijk retired since may stay as it is; it is chosen anew when it or the date changes.
  const bool district_chosen =
      corrected.district != current.district || corrected.reported_on != current.reported_on;
  corrected.address = CheckedFields(std::move(fields), district_chosen).address;  // normalised

  if (corrected.reported_on != current.reported_on) {
    // The registration row moves with reported_on (CaseRepository::Correct); it may not pass
    // the first real transition, or the history would go back in time.
    const auto history = cases_.History(current.id);
    if (history.size() >= 2 && corrected.reported_on > history[1].on) {
      throw DomainError(ErrorCode::kDateOutOfOrder,
                        "reported_on " + corrected.reported_on.ToString() +
                            " comes after the casus's first transition on " +
                            history[1].on.ToString());
    }
    if (history.size() <= 1) corrected.last_change_on = corrected.reported_on;
  }
  if (corrected.assignee != current.assignee && corrected.assignee) {
    RequireText(*corrected.assignee, "assignee", kMaxShortTextBytes);
    if (*corrected.assignee != who &&
        !(may_assign && may_assign(*corrected.assignee, corrected.kind))) {
      throw DomainError(ErrorCode::kInvalid, "assignee '" + *corrected.assignee +
                                                 "' is neither you nor an active " +
                                                 std::string(Name(corrected.kind)) + " token");
    }
  }
  if (correction.reason) RequireText(*correction.reason, "reason", kMaxTextBytes);
  return corrected;
}

Casus CaseService::LoadForChange(CaseId id, std::optional<std::int64_t> if_match,
                                 const CasusCheck& check) {
  Casus current = Get(id);
  if (check) check(current);
  if (if_match && *if_match != current.version) {
    throw DomainError(ErrorCode::kStaleVersion, "case " + std::to_string(id) + " is at version " +
                                                    std::to_string(current.version) + ", not " +
                                                    std::to_string(*if_match));
  }
  return current;
}

Casus CaseService::Correct(CaseId id, const CaseCorrection& correction,
                           std::optional<std::int64_t> if_match, const std::string& who,
                           const AssigneeCheck& may_assign, const CasusCheck& check) {
  constexpr int kAttempts = 3;
  for (int attempt = 1;; ++attempt) {
    Casus current = LoadForChange(id, if_match, check);
    Casus corrected = CheckedCorrection(current, correction, who, may_assign);
    std::vector<CaseChange> changes = ChangedFields(current, corrected);
    if (changes.empty()) return current;  // nothing to keep: no new version
    const bool needs_reason = std::any_of(
        changes.begin(), changes.end(), [](const CaseChange& c) { return c.field != "assignee"; });
    if (needs_reason && (!correction.reason || IsBlank(*correction.reason))) {
      throw DomainError(ErrorCode::kInvalid, "a correction requires a reason");
    }
    const std::string now = clock_.NowUtc();
    for (CaseChange& change : changes) {
      change.reason = correction.reason;
      change.who = who;
      change.at = now;
    }
    if (cases_.Correct(corrected, current.version, changes)) {
      ++corrected.version;
      return corrected;
    }
    if (if_match || attempt == kAttempts) {
      throw DomainError(ErrorCode::kStaleVersion,
                        "case " + std::to_string(id) + " was changed concurrently; reload it");
    }
  }
}

std::vector<CaseChange> CaseService::Changes(CaseId id, const CasusCheck& check) {
  const Casus casus = Get(id);
  if (check) check(casus);
  return cases_.Changes(id);
}

WoonoverlastReport CaseService::WoonoverlastYearReport(int year) {
  RequireYear(year);
  const ReportPeriod period = ReportPeriod::Year(year);
  WoonoverlastReport report = BuildWoonoverlastReportFromCounts(
      year, ReportDistrictsOn(districts_.All(), period.to),
      cases_.WoonoverlastCounts(period, ReportPeriod::Year(year - 1)));
  report.title = Title();
  return report;
}

WoonoverlastPeriodReport CaseService::WoonoverlastForPeriod(const ReportPeriod& period) {
  RequireReportPeriod(period);
  // The counts answer for a previous period as well, which a period report does not show.
  WoonoverlastPeriodReport report = BuildWoonoverlastPeriodReportFromCounts(
      period, ReportDistrictsOn(districts_.All(), period.to),
      cases_.WoonoverlastCounts(period, period));
  report.title = Title();
  return report;
}

ReportTitle CaseService::Title() {
  const Municipality municipality = districts_.GetMunicipality();
  return {municipality.name, municipality.woonoverlast_table_title};
}

std::vector<std::string> CaseService::Districts() {
  const Date today = clock_.Today();
  std::vector<std::string> names;
  for (const District& district : districts_.All()) {
    if (district.ActiveOn(today)) names.push_back(district.name);
  }
  return names;
}

}  // namespace casus::domain
