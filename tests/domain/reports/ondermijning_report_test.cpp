#include "domain/reports/ondermijning_report.hpp"

#include <catch2/catch.hpp>
#include <numeric>

#include "support/timeline_builder.hpp"

using namespace casus::domain;  // NOLINT: test file
using casus::testing::TimelineBuilder;

TEST_CASE("Percentages of 177 signals by source are 69/8/18/5", "[domain][ondermijning]") {
  CHECK(LargestRemainderPercentages({122, 14, 32, 9}) == std::vector<int>{69, 8, 18, 5});
}

TEST_CASE("Percentages add up to 100 where naive rounding would not", "[domain][ondermijning]") {
  // Naive rounding: 33+33+33 = 99.
  CHECK(LargestRemainderPercentages({1, 1, 1}) == std::vector<int>{34, 33, 33});
  // Naive rounding: 17+17+17+17+17+17 = 102 (16.67 each).
  CHECK(LargestRemainderPercentages({1, 1, 1, 1, 1, 1}) ==
        std::vector<int>{17, 17, 17, 17, 16, 16});
  // Naive rounding of 2/8 = 12.5 and 1/8 = 12.5 up: 13+13+13+63 = 102... largest remainder:
  CHECK(LargestRemainderPercentages({1, 1, 1, 5}) == std::vector<int>{13, 13, 12, 62});
  for (const auto& counts : std::vector<std::vector<int>>{
           {7, 7, 7}, {2, 2, 2, 1}, {1, 0, 0, 0}, {3, 5, 11, 13}, {999, 1, 1, 1}}) {
    const auto percents = LargestRemainderPercentages(counts);
    CHECK(std::accumulate(percents.begin(), percents.end(), 0) == 100);
  }
  CHECK(LargestRemainderPercentages({0, 0, 0, 0}) == std::vector<int>{0, 0, 0, 0});
}

namespace {
CaseTimeline Ondermijning(TimelineBuilder builder) {
  auto timeline = builder.Build();
  timeline.housing_type.reset();
  return timeline;
}
TimelineBuilder Case(const char* reported_on) {
  return TimelineBuilder("Centrum", HousingType::kKoop, reported_on);
}
}  // namespace

TEST_CASE("Outcomes come from the history up to the peildatum", "[domain][ondermijning]") {
  std::vector<CaseTimeline> timelines = {
      // ontkracht
      Ondermijning(Case("2023-05-01").To(CaseState::kOntkracht, "2024-02-01")),
      // enforced and closed down
      Ondermijning(Case("2023-05-01")
                       .To(CaseState::kLopend, "2023-06-01")
                       .To(CaseState::kHandhaving, "2023-09-01")
                       .To(CaseState::kSluiting, "2023-10-01")
                       .To(CaseState::kAfgerond, "2024-04-01")),
      // enforced only
      Ondermijning(Case("2024-01-10")
                       .To(CaseState::kLopend, "2024-01-11")
                       .To(CaseState::kHandhaving, "2024-03-01")
                       .To(CaseState::kAfgerond, "2024-06-01")),
      // continuing: closed only in 2025
      Ondermijning(Case("2024-03-10")
                       .To(CaseState::kLopend, "2024-03-11")
                       .To(CaseState::kAfgerond, "2025-01-10")),
      // closed before 2024: not handled in 2024
      Ondermijning(Case("2022-03-10").To(CaseState::kOntkracht, "2023-03-11")),
  };
  auto onvoldoende = Ondermijning(Case("2023-02-01")
                                      .To(CaseState::kLopend, "2023-02-02")
                                      .To(CaseState::kAfgerond, "2024-05-05"));
  onvoldoende.history.back().result = CloseResult::kOnvoldoendeAanknopingspunten;
  timelines.push_back(onvoldoende);

  const auto figures = BuildOndermijningFigures(2024, {}, timelines, {});
  CHECK(figures.cases.handled == 5);
  CHECK(figures.cases.started_before_year == 3);
  CHECK(figures.cases.started_in_year == 2);
  CHECK(figures.cases.closed == 4);
  CHECK(figures.cases.continuing == 1);
  CHECK(figures.cases.outcomes ==
        OndermijningOutcomes{
            .ontkracht = 1, .onvoldoende_aanknopingspunten = 1, .handhaving = 2, .sluiting = 1});
}

TEST_CASE("Enforcement before a re-opening does not count for a later closure",
          "[domain][ondermijning]") {
  const auto timeline = Ondermijning(Case("2024-01-02")
                                         .To(CaseState::kLopend, "2024-01-03")
                                         .To(CaseState::kHandhaving, "2024-02-01")
                                         .To(CaseState::kAfgerond, "2024-03-01")
                                         .To(CaseState::kLopend, "2024-04-01")
                                         .To(CaseState::kOntkracht, "2024-05-01"));
  const auto figures = BuildOndermijningFigures(2024, {}, {timeline}, {});
  CHECK(figures.cases.outcomes == OndermijningOutcomes{.ontkracht = 1});
}

TEST_CASE("Signals and activities count in the year they happened", "[domain][ondermijning]") {
  const std::vector<SignalFacts> signals = {
      {1, Date(2023, 12, 31), SignalSource::kMma, {Theme::kDrugs}},
      {2, Date(2024, 1, 1), SignalSource::kMma, {Theme::kDrugs, Theme::kWitwassen}},
      {3, Date(2024, 12, 31), SignalSource::kPartner, {Theme::kProstitutie}},
      {4, Date(2025, 1, 1), SignalSource::kOverig, {Theme::kDrugs}},
  };
  Activity day;
  day.type = ActivityType::kControlDay;
  day.on = Date(2024, 3, 1);
  day.companies_checked = 5;
  Activity other_day = day;
  other_day.on = Date(2023, 3, 1);
  Activity talk;
  talk.type = ActivityType::kKnockAndTalk;
  talk.on = Date(2024, 5, 1);
  Activity heit;
  heit.type = ActivityType::kHeitControl;
  heit.on = Date(2024, 6, 1);

  const auto report = BuildOndermijningReport(2024, signals, {}, {day, other_day, talk, heit});
  const auto& f = report.figures;
  CHECK(f.signals.total == 2);
  CHECK(f.signals.by_source[0] == std::pair{SignalSource::kMma, SourceShare{1, 50}});
  CHECK(f.signals.by_source[2] == std::pair{SignalSource::kPartner, SourceShare{1, 50}});
  CHECK(f.signals.by_theme[0] == std::pair{Theme::kDrugs, 1});
  CHECK(f.signals.by_theme[2] == std::pair{Theme::kWitwassen, 1});
  CHECK(f.activities.control_days == 1);
  CHECK(f.activities.companies_checked == 5);
  CHECK(f.activities.knock_and_talk == 1);
  CHECK(f.activities.heit_controls == 1);
  CHECK(report.previous_year.year == 2023);
  CHECK(report.previous_year.signals.total == 1);
  CHECK(report.previous_year.activities.control_days == 1);
}

TEST_CASE("The ondermijning CSV is section,key,value rows", "[domain][ondermijning]") {
  const auto csv = OndermijningReportCsv(BuildOndermijningReport(
      2024, {{1, Date(2024, 2, 1), SignalSource::kMma, {Theme::kDrugs}}}, {}, {}));
  CHECK(csv.rfind("section,key,value\nreport,year,2024\nreport,peildatum,2024-12-31\n", 0) == 0);
  CHECK(csv.find("\nsignals,total,1\n") != std::string::npos);
  CHECK(csv.find("\nsignals.by_source.mma,percent,100\n") != std::string::npos);
  CHECK(csv.find("\ncases.outcomes,sluiting,0\n") != std::string::npos);
  CHECK(csv.find("\nprevious_year.signals,total,0\n") != std::string::npos);
}
