#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"
#include "web/request_context.hpp"

namespace casus::web {

// Handlers of /api/v1/cases. Each parses, calls GuardedCaseService as `actor` and serializes;
// errors are thrown (DomainError) and turned into problems by the Router. Method, token, role,
// media type and path shape are already checked by the Router.

// POST /api/v1/cases -> 201 with Location and ETag.
Response PostCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                  const Request& request);

// GET /api/v1/cases?kind=&state=&district=&housing_type=&limit=&after=&reported_from=
//   &reported_to=&postcode=&q=&sort=&count=
Response ListCases(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, std::string_view query);

// GET /api/v1/cases/export?kind=&from=&to=&delimiter= -> 200 text/csv: the file `casus
// import` reads (domain::CaseExportCursor) of the caller's team's casussen; kind defaults to
// the team's. With `body_stream` the response is the header only and the file follows from the
// stream a page at a time, however many casussen there are; without, the body holds it whole.
Response ExportCases(domain::GuardedCaseService& service, const domain::Actor& actor,
                     const Request& request, std::string_view query, BodyStream* body_stream);

// GET /api/v1/cases/{id} -> 200 with ETag.
Response GetCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                 const Request& request, domain::CaseId id);

// POST /api/v1/cases/{id}/transitions, honouring If-Match -> 200 with the new ETag.
Response PostTransition(domain::GuardedCaseService& service, const domain::Actor& actor,
                        const Request& request, domain::CaseId id);

// PATCH /api/v1/cases/{id}: a correction (CaseCorrectionFromJson). If-Match is required (428
// without it, 412 when stale; "*" takes the casus as it is) -> 200 with the casus and its ETag.
Response PatchCase(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, domain::CaseId id);

// GET /api/v1/cases/{id}/changes -> its corrections as a JSON array, oldest first.
Response GetChanges(domain::GuardedCaseService& service, const domain::Actor& actor,
                    const Request& request, domain::CaseId id);

// GET /api/v1/cases/{id}/history -> a JSON array, oldest first.
Response GetHistory(domain::GuardedCaseService& service, const domain::Actor& actor,
                    const Request& request, domain::CaseId id);

// POST /api/v1/cases/{id}/notes {"text"} -> 201 with the note (no Location: a note has no
// URL of its own). The casus's version and ETag stay as they are.
Response PostNote(domain::GuardedCaseService& service, const domain::Actor& actor,
                  const Request& request, domain::CaseId id);

// GET /api/v1/cases/{id}/notes?limit=&after= -> {"items":[note...],"next"}, oldest first.
Response ListNotes(domain::GuardedCaseService& service, const domain::Actor& actor,
                   const Request& request, domain::CaseId id, std::string_view query);

// 201 with the casus just created, its Location and its ETag (also how an assessment that
// opens a casus answers).
Response CreatedCaseResponse(const Request& request, const domain::Casus& casus);

// The If-Match header: nullopt when absent or "*"; the version for "3", 3 or W/"3".
// Throws DomainError(kMalformed) for anything else, including several If-Match fields.
std::optional<std::int64_t> ParseIfMatch(const Request& request);

}  // namespace casus::web
