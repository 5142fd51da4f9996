#pragma once

#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// GET /api/v1/audit?object=&from=&to=&limit=&after= -> a page of the audit trail (see
// audit_json.hpp), read through GuardedAuditService as `actor`. `object` is matched exactly
// (e.g. cases/7); `from` and `to` are inclusive, each "YYYY-MM-DD" (the whole day) or an
// instant "YYYY-MM-DDTHH:MM:SSZ"; limit and after page as every list does. Anything else in
// the query is DomainError(kMalformed).
Response GetAudit(domain::GuardedAuditService& service, const domain::Actor& actor,
                  const Request& request, std::string_view query);

}  // namespace casus::web
