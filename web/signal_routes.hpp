#pragma once

#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// Handlers of /api/v1/signals, as thin as those of case_routes.hpp: parse, call
// GuardedSignalService, serialize; errors are thrown as DomainError for the Router to turn into
// problems.

// POST /api/v1/signals -> 201 with Location and ETag.
Response PostSignal(domain::GuardedSignalService& service, const domain::Actor& actor,
                    const Request& request);

// GET /api/v1/signals?source=&theme=&status=&limit=&after=
Response ListSignals(domain::GuardedSignalService& service, const domain::Actor& actor,
                     const Request& request, std::string_view query);

// GET /api/v1/signals/{id} -> 200 with ETag.
Response GetSignal(domain::GuardedSignalService& service, const domain::Actor& actor,
                   const Request& request, domain::SignalId id);

// POST /api/v1/signals/{id}/assessment -> 200 with the assessed signal (link, dismiss), or 201
// with the casus it opened (new_case), its Location and ETag.
Response PostAssessment(domain::GuardedSignalService& service, const domain::Actor& actor,
                        const Request& request, domain::SignalId id);

}  // namespace casus::web
