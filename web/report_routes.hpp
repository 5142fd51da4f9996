#pragma once

#include <string_view>

#include "domain/case_service.hpp"
#include "domain/ondermijning_report_service.hpp"
#include "web/http.hpp"

namespace casus::web {

// The year reports, as JSON (the default, or format=json) or as the domain's CSV
// (format=csv). `year` is the raw path segment: four digits, 1900..2999. Anything else in the
// year or the query is DomainError(kMalformed).

// GET /api/v1/reports/woonoverlast/{year}[?format=json|csv]
Response GetWoonoverlastReport(domain::CaseService& service, const Request& request,
                               std::string_view year, std::string_view query);

// GET /api/v1/reports/ondermijning/{year}[?format=json|csv]
Response GetOndermijningReport(domain::OndermijningReportService& service, const Request& request,
                               std::string_view year, std::string_view query);

}  // namespace casus::web
