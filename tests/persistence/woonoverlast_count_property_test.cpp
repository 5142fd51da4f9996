// Property: Tabel 5.1 from the database's aggregation (SociCaseRepository::WoonoverlastCounts
// over the closures the triggers keep) equals, cell for cell, Tabel 5.1 by the domain's
// definition (BuildWoonoverlastReport over every timeline), for thousands of random casussen
// with random histories, for years and any periods; and the ondermijning figures counted from
// the streamed casussen equal those from every casus.

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/cases/lifecycle.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/ondermijning_tally.hpp"
#include "domain/reports/woonoverlast_count.hpp"
#include "domain/reports/woonoverlast_report.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_district_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseState;
using domain::Date;

void CheckSameReport(const domain::WoonoverlastReport& fast,
                     const domain::WoonoverlastReport& defined) {
  CHECK(fast.year == defined.year);
  CHECK(fast.peildatum == defined.peildatum);
  REQUIRE(fast.rows.size() == defined.rows.size());
  for (std::size_t i = 0; i < fast.rows.size(); ++i) {
    INFO("row " << defined.rows[i].district);
    CHECK(fast.rows[i] == defined.rows[i]);
  }
  CHECK(fast.totals == defined.totals);
  CHECK(fast.new_in_year == defined.new_in_year);
  CHECK(fast.previous_year == defined.previous_year);
}

void CheckSameCases(const domain::OndermijningFigures& actual,
                    const domain::OndermijningFigures& expected) {
  CHECK(actual.cases.handled == expected.cases.handled);
  CHECK(actual.cases.started_before_year == expected.cases.started_before_year);
  CHECK(actual.cases.started_in_year == expected.cases.started_in_year);
  CHECK(actual.cases.closed == expected.cases.closed);
  CHECK(actual.cases.continuing == expected.cases.continuing);
  CHECK(actual.cases.outcomes == expected.cases.outcomes);
}

// Random casussen: reported 2018-2025, moved along the lifecycle table by steps of 0 to 500
// days (same-day moves, closures and re-openings on year boundaries included), a fifth of them
// without a wijk, a few ondermijning ones among them (which the table must ignore). With
// `corrections`, a quarter of the woonoverlast casussen is then corrected (PATCH): another wijk
// (or none), woningtype and reported_on, the latter anywhere from 400 days earlier up to the
// date of its first transition, as CaseService allows.
void Populate(SociCaseRepository& cases, const std::vector<std::string>& districts,
              std::mt19937& random, int count, bool corrections = true) {
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const Date first(2018, 1, 1);
  for (int i = 0; i < count; ++i) {
    domain::NewCase fields =
        testing::Woonoverlast(districts[pick(static_cast<int>(districts.size()))],
                              static_cast<domain::HousingType>(pick(3)), "2018-01-01");
    if (pick(5) == 0) fields.district.reset();
    if (pick(20) == 0) fields = testing::Ondermijning();
    // Year boundaries are where the rules bite: a tenth of the dates fall on 31 Dec or 1 Jan.
    const auto random_day = [&](Date from, int span) {
      Date day = from.AddDays(pick(span));
      if (pick(10) == 0) day = pick(2) ? Date::LastDayOfYear(day.year()) : Date(day.year(), 1, 1);
      return day < from ? from : day;
    };
    fields.reported_on = random_day(first, 8 * 365);
    if (fields.reported_on > Date(2025, 12, 31)) fields.reported_on = Date(2025, 12, 31);
    const domain::Casus casus = cases.Create(fields, testing::Registration(fields));

    CaseState state = CaseState::kGemeld;
    Date on = fields.reported_on;
    std::int64_t version = casus.version;
    const int moves = pick(7);
    for (int m = 0; m < moves; ++m) {
      const auto targets = domain::AllowedTargets(state);
      const CaseState to = targets[pick(static_cast<int>(targets.size()))];
      on = pick(4) == 0 ? on : random_day(on, 500);
      if (on > Date(2026, 6, 30)) break;
      domain::TransitionRecord record = testing::Move(state, to, "2000-01-01");
      record.on = on;
      if (domain::IsReopening(state, to)) record.reason = "heropend";
      if (to == CaseState::kAfgerond) record.result = domain::CloseResult::kOpgelost;
      REQUIRE(cases.AppendTransition(casus.id, version, record));
      ++version;
      state = to;
    }
    if (corrections && fields.kind == domain::CaseKind::kWoonoverlast && pick(4) == 0) {
      const domain::Casus before = *cases.Find(casus.id);
      domain::Casus corrected = before;
      corrected.district = districts[pick(static_cast<int>(districts.size()))];
      if (pick(5) == 0) corrected.district.reset();
      corrected.housing_type = static_cast<domain::HousingType>(pick(3));
      const auto history = cases.History(casus.id);
      const Date latest = history.size() >= 2 ? history[1].on : Date(2025, 12, 31);
      Date earliest = fields.reported_on.AddDays(-400);
      if (earliest < first) earliest = first;
      Date day = earliest;
      for (int tries = 0; tries < 20; ++tries) {
        day = random_day(earliest, 800);
        if (!(latest < day)) break;
        day = latest;
      }
      corrected.reported_on = day;
      auto changes = domain::ChangedFields(before, corrected);
      for (auto& change : changes) {
        change.reason = "correctie";
        change.who = "property";
        change.at = "2026-01-01T00:00:00Z";
      }
      if (!changes.empty()) REQUIRE(cases.Correct(corrected, before.version, changes));
    }
  }
}

// A random period in 2017-2026, a day to `max_days` long.
domain::ReportPeriod RandomPeriod(std::mt19937& random, int max_days) {
  const Date from = Date(2017, 1, 1).AddDays(static_cast<int>(random() % (10 * 365)));
  return {from, from.AddDays(static_cast<int>(random() % static_cast<unsigned>(max_days)))};
}

TEST_CASE("Tabel 5.1 from the database's aggregation equals Tabel 5.1 by definition",
          "[persistence][reports][property]") {
  testing::TempDatabase db;
  SociCaseRepository cases(db.database);
  SociDistrictRepository district_store(db.database);
  const std::vector<std::string> districts = domain::NamesOf(district_store.All());
  REQUIRE_FALSE(districts.empty());
  std::mt19937 random(20241231);
  Populate(cases, districts, random, 3000);
  // A wijk renamed and one retired along the way: both ways must name and keep the rows alike.
  auto wijken = district_store.All();
  wijken[0].former_names.push_back({wijken[0].name, Date(2020, 6, 30)});
  wijken[0].name = "Stadshart";
  wijken[5].retired_on = Date(2021, 7, 1);
  district_store.Store(wijken);

  for (int year = 2017; year <= 2027; ++year) {
    INFO("year " << year);
    const auto roster = domain::ReportDistrictsOn(district_store.All(), Date::LastDayOfYear(year));
    const auto defined = domain::BuildWoonoverlastReport(
        year, roster, cases.Timelines(domain::CaseKind::kWoonoverlast, Date::LastDayOfYear(year)));
    const auto fast = domain::BuildWoonoverlastReportFromCounts(
        year, roster,
        cases.WoonoverlastCounts(domain::ReportPeriod::Year(year),
                                 domain::ReportPeriod::Year(year - 1)));
    CheckSameReport(fast, defined);
  }
}

TEST_CASE("Tabel 5.1 of any period from the database's aggregation equals it by definition",
          "[persistence][reports][property]") {
  testing::TempDatabase db;
  SociCaseRepository cases(db.database);
  const std::vector<std::string> districts =
      domain::NamesOf(SociDistrictRepository(db.database).All());
  std::mt19937 random(20240430);
  Populate(cases, districts, random, 3000);
  const auto timelines = cases.Timelines(domain::CaseKind::kWoonoverlast, Date(2030, 12, 31));
  for (int i = 0; i < 40; ++i) {
    // A day to four years, starting anywhere from 2017 to 2026; every fourth on a quarter.
    domain::ReportPeriod period = RandomPeriod(random, 4 * 365);
    if (i % 4 == 0) {
      const Date quarter(period.from.year(), 1 + 3 * ((period.from.month() - 1) / 3), 1);
      period = {quarter, period.to};
    }
    INFO("period " << period.from.ToString() << " to " << period.to.ToString());
    const auto roster = domain::ReportDistrictsOf(districts);
    const auto defined = domain::BuildWoonoverlastPeriodReport(period, roster, timelines);
    const auto fast = domain::BuildWoonoverlastPeriodReportFromCounts(
        period, roster, cases.WoonoverlastCounts(period, period));
    REQUIRE(fast.rows.size() == defined.rows.size());
    for (std::size_t r = 0; r < fast.rows.size(); ++r) CHECK(fast.rows[r] == defined.rows[r]);
    CHECK(fast.totals == defined.totals);
    CHECK(fast.new_in_period == defined.new_in_period);
    // And the counts behind it, with a previous period anywhere.
    const domain::ReportPeriod previous = RandomPeriod(random, 2 * 365);
    CHECK(domain::Normalized(cases.WoonoverlastCounts(period, previous)) ==
          domain::CountWoonoverlast(timelines, period, previous));
  }
}

TEST_CASE(
    "The ondermijning figures from the casussen active since the year before equal those "
    "from every casus",
    "[persistence][reports][property]") {
  testing::TempDatabase db;
  SociCaseRepository cases(db.database);
  const std::vector<std::string> districts =
      domain::NamesOf(SociDistrictRepository(db.database).All());
  std::mt19937 random(31);
  Populate(cases, districts, random, 3000);  // every twentieth an ondermijning casus
  for (int year = 2018; year <= 2026; ++year) {
    INFO("year " << year);
    const Date peildatum = Date::LastDayOfYear(year);
    const auto all = cases.Timelines(domain::CaseKind::kOndermijning, peildatum);
    const auto active = cases.TimelinesActiveSince(domain::CaseKind::kOndermijning,
                                                   Date(year - 1, 1, 1), peildatum);
    CHECK(active.size() <= all.size());
    for (const int figures_year : {year - 1, year}) {
      const auto expected = domain::BuildOndermijningFigures(figures_year, {}, all, {});
      const auto actual = domain::BuildOndermijningFigures(figures_year, {}, active, {});
      CheckSameCases(actual, expected);
    }
  }
}

TEST_CASE(
    "The ondermijning figures of any period counted from the streamed casussen equal those "
    "from every casus",
    "[persistence][reports][property]") {
  testing::TempDatabase db;
  SociCaseRepository cases(db.database);
  const std::vector<std::string> districts =
      domain::NamesOf(SociDistrictRepository(db.database).All());
  std::mt19937 random(4);
  Populate(cases, districts, random, 3000);
  const auto all = cases.Timelines(domain::CaseKind::kOndermijning, Date(2030, 12, 31));
  for (int i = 0; i < 30; ++i) {
    const domain::ReportPeriod period = RandomPeriod(random, 3 * 365);
    INFO("period " << period.from.ToString() << " to " << period.to.ToString());
    const auto expected = domain::BuildOndermijningFigures(period, {}, all, {});
    domain::OndermijningTally tally(period);
    int visited = 0;
    cases.VisitTimelinesActiveSince(domain::CaseKind::kOndermijning, period.from, period.to,
                                    [&](const domain::CaseTimeline& timeline) {
                                      ++visited;
                                      tally.Add(timeline);
                                    });
    const auto actual = tally.Figures();
    CHECK(visited <= static_cast<int>(all.size()));
    CheckSameCases(actual, expected);
  }
}

TEST_CASE("Each casus's counts from the database are its counts by definition, for any periods",
          "[persistence][reports][property]") {
  // Casus by casus: one casus in the database at a time, for calendar years and for random
  // pairs of periods (the previous one anywhere, even overlapping or later).
  std::mt19937 random(7);
  std::vector<std::pair<domain::ReportPeriod, domain::ReportPeriod>> periods;
  for (int year = 2018; year <= 2026; ++year) {
    periods.push_back({domain::ReportPeriod::Year(year), domain::ReportPeriod::Year(year - 1)});
  }
  for (int i = 0; i < 20; ++i) {
    periods.push_back({RandomPeriod(random, 3 * 365), RandomPeriod(random, 3 * 365)});
  }
  for (int round = 0; round < 60; ++round) {
    testing::TempDatabase db;
    SociCaseRepository cases(db.database);
    const std::vector<std::string> districts =
        domain::NamesOf(SociDistrictRepository(db.database).All());
    Populate(cases, districts, random, 1);
    const auto timelines =
        cases.Timelines(domain::CaseKind::kWoonoverlast, Date::LastDayOfYear(2030));
    for (const auto& [period, previous] : periods) {
      INFO("round " << round << ", period " << period.from.ToString() << " to "
                    << period.to.ToString() << ", previous " << previous.from.ToString() << " to "
                    << previous.to.ToString());
      CHECK(domain::Normalized(cases.WoonoverlastCounts(period, previous)) ==
            domain::CountWoonoverlast(timelines, period, previous));
    }
  }
}

TEST_CASE("Closures recorded before the migration that keeps them are derived from the history",
          "[persistence][reports][migrations]") {
  // A database as it was before schema 009, filled, then migrated: the closures come from
  // the transitions already there, and the triggers take over from then on.
  testing::TempDatabasePath file;
  Database database(file.path(), 2);
  const auto migrations = EmbeddedMigrations();
  const auto before = std::find_if(migrations.begin(), migrations.end(),
                                   [](const Migration& m) { return m.version == 9; });
  REQUIRE(before != migrations.end());
  Migrate(database, {migrations.begin(), before});
  SociCaseRepository cases(database);
  const std::vector<std::string> districts = {"Centrum",   "Meerzicht", "Buytenwegh", "De Leyens",
                                              "Seghwaert", "Noordhove", "Rokkeveen",  "Oosterheem"};
  std::mt19937 random(2009);
  Populate(cases, districts, random, 500, false);  // corrections need schema 011
  REQUIRE(Migrate(database) >= 1);
  Populate(cases, districts, random, 500);

  const auto timelines = cases.Timelines(domain::CaseKind::kWoonoverlast, Date(2030, 12, 31));
  for (int year = 2018; year <= 2026; ++year) {
    const auto period = domain::ReportPeriod::Year(year);
    const auto previous = domain::ReportPeriod::Year(year - 1);
    INFO("year " << year);
    CHECK(domain::Normalized(cases.WoonoverlastCounts(period, previous)) ==
          domain::CountWoonoverlast(timelines, period, previous));
  }
}

}  // namespace
}  // namespace casus::persistence
