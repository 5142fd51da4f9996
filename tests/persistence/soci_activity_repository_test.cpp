#include "persistence/soci_activity_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/enum_names.hpp"
#include "persistence/soci_case_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::ActivityType;
using testing::D;

std::vector<domain::ActivityId> Ids(const std::vector<domain::Activity>& activities) {
  std::vector<domain::ActivityId> ids;
  for (const auto& activity : activities) ids.push_back(activity.id);
  return ids;
}

int CountRows(Database& database, const std::string& table) {
  SessionLease sql(database);
  int count = -1;
  *sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

void CheckSameActivity(const domain::Activity& actual, const domain::Activity& expected) {
  CHECK(actual.id == expected.id);
  CHECK(actual.type == expected.type);
  CHECK(actual.on == expected.on);
  CHECK(actual.companies_checked == expected.companies_checked);
  CHECK(actual.partners == expected.partners);
  CHECK(actual.findings == expected.findings);
  CHECK(actual.business_park == expected.business_park);
  CHECK(actual.heit_type == expected.heit_type);
  CHECK(actual.case_ids == expected.case_ids);
  CHECK(actual.recorded_at == expected.recorded_at);
}

domain::Activity ControlDay(const char* on = "2024-05-14") {
  domain::Activity activity;
  activity.type = ActivityType::kControlDay;
  activity.on = D(on);
  activity.companies_checked = 12;
  activity.partners = {"Politie", "Arbeidsinspectie", "Douane"};
  activity.findings = "Twee bedrijven zonder vergunning; één melding arbeidsuitbuiting.";
  activity.recorded_at = std::string(on) + "T17:00:00Z";
  return activity;
}

domain::Activity OfType(ActivityType type, const char* on) {
  domain::Activity activity;
  activity.type = type;
  activity.on = D(on);
  activity.recorded_at = std::string(on) + "T17:00:00Z";
  return activity;
}

struct Fixture {
  testing::TempDatabase db;
  SociActivityRepository activities{db.database};
  SociCaseRepository cases{db.database};

  domain::CaseId OndermijningCase() {
    const auto fields = testing::OndermijningOn({domain::Theme::kDrugs});
    return cases.Create(fields, testing::Registration(fields)).id;
  }
  // Every activity, through List pages of `limit`.
  std::vector<domain::Activity> ListAll(domain::ActivityFilter filter, int limit = 2) {
    filter.limit = limit;
    std::vector<domain::Activity> all;
    for (;;) {
      const auto page = activities.List(filter);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (!page.next) return all;
      CHECK(page.next == page.items.back().id);
      filter.after = page.next;
    }
  }
};

TEST_CASE_METHOD(Fixture, "An activity round-trips with its partners and casussen",
                 "[persistence][activities]") {
  const auto first = OndermijningCase();
  const auto second = OndermijningCase();
  auto activity = ControlDay();
  activity.case_ids = {second, first};
  const auto created = activities.Create(activity);
  CHECK(created.id > 0);
  CHECK(created.case_ids == std::vector{first, second});  // a set, ascending

  const auto listed = activities.List({});
  REQUIRE(listed.items.size() == 1);
  CheckSameActivity(listed.items[0], created);
  CHECK(listed.items[0].partners == activity.partners);  // in submitted order
  CHECK(CountRows(db.database, "activity_cases") == 2);
}

TEST_CASE_METHOD(Fixture, "The fields of each activity type round-trip",
                 "[persistence][activities]") {
  auto knock = OfType(ActivityType::kKnockAndTalk, "2024-06-01");
  knock.business_park = "Bedrijventerrein Lansinghage";
  knock.partners = {"Politie"};
  auto heit = OfType(ActivityType::kHeitControl, "2024-06-02");
  heit.heit_type = "autobedrijven";
  heit.companies_checked = 0;
  const auto bare = OfType(ActivityType::kHeitControl, "2024-06-03");
  const auto a = activities.Create(knock);
  const auto b = activities.Create(heit);
  const auto c = activities.Create(bare);

  const auto found = activities.Between(D("2024-06-01"), D("2024-06-03"));
  REQUIRE(found.size() == 3);
  CheckSameActivity(found[0], a);
  CheckSameActivity(found[1], b);
  CheckSameActivity(found[2], c);
  CHECK_FALSE(found[2].companies_checked.has_value());
  CHECK(found[2].partners.empty());
  CHECK(found[2].case_ids.empty());
}

TEST_CASE_METHOD(Fixture, "Every activity type is accepted by the schema",
                 "[persistence][activities]") {
  for (const auto type : domain::AllOf<ActivityType>()) {
    activities.Create(OfType(type, "2024-01-01"));
  }
  domain::ActivityFilter filter;
  for (const auto type : domain::AllOf<ActivityType>()) {
    filter.type = type;
    const auto page = activities.List(filter);
    REQUIRE(page.items.size() == 1);
    CHECK(page.items[0].type == type);
  }
}

TEST_CASE_METHOD(Fixture, "A link to a casus that does not exist stores nothing",
                 "[persistence][activities]") {
  auto activity = ControlDay();
  activity.case_ids = {OndermijningCase(), 999};
  CHECK_THROWS_AS(activities.Create(activity), soci::soci_error);
  CHECK(CountRows(db.database, "activities") == 0);
  CHECK(CountRows(db.database, "activity_partners") == 0);
  CHECK(CountRows(db.database, "activity_cases") == 0);
}

TEST_CASE_METHOD(Fixture, "Activity list filters on type and year and pages by keyset",
                 "[persistence][activities]") {
  const auto case_id = OndermijningCase();
  std::vector<domain::ActivityId> control_2024;
  std::vector<domain::ActivityId> all;
  const char* days[] = {"2023-12-31", "2024-01-01", "2024-07-01", "2024-12-31", "2025-01-01"};
  for (const char* day : days) {
    auto control = ControlDay(day);
    control.case_ids = {case_id};
    all.push_back(activities.Create(control).id);
    if (std::string(day).starts_with("2024")) control_2024.push_back(all.back());
    all.push_back(activities.Create(OfType(ActivityType::kKnockAndTalk, day)).id);
  }

  domain::ActivityFilter filter;
  SECTION("no filter, page by page") { CHECK(Ids(ListAll(filter)) == all); }
  SECTION("type and year") {
    filter.type = ActivityType::kControlDay;
    filter.year = 2024;
    const auto found = ListAll(filter);
    CHECK(Ids(found) == control_2024);
    for (const auto& activity : found) {
      CHECK(activity.partners == ControlDay().partners);
      CHECK(activity.case_ids == std::vector{case_id});
    }
  }
  SECTION("year alone, both ends of the year included") {
    filter.year = 2024;
    CHECK(ListAll(filter, 10).size() == 6);
    filter.year = 2022;
    CHECK(activities.List(filter).items.empty());
  }
  SECTION("type alone") {
    filter.type = ActivityType::kHeitControl;
    CHECK(activities.List(filter).items.empty());
    filter.type = ActivityType::kKnockAndTalk;
    CHECK(ListAll(filter, 3).size() == 5);
  }
  SECTION("a page ending exactly at the last match has no next") {
    filter.type = ActivityType::kControlDay;
    filter.limit = 5;
    const auto page = activities.List(filter);
    CHECK(page.items.size() == 5);
    CHECK_FALSE(page.next.has_value());
  }
  SECTION("a limit below one is refused") {
    filter.limit = 0;
    CHECK_THROWS_AS(activities.List(filter), std::invalid_argument);
  }
}

TEST_CASE_METHOD(Fixture, "Between holds the activities of the period, both ends included",
                 "[persistence][activities]") {
  activities.Create(ControlDay("2024-03-31"));
  const auto first = activities.Create(ControlDay("2024-04-01"));
  const auto last = activities.Create(OfType(ActivityType::kHeitControl, "2024-06-30"));
  activities.Create(ControlDay("2024-07-01"));
  const auto found = activities.Between(D("2024-04-01"), D("2024-06-30"));
  REQUIRE(found.size() == 2);
  CheckSameActivity(found[0], first);
  CheckSameActivity(found[1], last);
  CHECK(activities.Between(D("2020-01-01"), D("2020-12-31")).empty());

  // Streamed: what a report counts of each, in the same order.
  std::vector<domain::ActivityFacts> visited;
  activities.VisitBetween(D("2024-04-01"), D("2024-06-30"),
                          [&](const domain::ActivityFacts& facts) { visited.push_back(facts); });
  REQUIRE(visited.size() == 2);
  CHECK(visited[0].type == first.type);
  CHECK(visited[0].on == first.on);
  CHECK(visited[0].companies_checked == first.companies_checked);
  CHECK(visited[1].type == ActivityType::kHeitControl);
  CHECK(visited[1].on == D("2024-06-30"));
  CHECK_FALSE(visited[1].companies_checked.has_value());
}

}  // namespace
}  // namespace casus::persistence
