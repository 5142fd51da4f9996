#include "demo/demo_data_set.hpp"

#include <catch2/catch.hpp>

#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"
#include "support/in_memory_case_repository.hpp"

using namespace casus::domain;  // NOLINT: test file
using namespace casus::demo;    // NOLINT: test file

namespace {
struct SeededFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2026, 11, 29)};
  CaseService service{cases, districts, clock};
  DemoSeedSummary summary = SeedDemoData(service);
};
}  // namespace

TEST_CASE_METHOD(SeededFixture, "The demo data set reproduces Tabel 5.1 of 2024 cell for cell",
                 "[domain][demo]") {
  const auto report = service.WoonoverlastYearReport(2024);
  // The seed's table, typed in from the annual report (not from kPublishedTabel51).
  const std::vector<std::vector<int>> expected = {
      {6, 3, 10, 5, 5, 2, 31}, {4, 6, 24, 9, 3, 0, 46}, {0, 6, 24, 6, 0, 0, 36},
      {0, 0, 8, 3, 0, 1, 12},  {8, 3, 14, 9, 0, 1, 35}, {8, 1, 0, 1, 0, 0, 10},
      {5, 4, 8, 5, 0, 1, 23},  {3, 1, 11, 1, 1, 0, 17}, {34, 24, 99, 39, 9, 5, 210}};
  const std::vector<std::string> names = {"Centrum",   "Meerzicht",  "Buytenwegh",
                                          "De Leyens", "Seghwaert",  "Noordhove",
                                          "Rokkeveen", "Oosterheem", "Totaal"};
  REQUIRE(report.rows.size() == 8);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const auto& row = i < 8 ? report.rows[i] : report.totals;
    INFO(names[i]);
    CHECK(row.district == names[i]);
    CHECK(std::vector<int>{row.koop.lopend, row.koop.afgerond, row.corporatie.lopend,
                           row.corporatie.afgerond, row.particulier.lopend,
                           row.particulier.afgerond, row.Total()} == expected[i]);
  }
}

TEST_CASE_METHOD(SeededFixture, "The demo data set exercises the peildatum rule",
                 "[domain][demo]") {
  const auto timelines = cases.Timelines(CaseKind::kWoonoverlast, Date(2026, 1, 1));
  int closed_only_in_2025 = 0, reopened = 0, reported_2025 = 0, closed_2023 = 0;
  for (const auto& t : timelines) {
    const auto end_2024 = t.StateAt(Date(2024, 12, 31));
    const auto end_2025 = t.StateAt(Date(2025, 12, 31));
    if (end_2024 && !IsClosed(*end_2024) && end_2025 && IsClosed(*end_2025)) ++closed_only_in_2025;
    if (t.reported_on.year() == 2025) ++reported_2025;
    if (!HandledIn(t, 2024) && t.reported_on.year() < 2024) ++closed_2023;
    for (const auto& r : t.history) {
      if (r.from && IsClosed(*r.from)) ++reopened;
    }
  }
  CHECK(closed_only_in_2025 > 10);
  CHECK(reopened > 0);
  CHECK(reported_2025 > 0);
  CHECK(closed_2023 > 0);
  CHECK(summary.cases == static_cast<int>(timelines.size()));
  CHECK(summary.transitions > summary.cases);
}

TEST_CASE_METHOD(SeededFixture, "The demo data set refuses to seed a second time",
                 "[domain][demo]") {
  CHECK_THROWS_AS(SeedDemoData(service), DomainError);
}

TEST_CASE("The demo data set is the same on every run", "[domain][demo]") {
  auto seed = [] {
    casus::testing::InMemoryCaseRepository cases;
    casus::testing::FixedDistrictRepository districts;
    FixedClock clock{Date(2026, 11, 29)};
    CaseService service{cases, districts, clock};
    SeedDemoData(service);
    std::vector<std::string> fingerprint;
    for (const auto& t : cases.Timelines(CaseKind::kWoonoverlast, Date(2026, 1, 1))) {
      std::string line = t.reported_on.ToString() + *t.district;
      for (const auto& r : t.history) line += std::string(Name(r.to)) + r.on.ToString();
      fingerprint.push_back(line);
    }
    return fingerprint;
  };
  CHECK(seed() == seed());
}
