#include "web/route_table.hpp"

#include "web/activity_routes.hpp"
#include "web/audit_routes.hpp"
#include "web/case_routes.hpp"
#include "web/district_routes.hpp"
#include "web/json_response.hpp"
#include "web/metrics.hpp"
#include "web/openapi.hpp"
#include "web/report_routes.hpp"
#include "web/request_values.hpp"
#include "web/signal_routes.hpp"

namespace casus::web {

namespace {

using domain::Action;
using http::verb;

domain::CaseId CaseIdInPath(const RouteCall& c) {
  return ParseCaseId(c.params[0], "the case id in the path");
}

domain::SignalId SignalIdInPath(const RouteCall& c) {
  return ParseId(c.params[0], "the signal id in the path", "a signal id");
}

// The table: one line per route, its handler an adapter from RouteCall to the resource's
// handler. Adding a route here is all the Router needs; the access tests refuse to pass until
// they know what every role may do with it.
constexpr Route kRoutes[] = {
    {{verb::get, "/healthz", std::nullopt},
     Query::kAllowed,
     [](const RouteCall& c) {
       return JsonResponse(c.request, http::status::ok, R"({"status":"ok"})");
     },
     Lane::kIoThread},
    {{verb::get, "/metrics", std::nullopt},
     Query::kRefused,
     [](const RouteCall& c) {
       // For the operator's Prometheus on this machine: hidden from anyone else, as a path
       // that does not exist is, unless --metrics-listen opened a listener for it. The client
       // is the request's: one from outside that a proxy on this machine forwards is not local.
       if (c.services.metrics == nullptr || (!c.services.metrics_public && !IsLoopback(c.client))) {
         throw domain::DomainError(domain::ErrorCode::kNotFound,
                                   "there is no resource at this path");
       }
       return BodyResponse(c.request, http::status::ok, "text/plain; version=0.0.4; charset=utf-8",
                           c.services.metrics->Render());
     },
     Lane::kIoThread},
    {{verb::get, "/readyz", std::nullopt},
     Query::kRefused,
     [](const RouteCall& c) {
       if (c.services.ready && !c.services.ready()) {
         throw domain::DomainError(domain::ErrorCode::kUnavailable,
                                   "the database does not answer, or its writer has stopped");
       }
       return JsonResponse(c.request, http::status::ok, R"({"status":"ready"})");
     }},

    {{verb::get, "/api/v1/cases", Action::kReadCase},
     Query::kAllowed,
     [](const RouteCall& c) { return ListCases(c.services.cases, c.actor(), c.request, c.query); }},
    {{verb::post, "/api/v1/cases", Action::kWriteCase},
     Query::kRefused,
     [](const RouteCall& c) { return PostCase(c.services.cases, c.actor(), c.request); }},
    // Before {id}, which would take "export" for an id.
    {{verb::get, "/api/v1/cases/export", Action::kReadCase},
     Query::kAllowed,
     [](const RouteCall& c) {
       return ExportCases(c.services.cases, c.actor(), c.request, c.query, c.body_stream);
     }},
    {{verb::get, "/api/v1/cases/{id}", Action::kReadCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return GetCase(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::patch, "/api/v1/cases/{id}", Action::kWriteCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return PatchCase(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::get, "/api/v1/cases/{id}/changes", Action::kReadCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return GetChanges(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::post, "/api/v1/cases/{id}/transitions", Action::kWriteCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return PostTransition(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::get, "/api/v1/cases/{id}/history", Action::kReadCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return GetHistory(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::post, "/api/v1/cases/{id}/notes", Action::kWriteCase},
     Query::kRefused,
     [](const RouteCall& c) {
       return PostNote(c.services.cases, c.actor(), c.request, CaseIdInPath(c));
     }},
    {{verb::get, "/api/v1/cases/{id}/notes", Action::kReadCase},
     Query::kAllowed,
     [](const RouteCall& c) {
       return ListNotes(c.services.cases, c.actor(), c.request, CaseIdInPath(c), c.query);
     }},

    {{verb::get, "/api/v1/signals", Action::kReadSignal},
     Query::kAllowed,
     [](const RouteCall& c) {
       return ListSignals(c.services.signals, c.actor(), c.request, c.query);
     }},
    {{verb::post, "/api/v1/signals", Action::kWriteSignal},
     Query::kRefused,
     [](const RouteCall& c) { return PostSignal(c.services.signals, c.actor(), c.request); }},
    {{verb::get, "/api/v1/signals/{id}", Action::kReadSignal},
     Query::kRefused,
     [](const RouteCall& c) {
       return GetSignal(c.services.signals, c.actor(), c.request, SignalIdInPath(c));
     }},
    {{verb::post, "/api/v1/signals/{id}/assessment", Action::kWriteSignal},
     Query::kRefused,
     [](const RouteCall& c) {
       return PostAssessment(c.services.signals, c.actor(), c.request, SignalIdInPath(c));
     }},

    {{verb::get, "/api/v1/activities", Action::kReadActivity},
     Query::kAllowed,
     [](const RouteCall& c) {
       return ListActivities(c.services.activities, c.actor(), c.request, c.query);
     }},
    {{verb::post, "/api/v1/activities", Action::kWriteActivity},
     Query::kRefused,
     [](const RouteCall& c) { return PostActivity(c.services.activities, c.actor(), c.request); }},

    {{verb::get, "/api/v1/reports/woonoverlast", Action::kReadWoonoverlastReport},
     Query::kAllowed,
     [](const RouteCall& c) {
       return GetWoonoverlastPeriodReport(c.services.reports, c.actor(), c.request, c.query);
     },
     Lane::kReport,
     [](const RouteCall& c) { return WoonoverlastPeriodReportReady(c.services.reports, c.query); }},
    {{verb::get, "/api/v1/reports/ondermijning", Action::kReadOndermijningReport},
     Query::kAllowed,
     [](const RouteCall& c) {
       return GetOndermijningPeriodReport(c.services.reports, c.actor(), c.request, c.query);
     },
     Lane::kReport,
     [](const RouteCall& c) { return OndermijningPeriodReportReady(c.services.reports, c.query); }},
    // Before {year}, which would take "series" for a year.
    {{verb::get, "/api/v1/reports/woonoverlast/series", Action::kReadWoonoverlastReport},
     Query::kAllowed,
     [](const RouteCall& c) {
       return GetWoonoverlastSeries(c.services.reports, c.actor(), c.request, c.query);
     },
     Lane::kReport,
     [](const RouteCall& c) { return WoonoverlastSeriesReady(c.services.reports, c.query); }},
    {{verb::get, "/api/v1/reports/woonoverlast/{year}", Action::kReadWoonoverlastReport},
     Query::kAllowed,
     [](const RouteCall& c) {
       return GetWoonoverlastReport(c.services.reports, c.actor(), c.request, c.params[0], c.query);
     },
     Lane::kReport,
     [](const RouteCall& c) {
       return WoonoverlastReportReady(c.services.reports, c.params[0], c.query);
     }},
    {{verb::get, "/api/v1/reports/ondermijning/{year}", Action::kReadOndermijningReport},
     Query::kAllowed,
     [](const RouteCall& c) {
       return GetOndermijningReport(c.services.reports, c.actor(), c.request, c.params[0], c.query);
     },
     Lane::kReport,
     [](const RouteCall& c) {
       return OndermijningReportReady(c.services.reports, c.params[0], c.query);
     }},

    {{verb::get, "/api/v1/districts", Action::kReadReferenceData},
     Query::kRefused,
     [](const RouteCall& c) { return GetDistricts(c.services.districts, c.actor(), c.request); }},

    {{verb::get, "/api/v1/openapi.json", std::nullopt},
     Query::kRefused,
     [](const RouteCall& c) {
       return BodyResponse(c.request, http::status::ok, "application/json",
                           std::string(OpenApiDocument()));
     },
     Lane::kIoThread},

    {{verb::get, "/api/v1/audit", Action::kReadAudit},
     Query::kAllowed,
     [](const RouteCall& c) { return GetAudit(c.services.audit, c.actor(), c.request, c.query); }},
};

}  // namespace

std::span<const Route> RouteTable() { return kRoutes; }

}  // namespace casus::web
