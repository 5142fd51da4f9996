#pragma once

#include <string>

#include "domain/access/audit_trail.hpp"

namespace casus::web {

// A page of the audit trail as GET /api/v1/audit answers it:
// {"items":[{"id":1,"at":"2025-01-15T12:00:00Z","token":"alice","role":"woonoverlast",
//            "action":"read_case","object":"cases/7","result":"ok","client":"10.0.0.5",
//            "hash":"<hex>"}, ...],"next":<id or null>}
// `id` is the row's place in the chain (the `after` cursor), `hash` its chain hash.
std::string AuditPageJson(const domain::AuditPage& page);

}  // namespace casus::web
