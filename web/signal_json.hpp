#pragma once

#include <string>
#include <string_view>

#include "domain/ondermijning/signal_repository.hpp"
#include "domain/ondermijning/signal_service.hpp"
#include "web/json.hpp"

namespace casus::web {

// The JSON shapes of the signal resources. Readers refuse as those of case_json.hpp do: 400 for
// the shape (syntax, unknown, repeated or missing fields, wrong types), 422 for a value outside
// the contract (an unknown source, theme or decision, a date that is not YYYY-MM-DD); the
// rest (an mma signal with a reporter, an unknown wijk) is SignalService's to refuse, with 422.

// POST /api/v1/signals: received_on, source, themes and summary are required; district,
// address and reporter ({"name","phone"?,"email"?}) may be absent or null.
domain::NewSignal NewSignalFromJson(std::string_view body);

// POST /api/v1/signals/{id}/assessment, by "decision":
//   link      {"case_id", "on"?}
//   new_case  {"reported_on","themes","summary","district"?,"address"?,"kind"?,"on"?}: the
//             casus to open; kind defaults to ondermijning (the domain refuses another)
//   dismiss   {"reason", "on"?}
// A member that belongs to another decision is refused as an unknown field (400).
domain::AssessmentRequest AssessmentRequestFromJson(std::string_view body);

// {"id","received_on","source","themes","summary","district","address","reporter","status",
//  "assessment":null|{"decision","on","case_id","reason","recorded_at"},"version"}
void WriteSignal(JsonWriter& writer, const domain::Signal& signal);

std::string SignalJson(const domain::Signal& signal);

// {"items":[signal...],"next":<id or null>}
std::string SignalPageJson(const domain::SignalPage& page);

}  // namespace casus::web
