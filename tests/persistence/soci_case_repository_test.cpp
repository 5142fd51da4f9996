#include "persistence/soci_case_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <latch>
#include <set>
#include <thread>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/error.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseKind;
using domain::CaseState;
using domain::CloseResult;
using domain::HousingType;
using domain::NuisanceCategory;
using testing::D;
using testing::Move;
using testing::Ondermijning;
using testing::Registration;
using testing::Woonoverlast;

std::vector<domain::CaseId> Ids(const domain::CasePage& page) {
  std::vector<domain::CaseId> ids;
  for (const auto& casus : page.items) ids.push_back(casus.id);
  return ids;
}

int CountRows(Database& database, const std::string& table) {
  SessionLease sql(database);
  int count = -1;
  *sql << "SELECT COUNT(*) FROM " + table, soci::into(count);
  return count;
}

struct Fixture {
  testing::TempDatabase db;
  SociCaseRepository cases{db.database};

  domain::Casus Create(const domain::NewCase& fields) {
    return cases.Create(fields, Registration(fields));
  }
};

TEST_CASE_METHOD(Fixture, "Create and Find round-trip every field", "[persistence][cases]") {
  const auto fields = Woonoverlast();
  const auto created = Create(fields);
  CHECK(created.id > 0);
  CHECK(created.version == 1);
  CHECK(created.state == CaseState::kGemeld);

  const auto found = cases.Find(created.id);
  REQUIRE(found.has_value());
  testing::CheckSameCasus(*found, created);
  // Spelled out once against the request, not only against what Create returned.
  CHECK(found->district == std::optional<std::string>("Meerzicht"));
  CHECK(found->housing_type == HousingType::kCorporatie);
  CHECK(found->reported_on == D("2024-03-01"));
  CHECK(found->categories ==
        std::vector<NuisanceCategory>{NuisanceCategory::kVervuiling, NuisanceCategory::kGeluid});
  CHECK(found->summary == fields.summary);
  CHECK(found->address == fields.address);
}

TEST_CASE_METHOD(Fixture, "A casus without optional fields round-trips as absent",
                 "[persistence][cases]") {
  const auto created = Create(Ondermijning());
  const auto found = cases.Find(created.id);
  REQUIRE(found.has_value());
  testing::CheckSameCasus(*found, created);
  CHECK_FALSE(found->district.has_value());
  CHECK_FALSE(found->housing_type.has_value());
  CHECK_FALSE(found->address.has_value());
  CHECK(found->categories.empty());
}

TEST_CASE_METHOD(Fixture, "An address without a city round-trips", "[persistence][cases]") {
  auto fields = Woonoverlast();
  fields.address = domain::Address{"Europaweg", "1", "2711AH", std::nullopt};
  const auto found = cases.Find(Create(fields).id);
  REQUIRE(found.has_value());
  CHECK(found->address == fields.address);
}

TEST_CASE_METHOD(Fixture, "Every wire name of every stored enum is accepted by the schema",
                 "[persistence][cases]") {
  for (const auto housing : domain::AllOf<HousingType>()) {
    const auto found = cases.Find(Create(Woonoverlast("Centrum", housing)).id);
    REQUIRE(found.has_value());
    CHECK(found->housing_type == housing);
  }
  auto fields = Woonoverlast();
  const auto all_categories = domain::AllOf<NuisanceCategory>();
  fields.categories.assign(all_categories.rbegin(), all_categories.rend());
  CHECK(cases.Find(Create(fields).id)->categories == fields.categories);

  for (const auto result : domain::AllOf<CloseResult>()) {
    const auto id = Create(Woonoverlast()).id;
    std::int64_t version = 1;
    auto from = CaseState::kGemeld;
    for (const auto to : domain::AllOf<CaseState>()) {
      if (to == CaseState::kGemeld) continue;
      const std::optional<CloseResult> closing =
          to == CaseState::kAfgerond ? std::optional(result) : std::nullopt;
      REQUIRE(cases.AppendTransition(id, version++,
                                     Move(from, to, "2024-04-01", std::nullopt, closing)));
      from = to;
    }
    const auto history = cases.History(id);
    REQUIRE(history.size() == domain::AllOf<CaseState>().size());
    CHECK(history.back().to == CaseState::kAfgerond);
    CHECK(history.back().result == result);
    CHECK(cases.Find(id)->state == CaseState::kAfgerond);
  }
}

TEST_CASE_METHOD(Fixture, "An unknown id is not found and has no history", "[persistence][cases]") {
  Create(Woonoverlast());
  CHECK_FALSE(cases.Find(42).has_value());
  CHECK(cases.History(42).empty());
}

TEST_CASE_METHOD(Fixture, "The registration is the first history row", "[persistence][cases]") {
  const auto fields = Woonoverlast();
  const auto id = Create(fields).id;
  const auto history = cases.History(id);
  REQUIRE(history.size() == 1);
  auto expected = Registration(fields);
  expected.sequence = 1;
  testing::CheckSameRecord(history[0], expected);
}

TEST_CASE_METHOD(Fixture, "A casus is loaded with the date of its newest history row",
                 "[persistence][cases]") {
  const auto fields = Woonoverlast();
  const auto id = Create(fields).id;
  CHECK(cases.Find(id)->last_change_on == fields.reported_on);
  REQUIRE(
      cases.AppendTransition(id, 1, Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05")));
  // Same day again: the newest row is the one with the highest sequence, not a date tie.
  REQUIRE(cases.AppendTransition(id, 2,
                                 Move(CaseState::kLopend, CaseState::kHandhaving, "2024-03-05")));
  REQUIRE(cases.AppendTransition(id, 3,
                                 Move(CaseState::kHandhaving, CaseState::kAfgerond, "2024-09-01")));
  CHECK(cases.Find(id)->last_change_on == D("2024-09-01"));
  domain::CaseFilter all;
  CHECK(cases.List(all).items.at(0).last_change_on == D("2024-09-01"));
}

TEST_CASE_METHOD(Fixture, "A transition moves the state, bumps the version and appends in order",
                 "[persistence][cases]") {
  const auto id = Create(Woonoverlast()).id;
  const auto to_lopend = Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05");
  const auto to_afgerond = Move(CaseState::kLopend, CaseState::kAfgerond, "2024-06-30",
                                std::nullopt, CloseResult::kOpgelost);
  const auto reopened = Move(CaseState::kAfgerond, CaseState::kLopend, "2024-07-02",
                             std::string("Nieuwe klachten van de buren"));
  REQUIRE(cases.AppendTransition(id, 1, to_lopend));
  REQUIRE(cases.AppendTransition(id, 2, to_afgerond));
  REQUIRE(cases.AppendTransition(id, 3, reopened));

  const auto casus = cases.Find(id);
  REQUIRE(casus.has_value());
  CHECK(casus->state == CaseState::kLopend);
  CHECK(casus->version == 4);

  const auto history = cases.History(id);
  REQUIRE(history.size() == 4);
  auto expected = to_lopend;
  expected.sequence = 2;
  testing::CheckSameRecord(history[1], expected);
  expected = to_afgerond;
  expected.sequence = 3;
  testing::CheckSameRecord(history[2], expected);
  expected = reopened;
  expected.sequence = 4;
  testing::CheckSameRecord(history[3], expected);
}

TEST_CASE_METHOD(Fixture, "A stale version changes nothing", "[persistence][cases]") {
  const auto id = Create(Woonoverlast()).id;
  REQUIRE(
      cases.AppendTransition(id, 1, Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05")));

  CHECK_FALSE(
      cases.AppendTransition(id, 1, Move(CaseState::kGemeld, CaseState::kOntkracht, "2024-03-06")));
  CHECK_FALSE(
      cases.AppendTransition(id, 3, Move(CaseState::kLopend, CaseState::kOntkracht, "2024-03-06")));

  const auto casus = cases.Find(id);
  CHECK(casus->state == CaseState::kLopend);
  CHECK(casus->version == 2);
  const auto history = cases.History(id);
  REQUIRE(history.size() == 2);
  CHECK(history.back().to == CaseState::kLopend);
}

TEST_CASE_METHOD(Fixture, "A transition of an unknown casus changes nothing",
                 "[persistence][cases]") {
  CHECK_FALSE(
      cases.AppendTransition(7, 1, Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05")));
  CHECK(CountRows(db.database, "case_transitions") == 0);
}

TEST_CASE_METHOD(Fixture, "List filters on every field", "[persistence][cases]") {
  const auto a = Create(Woonoverlast("Centrum", HousingType::kKoop)).id;
  const auto b = Create(Ondermijning()).id;
  const auto c = Create(Woonoverlast("Rokkeveen", HousingType::kParticulier)).id;
  const auto d = Create(Woonoverlast("Centrum", HousingType::kParticulier)).id;
  REQUIRE(cases.AppendTransition(c, 1, Move(CaseState::kGemeld, CaseState::kLopend, "2024-03-05")));

  domain::CaseFilter filter;
  SECTION("no filter") { CHECK(Ids(cases.List(filter)) == std::vector{a, b, c, d}); }
  SECTION("kind") {
    filter.kind = CaseKind::kOndermijning;
    CHECK(Ids(cases.List(filter)) == std::vector{b});
    filter.kind = CaseKind::kWoonoverlast;
    CHECK(Ids(cases.List(filter)) == std::vector{a, c, d});
  }
  SECTION("state") {
    filter.state = CaseState::kLopend;
    CHECK(Ids(cases.List(filter)) == std::vector{c});
    filter.state = CaseState::kAfgerond;
    CHECK(cases.List(filter).items.empty());
  }
  SECTION("district") {
    filter.district = "Centrum";
    CHECK(Ids(cases.List(filter)) == std::vector{a, d});
    filter.district = "Atlantis";
    CHECK(cases.List(filter).items.empty());
  }
  SECTION("housing type") {
    filter.housing_type = HousingType::kParticulier;
    CHECK(Ids(cases.List(filter)) == std::vector{c, d});
  }
  SECTION("every filter at once") {
    filter.kind = CaseKind::kWoonoverlast;
    filter.state = CaseState::kGemeld;
    filter.district = "Centrum";
    filter.housing_type = HousingType::kParticulier;
    CHECK(Ids(cases.List(filter)) == std::vector{d});
  }
  SECTION("items are complete casussen") {
    filter.state = CaseState::kLopend;
    const auto page = cases.List(filter);
    REQUIRE(page.items.size() == 1);
    testing::CheckSameCasus(page.items[0], *cases.Find(c));
  }
}

TEST_CASE_METHOD(Fixture, "List pages by keyset until the last page, which has no next",
                 "[persistence][cases]") {
  std::vector<domain::CaseId> all;
  for (int i = 0; i < 7; ++i) all.push_back(Create(Woonoverlast()).id);

  domain::CaseFilter filter;
  filter.limit = 3;
  const auto first = cases.List(filter);
  CHECK(Ids(first) == std::vector(all.begin(), all.begin() + 3));
  REQUIRE(first.next == all[2]);

  filter.after = first.next;
  const auto second = cases.List(filter);
  CHECK(Ids(second) == std::vector(all.begin() + 3, all.begin() + 6));
  REQUIRE(second.next == all[5]);

  filter.after = second.next;
  const auto last = cases.List(filter);
  CHECK(Ids(last) == std::vector{all[6]});
  CHECK_FALSE(last.next.has_value());
  CHECK(last.items[0].categories == Woonoverlast().categories);

  SECTION("a page that ends exactly at the last casus has no next") {
    filter.after = all[2];
    filter.limit = 4;
    const auto page = cases.List(filter);
    CHECK(Ids(page) == std::vector(all.begin() + 3, all.end()));
    CHECK_FALSE(page.next.has_value());
  }
  SECTION("a cursor past the end gives an empty last page") {
    filter.after = all.back();
    const auto page = cases.List(filter);
    CHECK(page.items.empty());
    CHECK_FALSE(page.next.has_value());
  }
}

TEST_CASE_METHOD(Fixture, "Keyset paging with a filter skips the casussen that do not match",
                 "[persistence][cases]") {
  std::vector<domain::CaseId> centrum;
  for (int i = 0; i < 5; ++i) {
    centrum.push_back(Create(Woonoverlast("Centrum")).id);
    Create(Woonoverlast("Seghwaert"));
  }
  domain::CaseFilter filter;
  filter.district = "Centrum";
  filter.limit = 2;
  std::vector<domain::CaseId> seen;
  int pages = 0;
  for (;;) {
    const auto page = cases.List(filter);
    ++pages;
    for (const auto& casus : page.items) {
      CHECK(casus.district == std::optional<std::string>("Centrum"));
      CHECK(casus.categories == Woonoverlast().categories);
      seen.push_back(casus.id);
    }
    if (!page.next) break;
    filter.after = page.next;
  }
  CHECK(seen == centrum);
  CHECK(pages == 3);
}

TEST_CASE_METHOD(Fixture, "List refuses a limit below one", "[persistence][cases]") {
  domain::CaseFilter filter;
  filter.limit = 0;
  CHECK_THROWS_AS(cases.List(filter), std::invalid_argument);
}

TEST_CASE_METHOD(Fixture, "Timelines hold the casussen of one kind reported up to the peildatum",
                 "[persistence][cases]") {
  const auto early = Create(Woonoverlast("Noordhove", HousingType::kKoop, "2024-01-10")).id;
  Create(Ondermijning("2024-02-01"));
  const auto on_peildatum = Create(Woonoverlast("Centrum", HousingType::kKoop, "2024-12-31")).id;
  Create(Woonoverlast("Centrum", HousingType::kKoop, "2025-01-01"));  // after the peildatum
  REQUIRE(
      cases.AppendTransition(early, 1, Move(CaseState::kGemeld, CaseState::kLopend, "2024-02-01")));
  REQUIRE(cases.AppendTransition(early, 2,
                                 Move(CaseState::kLopend, CaseState::kAfgerond, "2025-01-10",
                                      std::nullopt, CloseResult::kDoorverwezen)));

  const auto timelines = cases.Timelines(CaseKind::kWoonoverlast, D("2024-12-31"));
  REQUIRE(timelines.size() == 2);
  CHECK(timelines[0].id == early);
  CHECK(timelines[0].district == std::optional<std::string>("Noordhove"));
  CHECK(timelines[0].housing_type == HousingType::kKoop);
  CHECK(timelines[0].reported_on == D("2024-01-10"));
  // The full history, including what happened after the peildatum: the report decides.
  REQUIRE(timelines[0].history.size() == 3);
  for (std::size_t i = 0; i < 3; ++i)
    CHECK(timelines[0].history[i].sequence == static_cast<std::int64_t>(i + 1));
  CHECK(timelines[0].history[2].to == CaseState::kAfgerond);
  CHECK(timelines[0].history[2].result == CloseResult::kDoorverwezen);
  CHECK(timelines[1].id == on_peildatum);
  REQUIRE(timelines[1].history.size() == 1);
  CHECK_FALSE(timelines[1].history[0].from.has_value());

  const auto ondermijning = cases.Timelines(CaseKind::kOndermijning, D("2024-12-31"));
  REQUIRE(ondermijning.size() == 1);
  CHECK_FALSE(ondermijning[0].district.has_value());
  CHECK(cases.Timelines(CaseKind::kWoonoverlast, D("2023-12-31")).empty());
}

TEST_CASE_METHOD(Fixture, "An unknown wijk is refused and stores nothing", "[persistence][cases]") {
  try {
    Create(Woonoverlast("Atlantis"));
    FAIL("Create accepted an unknown wijk");
  } catch (const domain::DomainError& error) {
    CHECK(error.code() == domain::ErrorCode::kInvalid);
  }
  CHECK(CountRows(db.database, "cases") == 0);
  CHECK(CountRows(db.database, "case_transitions") == 0);
}

TEST_CASE_METHOD(Fixture, "The foreign keys hold for rows written past the repository",
                 "[persistence][cases]") {
  SessionLease sql(db.database);
  CHECK_THROWS_AS(*sql << "INSERT INTO cases (kind, state, district_id, reported_on, summary, "
                          "version, created_at) VALUES ('woonoverlast', 'gemeld', 999, "
                          "'2024-01-01', 's', 1, '2024-01-01T00:00:00Z')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO case_transitions (case_id, sequence, to_state, "
                          "effective_on, recorded_at) VALUES (999, 1, 'gemeld', '2024-01-01', "
                          "'2024-01-01T00:00:00Z')",
                  soci::soci_error);
}

TEST_CASE_METHOD(Fixture, "The schema refuses values that are not wire names",
                 "[persistence][cases]") {
  SessionLease sql(db.database);
  CHECK_THROWS_AS(*sql << "INSERT INTO cases (kind, state, reported_on, summary, version, "
                          "created_at) VALUES ('overlast', 'gemeld', '2024-01-01', 's', 1, "
                          "'2024-01-01T00:00:00Z')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO cases (kind, state, housing_type, reported_on, summary, "
                          "version, created_at) VALUES ('woonoverlast', 'gemeld', 'huur', "
                          "'2024-01-01', 's', 1, '2024-01-01T00:00:00Z')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO cases (kind, state, reported_on, summary, version, "
                          "created_at) VALUES ('woonoverlast', 'open', '2024-01-01', 's', 1, "
                          "'2024-01-01T00:00:00Z')",
                  soci::soci_error);
}

TEST_CASE_METHOD(Fixture, "Create is all or nothing", "[persistence][cases]") {
  const auto fields = Woonoverlast();
  auto registration = Registration(fields);
  registration.from = CaseState::kLopend;  // the schema allows no `from` on row 1
  CHECK_THROWS(cases.Create(fields, registration));
  CHECK(CountRows(db.database, "cases") == 0);
  CHECK(CountRows(db.database, "case_categories") == 0);
  CHECK(CountRows(db.database, "case_transitions") == 0);
}

TEST_CASE("Of concurrent transitions from the same version exactly one wins",
          "[persistence][cases][concurrency]") {
  testing::TempDatabase db(4);
  SociCaseRepository cases(db.database);
  const auto fields = Woonoverlast();
  const auto id = cases.Create(fields, Registration(fields)).id;

  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::atomic<int> wins{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      const auto to = i % 2 == 0 ? CaseState::kLopend : CaseState::kOntkracht;
      start.arrive_and_wait();
      try {
        if (cases.AppendTransition(id, 1, Move(CaseState::kGemeld, to, "2024-03-05"))) ++wins;
      } catch (...) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  CHECK(errors == 0);
  CHECK(wins == 1);
  const auto casus = cases.Find(id);
  CHECK(casus->version == 2);
  const auto history = cases.History(id);
  REQUIRE(history.size() == 2);
  CHECK(history[1].to == casus->state);
}

TEST_CASE("Concurrent registrations from several Databases all get distinct ids",
          "[persistence][cases][concurrency]") {
  testing::TempDatabase db(2);
  Database other(db.location(), 2);  // a second process on the same file, as it were
  constexpr int kThreads = 6;
  constexpr int kEach = 10;
  std::atomic<int> errors{0};
  std::vector<std::vector<domain::CaseId>> ids(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      SociCaseRepository cases(i % 2 == 0 ? db.database : other);
      try {
        for (int n = 0; n < kEach; ++n) {
          const auto fields = Woonoverlast();
          ids[i].push_back(cases.Create(fields, Registration(fields)).id);
        }
      } catch (...) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  CHECK(errors == 0);
  std::set<domain::CaseId> distinct;
  for (const auto& list : ids) distinct.insert(list.begin(), list.end());
  CHECK(distinct.size() == kThreads * kEach);
  CHECK(CountRows(db.database, "cases") == kThreads * kEach);
  CHECK(CountRows(db.database, "case_transitions") == kThreads * kEach);
}

}  // namespace
}  // namespace casus::persistence
