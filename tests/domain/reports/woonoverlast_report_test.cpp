#include "domain/reports/woonoverlast_report.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <vector>

#include "support/disclosure_attacker.hpp"
#include "support/timeline_builder.hpp"

using casus::domain::BuildWoonoverlastReport;
using casus::domain::CaseState;
using casus::domain::CaseTimeline;
using casus::domain::Date;
using casus::domain::HandledBetween;
using casus::domain::HandledIn;
using casus::domain::HousingType;
using casus::domain::LopendAfgerond;
using casus::testing::TimelineBuilder;

namespace {
const std::vector<std::string> kDistricts = {"Centrum", "Meerzicht"};

LopendAfgerond KoopCentrum(const std::vector<CaseTimeline>& timelines, int year = 2024) {
  return BuildWoonoverlastReport(year, kDistricts, timelines).rows.at(0).koop;
}
}  // namespace

TEST_CASE("A case closed on 10 January 2025 still counts as lopend in the 2024 report",
          "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2024-03-01")
                                    .To(CaseState::kLopend, "2024-03-05")
                                    .To(CaseState::kAfgerond, "2025-01-10");
  CHECK(KoopCentrum({timeline}) == LopendAfgerond{1, 0});
  CHECK(KoopCentrum({timeline}, 2025) == LopendAfgerond{0, 1});
}

TEST_CASE("A case reported on 1 January 2025 is absent from the 2024 report",
          "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2025-01-01");
  CHECK_FALSE(HandledIn(timeline, 2024));
  const auto report = BuildWoonoverlastReport(2024, kDistricts, {timeline});
  CHECK(report.totals.Total() == 0);
  CHECK(report.new_in_year == 0);
}

TEST_CASE("A case closed on 31 December 2023 is absent from the 2024 report",
          "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2023-06-01")
                                    .To(CaseState::kLopend, "2023-06-02")
                                    .To(CaseState::kAfgerond, "2023-12-31");
  CHECK_FALSE(HandledIn(timeline, 2024));
  CHECK(KoopCentrum({timeline}) == LopendAfgerond{0, 0});
  CHECK(KoopCentrum({timeline}, 2023) == LopendAfgerond{0, 1});
}

TEST_CASE("A case closed on 1 January 2024 counts as afgerond in 2024", "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2023-06-01")
                                    .To(CaseState::kOntkracht, "2024-01-01");
  CHECK(KoopCentrum({timeline}) == LopendAfgerond{0, 1});
  CHECK(KoopCentrum({timeline}, 2023) == LopendAfgerond{1, 0});
}

TEST_CASE("A case reported on the peildatum itself counts as lopend", "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2024-12-31");
  CHECK(KoopCentrum({timeline}) == LopendAfgerond{1, 0});
}

TEST_CASE("A case closed in 2023 and re-opened in 2024 counts as handled in 2024",
          "[domain][year_report]") {
  const CaseTimeline reopened = TimelineBuilder("Centrum", HousingType::kKoop, "2023-02-01")
                                    .To(CaseState::kLopend, "2023-02-10")
                                    .To(CaseState::kAfgerond, "2023-10-01")
                                    .To(CaseState::kLopend, "2024-05-01");
  CHECK(KoopCentrum({reopened}) == LopendAfgerond{1, 0});

  const CaseTimeline reopened_and_closed =
      TimelineBuilder("Centrum", HousingType::kKoop, "2023-02-01")
          .To(CaseState::kLopend, "2023-02-10")
          .To(CaseState::kAfgerond, "2023-10-01")
          .To(CaseState::kLopend, "2024-05-01")
          .To(CaseState::kAfgerond, "2024-08-01");
  CHECK(KoopCentrum({reopened_and_closed}) == LopendAfgerond{0, 1});
}

TEST_CASE("A case closed in 2024 and re-opened in 2025 is afgerond in the 2024 report",
          "[domain][year_report]") {
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2024-02-01")
                                    .To(CaseState::kLopend, "2024-02-10")
                                    .To(CaseState::kAfgerond, "2024-10-01")
                                    .To(CaseState::kLopend, "2025-03-01");
  CHECK(KoopCentrum({timeline}) == LopendAfgerond{0, 1});
}

TEST_CASE("Handhaving and sluiting count as lopend, ontkracht counts as afgerond",
          "[domain][year_report]") {
  const std::vector<CaseTimeline> timelines = {
      TimelineBuilder("Centrum", HousingType::kKoop, "2024-01-05")
          .To(CaseState::kLopend, "2024-01-06")
          .To(CaseState::kHandhaving, "2024-02-01"),
      TimelineBuilder("Centrum", HousingType::kKoop, "2024-01-05")
          .To(CaseState::kLopend, "2024-01-06")
          .To(CaseState::kHandhaving, "2024-02-01")
          .To(CaseState::kSluiting, "2024-03-01"),
      TimelineBuilder("Centrum", HousingType::kKoop, "2024-01-05")
          .To(CaseState::kOntkracht, "2024-01-20"),
  };
  CHECK(KoopCentrum(timelines) == LopendAfgerond{2, 1});
}

TEST_CASE("Rows follow the reference order, cells split by woningtype, totals add up",
          "[domain][year_report]") {
  const std::vector<CaseTimeline> timelines = {
      TimelineBuilder("Meerzicht", HousingType::kCorporatie, "2024-01-05"),
      TimelineBuilder("Meerzicht", HousingType::kParticulier, "2023-01-05")
          .To(CaseState::kLopend, "2023-02-01")
          .To(CaseState::kAfgerond, "2024-04-01"),
      TimelineBuilder("Centrum", HousingType::kKoop, "2024-07-05"),
      TimelineBuilder("Centrum", HousingType::kCorporatie, "2024-07-05"),
  };
  const auto report = BuildWoonoverlastReport(2024, kDistricts, timelines);
  REQUIRE(report.rows.size() == 2);
  CHECK(report.rows[0].district == "Centrum");
  CHECK(report.rows[0].koop == LopendAfgerond{1, 0});
  CHECK(report.rows[0].corporatie == LopendAfgerond{1, 0});
  CHECK(report.rows[0].Total() == 2);
  CHECK(report.rows[1].district == "Meerzicht");
  CHECK(report.rows[1].corporatie == LopendAfgerond{1, 0});
  CHECK(report.rows[1].particulier == LopendAfgerond{0, 1});
  CHECK(report.totals.district == "Totaal");
  CHECK(report.totals.koop == LopendAfgerond{1, 0});
  CHECK(report.totals.corporatie == LopendAfgerond{2, 0});
  CHECK(report.totals.particulier == LopendAfgerond{0, 1});
  CHECK(report.totals.Total() == 4);
  CHECK(report.new_in_year == 3);
  CHECK(report.peildatum.ToString() == "2024-12-31");
  CHECK(report.previous_year == LopendAfgerond{1, 0});
}

TEST_CASE("A wijk missing from the reference list gets its own row instead of vanishing",
          "[domain][year_report]") {
  const auto report = BuildWoonoverlastReport(
      2024, kDistricts, {TimelineBuilder("Palenstein", HousingType::kKoop, "2024-01-05")});
  REQUIRE(report.rows.size() == 3);
  CHECK(report.rows[2].district == "Palenstein");
  CHECK(report.totals.Total() == 1);
}

TEST_CASE("The CSV has a header, a row per wijk and the Totaal row", "[domain][year_report]") {
  const auto report =
      BuildWoonoverlastReport(2024, kDistricts,
                              {TimelineBuilder("Centrum", HousingType::kKoop, "2024-01-05"),
                               TimelineBuilder("Meerzicht", HousingType::kParticulier, "2024-01-05")
                                   .To(CaseState::kOntkracht, "2024-02-01")});
  CHECK(casus::domain::WoonoverlastReportCsv(report) ==
        "name,koop_lopend,koop_afgerond,corporatie_lopend,corporatie_afgerond,"
        "particulier_lopend,particulier_afgerond,total\n"
        "Centrum,1,0,0,0,0,0,1\n"
        "Meerzicht,0,0,0,0,0,1,1\n"
        "Totaal,1,0,0,0,0,1,2\n");
}

TEST_CASE("Suppressed cells show a marker while the totals stay true", "[domain][year_report]") {
  std::vector<CaseTimeline> timelines;
  for (int i = 0; i < 6; ++i)
    timelines.push_back(TimelineBuilder("Centrum", HousingType::kKoop, "2024-01-05"));
  timelines.push_back(TimelineBuilder("Centrum", HousingType::kCorporatie, "2024-01-05"));
  timelines.push_back(TimelineBuilder("Meerzicht", HousingType::kCorporatie, "2024-01-05"));
  const auto report = BuildWoonoverlastReport(2024, kDistricts, timelines);
  CHECK(casus::domain::WoonoverlastReportCsv(report, {5}) ==
        "name,koop_lopend,koop_afgerond,corporatie_lopend,corporatie_afgerond,"
        "particulier_lopend,particulier_afgerond,total\n"
        "Centrum,6,0,<5,0,0,0,7\n"
        "Meerzicht,0,0,<5,0,0,0,1\n"
        "Totaal,6,0,2,0,0,0,8\n");
  CHECK(casus::domain::WoonoverlastReportCsv(report, {1}) ==
        casus::domain::WoonoverlastReportCsv(report));
}

TEST_CASE("Handled in a period: open at its start, or re-opened within it",
          "[domain][year_report]") {
  // Reported in 2023, closed on 20 February 2024, re-opened on 15 May 2024.
  const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2023-11-01")
                                    .To(CaseState::kLopend, "2023-11-02")
                                    .To(CaseState::kAfgerond, "2024-02-20")
                                    .To(CaseState::kLopend, "2024-05-15");
  const auto q = [&](const char* from, const char* to) {
    return HandledBetween(timeline, *Date::Parse(from), *Date::Parse(to));
  };
  CHECK(q("2024-01-01", "2024-03-31"));        // Q1: open at its start
  CHECK_FALSE(q("2024-04-01", "2024-05-14"));  // closed before, not yet re-opened
  CHECK(q("2024-04-01", "2024-06-30"));        // Q2: re-opened within it
  CHECK(q("2024-02-21", "2024-05-15"));        // re-opened on its last day
  CHECK_FALSE(q("2023-01-01", "2023-10-31"));  // before it was reported
  CHECK(q("2023-11-01", "2023-11-01"));        // the day it was reported
  CHECK(HandledIn(timeline, 2024) == q("2024-01-01", "2024-12-31"));
}

TEST_CASE("A period of one calendar year is that year, for every casus of a random history",
          "[domain][year_report]") {
  // HandledIn is the year's HandledBetween; pin that the year boundaries fall the same way as
  // "any transition in the year" for histories crossing them.
  for (const char* closed_on : {"2023-12-31", "2024-01-01", "2024-12-31", "2025-01-01"}) {
    for (const char* reopened_on : {"2024-01-01", "2024-06-30", "2024-12-31", "2025-01-01"}) {
      if (std::string(reopened_on) < closed_on) continue;
      const CaseTimeline timeline = TimelineBuilder("Centrum", HousingType::kKoop, "2023-03-01")
                                        .To(CaseState::kLopend, "2023-03-02")
                                        .To(CaseState::kAfgerond, closed_on)
                                        .To(CaseState::kLopend, reopened_on);
      INFO(closed_on << " / " << reopened_on);
      const bool closed_before = std::string(closed_on) < "2024-01-01";
      const bool reopened_in = std::string(reopened_on) <= "2024-12-31";
      CHECK(HandledIn(timeline, 2024) == (!closed_before || reopened_in));
    }
  }
}

namespace {

// Tabel 5.1 of the leak in issue #11: Noordhove reads 8,1,0,1,0,0 (total 10), beside two
// wijken of larger counts.
std::vector<CaseTimeline> NoordhoveTimelines() {
  std::vector<CaseTimeline> timelines;
  const auto add = [&](const char* district, HousingType type, bool closed, int count) {
    for (int i = 0; i < count; ++i) {
      TimelineBuilder builder(district, type, "2024-02-01");
      builder.To(CaseState::kLopend, "2024-02-02");
      if (closed) builder.To(CaseState::kAfgerond, "2024-06-01");
      timelines.push_back(builder);
    }
  };
  add("Noordhove", HousingType::kKoop, false, 8);
  add("Noordhove", HousingType::kKoop, true, 1);
  add("Noordhove", HousingType::kCorporatie, true, 1);
  add("Centrum", HousingType::kKoop, false, 6);
  add("Centrum", HousingType::kKoop, true, 5);
  add("Centrum", HousingType::kCorporatie, false, 7);
  add("Centrum", HousingType::kCorporatie, true, 9);
  add("Centrum", HousingType::kParticulier, false, 6);
  add("Centrum", HousingType::kParticulier, true, 7);
  add("Meerzicht", HousingType::kKoop, false, 12);
  add("Meerzicht", HousingType::kKoop, true, 8);
  add("Meerzicht", HousingType::kCorporatie, true, 6);
  add("Meerzicht", HousingType::kParticulier, true, 3);
  return timelines;
}

// The CSV as the attacker reads it: the marker's cells unknown, the total column and the
// Totaal row the equations.
casus::testing::PublishedTable ReadCsv(const std::string& csv) {
  casus::testing::PublishedTable table;
  std::istringstream lines(csv);
  std::string line;
  std::getline(lines, line);  // header
  while (std::getline(lines, line)) {
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string field; std::getline(cells, field, ',');) fields.push_back(field);
    REQUIRE(fields.size() == 8);
    if (fields[0] == "Totaal") {
      for (int c = 1; c <= 6; ++c) table.column_totals.push_back(std::stoi(fields[c]));
      continue;
    }
    table.cells.emplace_back();
    for (int c = 1; c <= 6; ++c) {
      table.cells.back().push_back(fields[c][0] == '<' ? std::nullopt
                                                       : std::optional(std::stoi(fields[c])));
    }
    table.row_totals.push_back(std::stoi(fields[7]));
  }
  return table;
}

}  // namespace

TEST_CASE("Noordhove's two hidden ones can no longer be read off its row total",
          "[domain][year_report][suppression]") {
  const std::vector<std::string> districts = {"Noordhove", "Centrum", "Meerzicht"};
  const auto report = BuildWoonoverlastReport(2024, districts, NoordhoveTimelines());
  REQUIRE(report.rows[0].Total() == 10);
  const std::string csv = casus::domain::WoonoverlastReportCsv(report, {5});
  // The 8 goes too: 10 - 8 = 2 for two cells of at least 1 gave both away.
  CHECK_THAT(csv, Catch::Contains("Noordhove,<5,<5,0,<5,0,0,10\n"));
  CHECK_THAT(csv, Catch::Contains("Totaal,26,14,7,16,6,10,79\n"));

  const auto published = ReadCsv(csv);
  casus::testing::DisclosureAttacker attacker;
  int small = 0;
  for (std::size_t r = 0; r < report.rows.size(); ++r) {
    const auto& row = report.rows[r];
    const std::vector<int> truth = {row.koop.lopend,        row.koop.afgerond,
                                    row.corporatie.lopend,  row.corporatie.afgerond,
                                    row.particulier.lopend, row.particulier.afgerond};
    for (std::size_t c = 0; c < truth.size(); ++c) {
      if (truth[c] >= 1 && truth[c] < 5) {
        ++small;
        REQUIRE_FALSE(published.cells[r][c].has_value());
        CHECK(attacker.CanDiffer(published, r, c, truth[c]));
      }
    }
  }
  CHECK(small == 3);
  // The period report of the same year hides the same cells.
  const auto period = casus::domain::BuildWoonoverlastPeriodReport(
      casus::domain::ReportPeriod::Year(2024), casus::domain::ReportDistrictsOf(districts),
      NoordhoveTimelines());
  CHECK(casus::domain::WoonoverlastPeriodReportCsv(period, {5}) == csv);
  CHECK(casus::domain::WoonoverlastReportCsv(report, {1}) ==
        casus::domain::WoonoverlastReportCsv(report));
}
