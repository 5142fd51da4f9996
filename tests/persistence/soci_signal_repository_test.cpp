#include "persistence/soci_signal_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <algorithm>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "domain/enum_names.hpp"
#include "domain/error.hpp"
#include "persistence/soci_case_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/signal_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::AssessmentDecision;
using domain::SignalSource;
using domain::SignalStatus;
using domain::Theme;
using testing::D;
using testing::kReceivedAt;
using testing::NewSignalFrom;
using testing::OndermijningOn;
using testing::Registration;

std::vector<domain::SignalId> Ids(const domain::SignalPage& page) {
  std::vector<domain::SignalId> ids;
  for (const auto& signal : page.items) ids.push_back(signal.id);
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
  SociSignalRepository signals{db.database};
  SociCaseRepository cases{db.database};

  domain::SignalId Receive(SignalSource source, std::vector<Theme> themes = {Theme::kDrugs},
                           const char* received_on = "2024-04-02") {
    return signals.Create(NewSignalFrom(source, std::move(themes), received_on), kReceivedAt).id;
  }
  domain::CaseId OndermijningCase() {
    const auto fields = OndermijningOn({Theme::kDrugs});
    return cases.Create(fields, Registration(fields)).id;
  }
};

TEST_CASE_METHOD(Fixture, "Create and Find round-trip every field of a signal",
                 "[persistence][signals]") {
  const auto fields =
      NewSignalFrom(SignalSource::kMeldpunt, {Theme::kIllegaleBewoning, Theme::kArbeidsuitbuiting});
  const auto created = signals.Create(fields, kReceivedAt);
  CHECK(created.id > 0);
  CHECK(created.status == SignalStatus::kOpen);
  CHECK(created.version == 1);
  CHECK_FALSE(created.assessment.has_value());

  const auto found = signals.Find(created.id);
  REQUIRE(found.has_value());
  testing::CheckSameSignal(*found, created);
  CHECK(found->themes == fields.themes);
  CHECK(found->reporter == fields.reporter);
  CHECK(found->address == fields.address);
  CHECK(found->district == std::optional<std::string>("Centrum"));
}

TEST_CASE_METHOD(Fixture, "A signal without optional fields round-trips as absent",
                 "[persistence][signals]") {
  domain::NewSignal fields;
  fields.received_on = D("2024-05-01");
  fields.source = SignalSource::kOverig;
  fields.themes = {Theme::kOverig};
  fields.summary = "Anoniem briefje in de bus";
  SECTION("no optional field") {}
  SECTION("a reporter with a name only") { fields.reporter = domain::Reporter{"Anna", {}, {}}; }
  SECTION("an address without a city") {
    fields.address = domain::Address{"Europaweg", "1", "2711AH", std::nullopt};
  }
  const auto found = signals.Find(signals.Create(fields, kReceivedAt).id);
  REQUIRE(found.has_value());
  CHECK(found->district == fields.district);
  CHECK(found->address == fields.address);
  CHECK(found->reporter == fields.reporter);
}

TEST_CASE_METHOD(Fixture, "Every source and theme is accepted by the schema",
                 "[persistence][signals]") {
  const auto all_themes = domain::AllOf<Theme>();
  for (const auto source : domain::AllOf<SignalSource>()) {
    const auto fields =
        NewSignalFrom(source, std::vector<Theme>(all_themes.begin(), all_themes.end()));
    const auto found = signals.Find(signals.Create(fields, kReceivedAt).id);
    REQUIRE(found.has_value());
    CHECK(found->source == source);
    CHECK(found->themes == fields.themes);
  }
}

TEST_CASE_METHOD(Fixture, "An unknown signal is not found", "[persistence][signals]") {
  Receive(SignalSource::kMma);
  CHECK_FALSE(signals.Find(42).has_value());
}

TEST_CASE_METHOD(Fixture, "A signal in an unknown wijk is refused and stores nothing",
                 "[persistence][signals]") {
  auto fields = NewSignalFrom(SignalSource::kPartner);
  fields.district = "Atlantis";
  try {
    signals.Create(fields, kReceivedAt);
    FAIL("Create accepted an unknown wijk");
  } catch (const domain::DomainError& error) {
    CHECK(error.code() == domain::ErrorCode::kInvalid);
  }
  CHECK(CountRows(db.database, "signals") == 0);
  CHECK(CountRows(db.database, "signal_themes") == 0);
}

TEST_CASE_METHOD(Fixture, "An mma signal with reporter details is refused by the database",
                 "[persistence][signals][mma]") {
  // As if the service's own check were bypassed: the schema has the last word.
  auto fields = NewSignalFrom(SignalSource::kMma, {Theme::kDrugs, Theme::kWitwassen});
  fields.reporter = domain::Reporter{"Piet", std::nullopt, std::nullopt};
  CHECK_THROWS_AS(signals.Create(fields, kReceivedAt), soci::soci_error);
  CHECK(CountRows(db.database, "signals") == 0);
  CHECK(CountRows(db.database, "signal_themes") == 0);
}

TEST_CASE_METHOD(Fixture, "List filters on source, theme and status", "[persistence][signals]") {
  const auto a = Receive(SignalSource::kMma, {Theme::kDrugs});
  const auto b = Receive(SignalSource::kMeldpunt, {Theme::kWitwassen, Theme::kDrugs});
  const auto c = Receive(SignalSource::kMma, {Theme::kProstitutie});
  const auto d = Receive(SignalSource::kPartner, {Theme::kWitwassen});
  REQUIRE(signals.Assess(c, testing::Dismissal()));
  REQUIRE(signals.Assess(d, testing::LinkTo(OndermijningCase())));

  domain::SignalFilter filter;
  SECTION("no filter") { CHECK(Ids(signals.List(filter)) == std::vector{a, b, c, d}); }
  SECTION("source") {
    filter.source = SignalSource::kMma;
    CHECK(Ids(signals.List(filter)) == std::vector{a, c});
    filter.source = SignalSource::kOverig;
    CHECK(signals.List(filter).items.empty());
  }
  SECTION("theme, whatever its position") {
    filter.theme = Theme::kDrugs;
    CHECK(Ids(signals.List(filter)) == std::vector{a, b});
    filter.theme = Theme::kWitwassen;
    CHECK(Ids(signals.List(filter)) == std::vector{b, d});
  }
  SECTION("status") {
    filter.status = SignalStatus::kOpen;
    CHECK(Ids(signals.List(filter)) == std::vector{a, b});
    filter.status = SignalStatus::kDismissed;
    CHECK(Ids(signals.List(filter)) == std::vector{c});
    filter.status = SignalStatus::kLinked;
    CHECK(Ids(signals.List(filter)) == std::vector{d});
  }
  SECTION("every filter at once") {
    filter.source = SignalSource::kMeldpunt;
    filter.theme = Theme::kDrugs;
    filter.status = SignalStatus::kOpen;
    CHECK(Ids(signals.List(filter)) == std::vector{b});
    filter.status = SignalStatus::kLinked;
    CHECK(signals.List(filter).items.empty());
  }
  SECTION("items are complete signals with all their themes") {
    filter.theme = Theme::kDrugs;
    const auto page = signals.List(filter);
    REQUIRE(page.items.size() == 2);
    testing::CheckSameSignal(page.items[1], *signals.Find(b));
    CHECK(page.items[1].themes == std::vector{Theme::kWitwassen, Theme::kDrugs});
  }
  SECTION("assessed items carry their assessment") {
    filter.status = SignalStatus::kDismissed;
    const auto page = signals.List(filter);
    REQUIRE(page.items.size() == 1);
    REQUIRE(page.items[0].assessment.has_value());
    testing::CheckSameAssessment(*page.items[0].assessment, testing::Dismissal());
  }
}

TEST_CASE_METHOD(Fixture, "Signal list pages by keyset with a filter until the last page",
                 "[persistence][signals]") {
  std::vector<domain::SignalId> drugs;
  for (int i = 0; i < 7; ++i) {
    drugs.push_back(Receive(SignalSource::kMeldpunt, {Theme::kOverig, Theme::kDrugs}));
    Receive(SignalSource::kMeldpunt, {Theme::kWitwassen});
  }
  domain::SignalFilter filter;
  filter.theme = Theme::kDrugs;
  filter.limit = 3;
  std::vector<domain::SignalId> seen;
  int pages = 0;
  for (;;) {
    const auto page = signals.List(filter);
    ++pages;
    for (const auto& signal : page.items) {
      CHECK(signal.themes == std::vector{Theme::kOverig, Theme::kDrugs});
      seen.push_back(signal.id);
    }
    if (!page.next) break;
    CHECK(page.next == page.items.back().id);
    filter.after = page.next;
  }
  CHECK(seen == drugs);
  CHECK(pages == 3);

  SECTION("a page ending exactly at the last match has no next") {
    filter.after = drugs[3];
    filter.limit = 3;
    const auto page = signals.List(filter);
    CHECK(Ids(page) == std::vector(drugs.begin() + 4, drugs.end()));
    CHECK_FALSE(page.next.has_value());
  }
  SECTION("a limit below one is refused") {
    filter.limit = 0;
    CHECK_THROWS_AS(signals.List(filter), std::invalid_argument);
  }
}

TEST_CASE_METHOD(Fixture, "Dismissing an open signal records the assessment and bumps the version",
                 "[persistence][signals]") {
  const auto id = Receive(SignalSource::kMma);
  REQUIRE(signals.Assess(id, testing::Dismissal()));
  const auto found = signals.Find(id);
  REQUIRE(found.has_value());
  CHECK(found->status == SignalStatus::kDismissed);
  CHECK(found->version == 2);
  REQUIRE(found->assessment.has_value());
  testing::CheckSameAssessment(*found->assessment, testing::Dismissal());
}

TEST_CASE_METHOD(Fixture, "Linking an open signal feeds the casus", "[persistence][signals]") {
  const auto case_id = OndermijningCase();
  const auto id = Receive(SignalSource::kPartner);
  REQUIRE(signals.Assess(id, testing::LinkTo(case_id)));
  const auto found = signals.Find(id);
  CHECK(found->status == SignalStatus::kLinked);
  CHECK(found->version == 2);
  REQUIRE(found->assessment.has_value());
  testing::CheckSameAssessment(*found->assessment, testing::LinkTo(case_id));
  CHECK(cases.Find(case_id)->signal_ids == std::vector{id});
}

TEST_CASE_METHOD(Fixture, "A second assessment returns false and changes nothing",
                 "[persistence][signals]") {
  const auto case_id = OndermijningCase();
  const auto id = Receive(SignalSource::kMeldpunt);
  REQUIRE(signals.Assess(id, testing::LinkTo(case_id)));
  const auto before = signals.Find(id);

  CHECK_FALSE(signals.Assess(id, testing::Dismissal("2024-04-11")));
  CHECK_FALSE(signals.Assess(id, testing::LinkTo(OndermijningCase(), "2024-04-12")));
  CHECK_FALSE(signals
                  .AssessIntoNewCase(id, testing::IntoNewCase(), OndermijningOn({Theme::kDrugs}),
                                     Registration(OndermijningOn({Theme::kDrugs})))
                  .has_value());

  testing::CheckSameSignal(*signals.Find(id), *before);
  CHECK(CountRows(db.database, "cases") == 2);  // case_id and the second link target only
}

TEST_CASE_METHOD(Fixture, "Assessing an unknown signal returns false", "[persistence][signals]") {
  CHECK_FALSE(signals.Assess(42, testing::Dismissal()));
  const auto fields = OndermijningOn({Theme::kDrugs});
  CHECK_FALSE(signals.AssessIntoNewCase(42, testing::IntoNewCase(), fields, Registration(fields)));
  CHECK(CountRows(db.database, "cases") == 0);
}

TEST_CASE_METHOD(Fixture, "Linking to a casus that does not exist is refused",
                 "[persistence][signals]") {
  const auto id = Receive(SignalSource::kMeldpunt);
  CHECK_THROWS_AS(signals.Assess(id, testing::LinkTo(999)), soci::soci_error);
  CHECK(signals.Find(id)->status == SignalStatus::kOpen);
  CHECK(signals.Find(id)->version == 1);
}

TEST_CASE_METHOD(Fixture, "Assessing into a new casus creates it linked to the signal",
                 "[persistence][signals]") {
  const auto id = Receive(SignalSource::kMma, {Theme::kDrugs, Theme::kWitwassen});
  const auto fields = OndermijningOn({Theme::kDrugs, Theme::kWitwassen});
  const auto registration = Registration(fields);
  const auto casus = signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields, registration);
  REQUIRE(casus.has_value());
  CHECK(casus->kind == domain::CaseKind::kOndermijning);
  CHECK(casus->themes == fields.themes);
  CHECK(casus->signal_ids == std::vector{id});
  CHECK(casus->version == 1);

  const auto stored = cases.Find(casus->id);
  REQUIRE(stored.has_value());
  testing::CheckSameCasus(*stored, *casus);
  REQUIRE(cases.History(casus->id).size() == 1);

  const auto signal = signals.Find(id);
  CHECK(signal->status == SignalStatus::kLinked);
  CHECK(signal->version == 2);
  auto expected = testing::IntoNewCase();
  expected.case_id = casus->id;
  REQUIRE(signal->assessment.has_value());
  testing::CheckSameAssessment(*signal->assessment, expected);
}

TEST_CASE_METHOD(Fixture, "A second assessment into a new casus creates no second casus",
                 "[persistence][signals]") {
  const auto id = Receive(SignalSource::kMeldpunt);
  const auto fields = OndermijningOn({Theme::kDrugs});
  const auto first =
      signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields, Registration(fields));
  REQUIRE(first.has_value());
  const auto second =
      signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields, Registration(fields));
  CHECK_FALSE(second.has_value());
  CHECK(CountRows(db.database, "cases") == 1);
  CHECK(CountRows(db.database, "case_themes") == 1);
  CHECK(CountRows(db.database, "case_transitions") == 1);
  CHECK(signals.Find(id)->assessment->case_id == first->id);
  CHECK(signals.Find(id)->version == 2);
}

TEST_CASE_METHOD(Fixture, "A failure while inserting the new casus leaves the signal open",
                 "[persistence][signals]") {
  const auto id = Receive(SignalSource::kMeldpunt);
  auto fields = OndermijningOn({Theme::kDrugs, Theme::kOverig});
  auto registration = Registration(fields);
  SECTION("a registration the schema refuses, after the case row was written") {
    registration.from = domain::CaseState::kLopend;
    CHECK_THROWS_AS(signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields, registration),
                    soci::soci_error);
  }
  SECTION("an unknown wijk") {
    fields.district = "Atlantis";
    CHECK_THROWS_AS(signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields, registration),
                    domain::DomainError);
  }
  const auto signal = signals.Find(id);
  CHECK(signal->status == SignalStatus::kOpen);
  CHECK(signal->version == 1);
  CHECK_FALSE(signal->assessment.has_value());
  CHECK(CountRows(db.database, "cases") == 0);
  CHECK(CountRows(db.database, "case_themes") == 0);
  CHECK(CountRows(db.database, "case_transitions") == 0);
}

TEST_CASE_METHOD(Fixture, "ReceivedBetween holds the signals of the period with their themes",
                 "[persistence][signals]") {
  Receive(SignalSource::kMma, {Theme::kDrugs}, "2023-12-31");
  const auto first_day =
      Receive(SignalSource::kMma, {Theme::kWitwassen, Theme::kDrugs}, "2024-01-01");
  const auto assessed = Receive(SignalSource::kPartner, {Theme::kOverig}, "2024-07-15");
  REQUIRE(signals.Assess(assessed, testing::Dismissal("2024-07-16")));
  const auto last_day = Receive(SignalSource::kMeldpunt, {Theme::kProstitutie}, "2024-12-31");
  Receive(SignalSource::kMeldpunt, {Theme::kDrugs}, "2025-01-01");

  const auto facts = signals.ReceivedBetween(D("2024-01-01"), D("2024-12-31"));
  REQUIRE(facts.size() == 3);
  CHECK(facts[0].id == first_day);
  CHECK(facts[0].received_on == D("2024-01-01"));
  CHECK(facts[0].source == SignalSource::kMma);
  CHECK(facts[0].themes == std::vector{Theme::kWitwassen, Theme::kDrugs});
  CHECK(facts[1].id == assessed);
  CHECK(facts[1].themes == std::vector{Theme::kOverig});
  CHECK(facts[2].id == last_day);
  CHECK(facts[2].source == SignalSource::kMeldpunt);
  CHECK(signals.ReceivedBetween(D("2022-01-01"), D("2022-12-31")).empty());

  // Streamed, the same facts in the same order, each signal's themes as a set.
  std::vector<domain::SignalFacts> visited;
  signals.VisitReceivedBetween(
      D("2024-01-01"), D("2024-12-31"), [&](const domain::SignalFacts& signal) {
        visited.push_back(signal);
        std::sort(visited.back().themes.begin(), visited.back().themes.end());
      });
  REQUIRE(visited.size() == facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    auto themes = facts[i].themes;
    std::sort(themes.begin(), themes.end());
    CHECK(visited[i].id == facts[i].id);
    CHECK(visited[i].received_on == facts[i].received_on);
    CHECK(visited[i].source == facts[i].source);
    CHECK(visited[i].themes == themes);
  }
}

TEST_CASE("Of concurrent assessments of one signal exactly one wins",
          "[persistence][signals][concurrency]") {
  testing::TempDatabase db(4);
  SociSignalRepository signals(db.database);
  SociCaseRepository cases(db.database);
  const auto id = signals.Create(NewSignalFrom(SignalSource::kMeldpunt), kReceivedAt).id;
  const auto fields = OndermijningOn({Theme::kDrugs});
  const auto target = cases.Create(fields, Registration(fields)).id;

  constexpr int kThreads = 9;
  std::latch start(kThreads);
  std::atomic<int> wins{0};
  std::atomic<int> new_cases{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      start.arrive_and_wait();
      try {
        switch (i % 3) {
          case 0:
            if (signals.Assess(id, testing::Dismissal())) ++wins;
            break;
          case 1:
            if (signals.Assess(id, testing::LinkTo(target))) ++wins;
            break;
          default:
            if (signals.AssessIntoNewCase(id, testing::IntoNewCase(), fields,
                                          Registration(fields))) {
              ++wins;
              ++new_cases;
            }
        }
      } catch (...) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();

  CHECK(errors == 0);
  CHECK(wins == 1);
  CHECK(CountRows(db.database, "cases") == 1 + new_cases);
  const auto signal = signals.Find(id);
  CHECK(signal->version == 2);
  CHECK(signal->status != SignalStatus::kOpen);
}

}  // namespace
}  // namespace casus::persistence
