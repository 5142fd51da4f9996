#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "domain/cases/case_repository.hpp"
#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"
#include "web/json.hpp"
#include "web/json_reader.hpp"

namespace casus::web {

// The JSON shapes of the case resources. Readers throw DomainError(kMalformed) (400) for a body
// of the wrong shape: syntax, nesting, unknown or repeated fields, wrong types, missing
// required fields; and DomainError(kInvalid) (422) for a well-formed value outside the
// contract: an enum name outside the vocabulary, a date that is not "YYYY-MM-DD". Values that
// need the domain's knowledge (is this wijk ours, is this date in the future, which fields
// belong to which kind) are left to CaseService, which answers kInvalid (422) as well.

// POST /api/v1/cases: kind, reported_on and summary are required; district, housing_type,
// categories, themes and address may be absent or null; address needs street, number and
// postcode. Which of housing_type, categories and themes a kind needs is the domain's to say.
domain::NewCase NewCaseFromJson(std::string_view body);

// The members of a casus to register other than `kind` (reported_on, summary required; the
// rest optional), from a reader whose allowed members the caller chose.
domain::NewCase NewCaseFromReader(const JsonObjectReader& reader, domain::CaseKind kind);

// POST /api/v1/cases/{id}/transitions: to and on are required; reason, result, partner,
// measure, legal_basis and until optional (the domain says which fit the move).
domain::TransitionRequest TransitionRequestFromJson(std::string_view body);

// {"id","kind","state","district","housing_type","reported_on","categories","themes",
//  "summary","address","signal_ids","version"}
void WriteCase(JsonWriter& writer, const domain::Casus& casus);

std::string CaseJson(const domain::Casus& casus);

// {"items":[case...],"next":<id or null>}, and "count" when the page has one.
std::string CasePageJson(const domain::CasePage& page);

// POST /api/v1/cases/{id}/notes: {"text": "..."}, the only member, required (400 when
// missing or not a string; its length and blankness are the domain's, 422).
std::string NoteTextFromJson(std::string_view body);
// {"id","case_id","text","author","at"}
std::string NoteJson(const domain::CaseNote& note);
// {"items":[note...],"next":<id or null>}
std::string NotePageJson(const domain::NotePage& page);

// A JSON array of transitions, in the order given: {"sequence","from","to","on","reason",
// "result","recorded_at","partner","measure","legal_basis","until"}, absent values null.
// The body of PATCH /api/v1/cases/{id}: any of district, housing_type, categories, summary,
// address, reported_on, themes, assignee (a member given as null clears it; summary and
// reported_on cannot be null) and reason. `state` is refused with kConflict (409): a state
// moves only by a transition.
domain::CaseCorrection CaseCorrectionFromJson(std::string_view body);

// The corrections of a casus, oldest first: [{"field","old","new","reason","who","at"}], old
// and new as the field's JSON value.
std::string ChangesJson(const std::vector<domain::CaseChange>& changes);

std::string HistoryJson(const std::vector<domain::TransitionRecord>& history);

}  // namespace casus::web
