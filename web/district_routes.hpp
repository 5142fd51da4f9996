#pragma once

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// GET /api/v1/districts: the municipality's wijken, retired ones included, in reference order:
// {"items":[{"name","code","position","retired_on","former_names":[{"name","until"}]}]}.
// Any role; not paged (a municipality has tens of wijken).
Response GetDistricts(domain::GuardedDistrictService& service, const domain::Actor& actor,
                      const Request& request);

}  // namespace casus::web
