#pragma once

#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// GET /api/v1/audit?object=&token=&action=&result=&from=&to=&limit=&after= -> a page of the
// audit trail (see audit_json.hpp), read through GuardedAuditService as `actor`. `object`
// "cases/7" is the casus and everything under it (its history, transitions, notes, changes)
// and the signals linked to it; a deeper object ("cases/7/history") only itself
// (domain::AuditFilter). `token` and `result` match exactly, `action` is an action's name;
// `from` and `to` are inclusive, each "YYYY-MM-DD" (the whole day) or an instant
// "YYYY-MM-DDTHH:MM:SSZ"; limit and after page as every list does. Anything else in the query
// is DomainError(kMalformed).
Response GetAudit(domain::GuardedAuditService& service, const domain::Actor& actor,
                  const Request& request, std::string_view query);

}  // namespace casus::web
