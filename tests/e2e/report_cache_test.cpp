// The year reports of the API, cached under the database's data version: the same figures as
// computed afresh, computed again exactly when something they count has changed.

#include <string>

#include <catch2/catch.hpp>

#include "persistence/soci_case_repository.hpp"
#include "running_server.hpp"

namespace casus::e2e {
namespace {

using domain::Role;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"De Leyens","housing_type":"corporatie",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})";

int CorporatieLopend(const Response& report) {
  REQUIRE(report.result() == http::status::ok);
  return Json(report)["totals"]["corporatie"]["lopend"].GetInt();
}

TEST_CASE("A year report is computed once while nothing changes and again after a change",
          "[e2e][reports]") {
  RunningServer running;
  HttpClient team = running.Client(Role::kWoonoverlast);
  HttpClient analist = running.Client(Role::kAnalist);
  REQUIRE(team.Post("/api/v1/cases", kCaseBody).result() == http::status::created);

  const std::uint64_t before = running.services.guarded_reports.Computed();
  CHECK(CorporatieLopend(analist.Get("/api/v1/reports/woonoverlast/2024")) == 1);
  for (int i = 0; i < 5; ++i) {
    CHECK(CorporatieLopend(analist.Get("/api/v1/reports/woonoverlast/2024")) == 1);
  }
  CHECK(running.services.guarded_reports.Computed() - before == 1);

  // A change through the API, and one by another process straight into the file.
  REQUIRE(team.Post("/api/v1/cases", kCaseBody).result() == http::status::created);
  CHECK(CorporatieLopend(analist.Get("/api/v1/reports/woonoverlast/2024")) == 2);
  {
    persistence::Database other(running.file.path(), 1);
    persistence::SociCaseRepository cases(other);
    domain::NewCase fields;
    fields.kind = domain::CaseKind::kWoonoverlast;
    fields.district = "De Leyens";
    fields.housing_type = domain::HousingType::kCorporatie;
    fields.reported_on = domain::Date(2024, 5, 1);
    fields.categories = {domain::NuisanceCategory::kGeluid};
    fields.summary = "Ingevoerd door een ander proces";
    domain::TransitionRecord registration;
    registration.to = domain::CaseState::kGemeld;
    registration.on = fields.reported_on;
    registration.recorded_at = "2025-01-15T12:00:00Z";
    cases.Create(fields, registration);
  }
  CHECK(CorporatieLopend(analist.Get("/api/v1/reports/woonoverlast/2024")) == 3);
  CHECK(running.services.guarded_reports.Computed() - before == 3);

  // Every request is audited, hits included.
  domain::AuditFilter report_rows;
  report_rows.objects = {"reports/woonoverlast/2024"};
  report_rows.limit = 100;
  CHECK(running.audit_trail.Query(report_rows).items.size() == 8);
}

}  // namespace
}  // namespace casus::e2e
