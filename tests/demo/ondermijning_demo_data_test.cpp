#include "demo/ondermijning_demo_data.hpp"

#include <catch2/catch.hpp>

#include "domain/reports/ondermijning_report_service.hpp"
#include "support/in_memory_activity_repository.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"

using namespace casus::domain;  // NOLINT: test file
using namespace casus::demo;    // NOLINT: test file

namespace {
struct OndermijningSeeded {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signals{cases};
  casus::testing::InMemoryActivityRepository activities;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2026, 11, 29)};
  CaseService case_service{cases, districts, clock};
  SignalService signal_service{signals, cases, case_service, clock};
  ActivityService activity_service{activities, cases, clock};
  OndermijningReportService reports{signals, cases, activities};
  DemoSeedSummary summary =
      SeedOndermijningDemoData(case_service, signal_service, activity_service);
};

int SourceCount(const OndermijningFigures& f, SignalSource source, bool percent) {
  for (const auto& [s, share] : f.signals.by_source) {
    if (s == source) return percent ? share.percent : share.count;
  }
  return -1;
}
}  // namespace

TEST_CASE_METHOD(OndermijningSeeded, "The demo data reproduces the 2024 ondermijning figures",
                 "[domain][demo][ondermijning]") {
  const auto f = reports.YearReport(2024).figures;
  CHECK(f.signals.total == 177);
  CHECK(SourceCount(f, SignalSource::kMma, false) == 122);
  CHECK(SourceCount(f, SignalSource::kMma, true) == 69);
  CHECK(SourceCount(f, SignalSource::kMeldpunt, true) == 8);
  CHECK(SourceCount(f, SignalSource::kPartner, true) == 18);
  CHECK(SourceCount(f, SignalSource::kOverig, true) == 5);
  CHECK(f.cases.handled == 20);
  CHECK(f.cases.started_before_year == 15);
  CHECK(f.cases.started_in_year == 5);
  CHECK(f.cases.closed == 14);
  CHECK(f.cases.continuing == 6);
  CHECK(f.cases.outcomes.ontkracht == 5);
  CHECK(f.cases.outcomes.onvoldoende_aanknopingspunten == 1);
  CHECK(f.cases.outcomes.handhaving == 8);
  CHECK(f.cases.outcomes.sluiting == 3);
  CHECK(f.activities.control_days == 6);
  CHECK(f.activities.companies_checked == 27);
  CHECK(f.activities.knock_and_talk == 30);
}

TEST_CASE_METHOD(OndermijningSeeded, "Drugs, prostitutie and witwassen are the top themes",
                 "[domain][demo][ondermijning]") {
  auto themes = reports.YearReport(2024).figures.signals.by_theme;
  std::stable_sort(themes.begin(), themes.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  CHECK(themes[0].first == Theme::kDrugs);
  CHECK(themes[1].first == Theme::kProstitutie);
  CHECK(themes[2].first == Theme::kWitwassen);
}

TEST_CASE_METHOD(OndermijningSeeded, "The demo data leaves mma signals anonymous and some open",
                 "[domain][demo][ondermijning]") {
  SignalFilter filter;
  filter.limit = 500;
  int open = 0, linked = 0, dismissed = 0;
  for (std::optional<SignalId> after;;) {
    filter.after = after;
    const auto page = signal_service.List(filter);
    for (const auto& s : page.items) {
      if (s.source == SignalSource::kMma) CHECK_FALSE(s.reporter.has_value());
      open += s.status == SignalStatus::kOpen;
      linked += s.status == SignalStatus::kLinked;
      dismissed += s.status == SignalStatus::kDismissed;
    }
    if (!page.next) break;
    after = page.next;
  }
  CHECK(open > 0);
  CHECK(linked > summary.cases);  // several signals feed one casus
  CHECK(dismissed > 0);
}
