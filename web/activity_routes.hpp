#pragma once

#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// Handlers of /api/v1/activities, as thin as those of case_routes.hpp.

// POST /api/v1/activities -> 201 with the recorded activity. No Location: activities have no
// resource of their own (they are read through the list).
Response PostActivity(domain::GuardedActivityService& service, const domain::Actor& actor,
                      const Request& request);

// GET /api/v1/activities?type=&year=&limit=&after=
Response ListActivities(domain::GuardedActivityService& service, const domain::Actor& actor,
                        const Request& request, std::string_view query);

}  // namespace casus::web
