#pragma once

#include <string_view>

#include "domain/access/actor.hpp"
#include "domain/access/guarded_services.hpp"
#include "web/http.hpp"

namespace casus::web {

// The year reports, as JSON (the default, or format=json), as the domain's CSV (format=csv) or
// as the Dutch paragraph of the jaarverslag (format=text, text/plain; not with suppress_below
// above 1, since the paragraph states every figure) or as a self-contained page (format=html,
// web/report_html.hpp); text and html for year reports only. Read through
// GuardedReportService as `actor`. `year` is the raw path segment:
// four digits, 1900..2999. suppress_below=N (a whole number 1..1000) shows every cell the
// domain's CellSuppression hides as its marker "<N", in either format; 1 suppresses nothing.
// Anything else in the year or the query is DomainError(kMalformed).

// GET /api/v1/reports/woonoverlast/{year}[?format=json|csv|text|html][&suppress_below=N]
Response GetWoonoverlastReport(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view year,
                               std::string_view query);

// GET /api/v1/reports/woonoverlast/series?from=YYYY&to=YYYY: Tabel 5.1's Totaal per year,
// at most domain::kMaxSeriesYears years (422 beyond, or when from > to; 400 without both).
Response GetWoonoverlastSeries(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view query);

// GET /api/v1/reports/ondermijning/{year}[?format=json|csv|text|html][&suppress_below=N]
Response GetOndermijningReport(domain::GuardedReportService& service, const domain::Actor& actor,
                               const Request& request, std::string_view year,
                               std::string_view query);

// GET /api/v1/reports/woonoverlast?from=YYYY-MM-DD&to=YYYY-MM-DD[&format][&suppress_below]:
// Tabel 5.1 for any period, its peildatum `to`. 400 for a missing or malformed date, 422 when
// from > to or the period is longer than domain::kMaxReportPeriodYears.
Response GetWoonoverlastPeriodReport(domain::GuardedReportService& service,
                                     const domain::Actor& actor, const Request& request,
                                     std::string_view query);

// GET /api/v1/reports/ondermijning?from=YYYY-MM-DD&to=YYYY-MM-DD[&format][&suppress_below]:
// the ondermijning figures of any period, validated as the woonoverlast period.
Response GetOndermijningPeriodReport(domain::GuardedReportService& service,
                                     const domain::Actor& actor, const Request& request,
                                     std::string_view query);

// Whether each report route's request can be answered at once (route_table.hpp: ReadyCheck):
// its report is in the service's cache, or its year, period or query is one the handler
// refuses. Never throws.
bool WoonoverlastReportReady(domain::GuardedReportService& service, std::string_view year,
                             std::string_view query);
bool WoonoverlastSeriesReady(domain::GuardedReportService& service, std::string_view query);
bool OndermijningReportReady(domain::GuardedReportService& service, std::string_view year,
                             std::string_view query);
bool WoonoverlastPeriodReportReady(domain::GuardedReportService& service, std::string_view query);
bool OndermijningPeriodReportReady(domain::GuardedReportService& service, std::string_view query);

}  // namespace casus::web
