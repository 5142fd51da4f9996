#include "persistence/soci_personal_data_store.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/woonoverlast_report.hpp"
#include "persistence/soci_activity_repository.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_district_repository.hpp"
#include "persistence/soci_signal_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/signal_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

// The ids of due records, in their order.
std::vector<std::int64_t> Ids(const std::vector<domain::DueRecord>& due) {
  std::vector<std::int64_t> ids;
  for (const auto& record : due) ids.push_back(record.id);
  return ids;
}

using domain::CaseKind;
using domain::CaseState;
using domain::CloseResult;
using domain::SignalSource;
using domain::Theme;
using testing::D;
using testing::Move;

std::optional<std::string> PurgedOn(Database& database, const char* table, std::int64_t id) {
  SessionLease sql(database);
  std::string purged_on;
  soci::indicator indicator = soci::i_null;
  *sql << "SELECT purged_on FROM " + std::string(table) + " WHERE id = :id", soci::use(id),
      soci::into(purged_on, indicator);
  return indicator == soci::i_ok ? std::optional(purged_on) : std::nullopt;
}

// Every year report as the CLI and the API publish it, for the years the data touch.
std::string AllReports(Database& database) {
  SociCaseRepository cases(database);
  SociSignalRepository signals(database);
  SociActivityRepository activities(database);
  const auto districts = domain::NamesOf(SociDistrictRepository(database).All());
  std::string reports;
  for (int year = 2016; year <= 2026; ++year) {
    const auto until = domain::Date::LastDayOfYear(year);
    reports += domain::WoonoverlastReportCsv(domain::BuildWoonoverlastReport(
        year, districts, cases.Timelines(CaseKind::kWoonoverlast, until)));
    reports += domain::WoonoverlastReportText(domain::BuildWoonoverlastReport(
        year, districts, cases.Timelines(CaseKind::kWoonoverlast, until)));
    const auto report = domain::BuildOndermijningReport(
        year, signals.ReceivedBetween(domain::Date::FirstDayOfYear(year - 1), until),
        cases.Timelines(CaseKind::kOndermijning, until),
        activities.Between(domain::Date::FirstDayOfYear(year - 1), until));
    reports += domain::OndermijningReportCsv(report);
    reports += domain::OndermijningReportText(report);
  }
  return reports;
}

// The casussen and signals of several kinds, states and ages; the cutoff is 2020-01-01.
struct Fixture {
  testing::TempDatabase db;
  SociPersonalDataStore store{db.database};
  SociCaseRepository cases{db.database};
  SociSignalRepository signals{db.database};

  static constexpr const char* kCutoff = "2020-01-01";

  domain::CaseId AddCase(const domain::NewCase& fields,
                         const std::vector<domain::TransitionRecord>& moves) {
    const auto id = cases.Create(fields, testing::Registration(fields)).id;
    std::int64_t version = 1;
    for (const auto& move : moves) REQUIRE(cases.AppendTransition(id, version++, move));
    return id;
  }
  domain::SignalId AddSignal(SignalSource source, const char* received_on,
                             std::optional<domain::SignalAssessment> assessment) {
    const auto id =
        signals
            .Create(testing::NewSignalFrom(source, {Theme::kDrugs, Theme::kWitwassen}, received_on),
                    testing::kReceivedAt)
            .id;
    if (assessment) REQUIRE(signals.Assess(id, *assessment));
    return id;
  }

  // Woonoverlast, closed 2019-06-30: due.
  domain::CaseId closed_early =
      AddCase(testing::Woonoverlast("Meerzicht", domain::HousingType::kCorporatie, "2018-03-01"),
              {Move(CaseState::kGemeld, CaseState::kLopend, "2018-04-01", "Buurman J. Jansen belt"),
               Move(CaseState::kLopend, CaseState::kAfgerond, "2019-06-30", "Opgelost na gesprek",
                    CloseResult::kOpgelost)});
  // Woonoverlast, closed on the cutoff itself: not yet due.
  domain::CaseId closed_on_cutoff =
      AddCase(testing::Woonoverlast("Centrum", domain::HousingType::kKoop, "2019-01-01"),
              {Move(CaseState::kGemeld, CaseState::kOntkracht, kCutoff, "Geen overlast",
                    CloseResult::kOverig)});
  // Woonoverlast, closed 2021: not yet due.
  domain::CaseId closed_late =
      AddCase(testing::Woonoverlast("Rokkeveen", domain::HousingType::kParticulier, "2020-02-01"),
              {Move(CaseState::kGemeld, CaseState::kAfgerond, "2021-05-01", "Verhuisd",
                    CloseResult::kOpgelost)});
  // Woonoverlast, closed 2018 but re-opened 2019 and running: not due.
  domain::CaseId reopened =
      AddCase(testing::Woonoverlast("Seghwaert", domain::HousingType::kKoop, "2017-05-01"),
              {Move(CaseState::kGemeld, CaseState::kAfgerond, "2018-01-15", std::nullopt,
                    CloseResult::kOpgelost),
               Move(CaseState::kAfgerond, CaseState::kLopend, "2019-02-01", "Nieuwe klachten")});
  // Ondermijning, through handhaving, ontkracht 2019-02-01: due for ondermijning only.
  domain::CaseId ondermijning =
      AddCase(testing::OndermijningOn({Theme::kDrugs}, "2018-06-01"),
              {Move(CaseState::kGemeld, CaseState::kLopend, "2018-07-01", "Tip van wijkagent"),
               [] {
                 auto record = Move(CaseState::kLopend, CaseState::kHandhaving, "2018-09-01");
                 record.partner = "Politie Haaglanden";
                 record.measure = domain::EnforcementMeasure::kLastOnderDwangsom;
                 return record;
               }(),
               Move(CaseState::kHandhaving, CaseState::kOntkracht, "2019-02-01", "Pand verkocht",
                    CloseResult::kOnvoldoendeAanknopingspunten)});

  domain::SignalId dismissed =
      AddSignal(SignalSource::kMeldpunt, "2018-12-01", testing::Dismissal("2019-01-10"));
  domain::SignalId linked = AddSignal(SignalSource::kPartner, "2018-12-02", [this] {
    auto link = testing::LinkTo(ondermijning, "2019-01-15");
    link.reason = "Zelfde adres als casus";
    return link;
  }());
  domain::SignalId anonymous =
      AddSignal(SignalSource::kMma, "2018-12-03", testing::Dismissal("2019-12-31"));
  domain::SignalId still_open = AddSignal(SignalSource::kMeldpunt, "2018-11-01", std::nullopt);
  domain::SignalId assessed_late =
      AddSignal(SignalSource::kOverig, "2019-12-20", testing::Dismissal(kCutoff));

  std::vector<domain::CaseId> DueCases() {
    auto due = Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D(kCutoff)));
    for (const auto id : Ids(store.CasesClosedBefore(CaseKind::kOndermijning, D(kCutoff)))) {
      due.push_back(id);
    }
    return due;
  }
  void PurgeDue(const char* on = "2025-01-01") {
    store.Purge(DueCases(), Ids(store.SignalsAssessedBefore(D(kCutoff))), on);
  }
};

TEST_CASE("The seeded policy keeps personal data five years for both kinds",
          "[persistence][retention]") {
  testing::TempDatabase db;
  SociPersonalDataStore store(db.database);
  const auto policy = store.LoadPolicy();
  CHECK(policy.woonoverlast_years == 5);
  CHECK(policy.ondermijning_years == 5);
}

TEST_CASE("A saved policy is loaded back, years outside 1..100 change nothing",
          "[persistence][retention]") {
  testing::TempDatabase db;
  SociPersonalDataStore store(db.database);
  store.SavePolicy({3, 7});
  CHECK(store.LoadPolicy().woonoverlast_years == 3);
  CHECK(store.LoadPolicy().ondermijning_years == 7);
  store.SavePolicy({1, 100});
  CHECK(store.LoadPolicy().woonoverlast_years == 1);
  CHECK(store.LoadPolicy().ondermijning_years == 100);

  CHECK_THROWS_AS(store.SavePolicy({2, 101}), soci::soci_error);
  CHECK_THROWS_AS(store.SavePolicy({0, 2}), soci::soci_error);
  CHECK(store.LoadPolicy().woonoverlast_years == 1);
  CHECK(store.LoadPolicy().ondermijning_years == 100);
}

TEST_CASE_METHOD(Fixture, "Casussen are due when closed before the cutoff, per kind",
                 "[persistence][retention]") {
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D(kCutoff))) ==
        std::vector{closed_early});
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kOndermijning, D(kCutoff))) ==
        std::vector{ondermijning});
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2020-01-02"))) ==
        std::vector{closed_early, closed_on_cutoff});
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2030-01-01"))) ==
        std::vector{closed_early, closed_on_cutoff, closed_late});
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2019-06-30"))).empty());
}

TEST_CASE_METHOD(Fixture, "A due record carries the day its retention period began",
                 "[persistence][retention]") {
  const auto cases_due = store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2030-01-01"));
  REQUIRE(cases_due.size() == 3);
  for (const auto& record : cases_due) {
    CHECK(record.since == cases.History(record.id).back().on);
  }
  for (const auto& record : store.SignalsAssessedBefore(D("2030-01-01"))) {
    REQUIRE(signals.Find(record.id)->assessment);
    CHECK(record.since == signals.Find(record.id)->assessment->on);
  }
}

TEST_CASE_METHOD(Fixture, "Signals are due when assessed before the cutoff",
                 "[persistence][retention]") {
  CHECK(Ids(store.SignalsAssessedBefore(D(kCutoff))) == std::vector{dismissed, linked, anonymous});
  CHECK(Ids(store.SignalsAssessedBefore(D("2020-01-02"))) ==
        std::vector{dismissed, linked, anonymous, assessed_late});
  CHECK(Ids(store.SignalsAssessedBefore(D("2019-01-10"))).empty());
}

TEST_CASE_METHOD(Fixture, "A purge removes exactly the personal fields of exactly the due rows",
                 "[persistence][retention]") {
  std::map<domain::CaseId, domain::Casus> casussen;
  std::map<domain::CaseId, std::vector<domain::TransitionRecord>> histories;
  for (const auto id : {closed_early, closed_on_cutoff, closed_late, reopened, ondermijning}) {
    casussen[id] = *cases.Find(id);
    histories[id] = cases.History(id);
  }
  std::map<domain::SignalId, domain::Signal> before;
  for (const auto id : {dismissed, linked, anonymous, still_open, assessed_late}) {
    before[id] = *signals.Find(id);
  }

  PurgeDue();

  for (const auto id : {closed_early, ondermijning}) {
    auto expected = casussen[id];
    expected.summary = "";
    expected.address.reset();
    testing::CheckSameCasus(*cases.Find(id), expected);
    const auto history = cases.History(id);
    REQUIRE(history.size() == histories[id].size());
    for (std::size_t i = 0; i < history.size(); ++i) {
      auto record = histories[id][i];
      record.reason.reset();
      testing::CheckSameRecord(history[i], record);
    }
    CHECK(PurgedOn(db.database, "cases", id) == std::optional<std::string>("2025-01-01"));
  }
  CHECK(cases.History(ondermijning)[2].partner == std::optional<std::string>("Politie Haaglanden"));
  for (const auto id : {closed_on_cutoff, closed_late, reopened}) {
    testing::CheckSameCasus(*cases.Find(id), casussen[id]);
    const auto history = cases.History(id);
    REQUIRE(history.size() == histories[id].size());
    for (std::size_t i = 0; i < history.size(); ++i) {
      testing::CheckSameRecord(history[i], histories[id][i]);
    }
    CHECK_FALSE(PurgedOn(db.database, "cases", id).has_value());
  }

  for (const auto id : {dismissed, linked, anonymous}) {
    auto expected = before[id];
    expected.summary = "";
    expected.address.reset();
    expected.reporter.reset();
    expected.assessment->reason = expected.status == domain::SignalStatus::kDismissed
                                      ? std::optional<std::string>("")
                                      : std::nullopt;
    testing::CheckSameSignal(*signals.Find(id), expected);
    CHECK(PurgedOn(db.database, "signals", id) == std::optional<std::string>("2025-01-01"));
  }
  CHECK(signals.Find(linked)->assessment->case_id == std::optional(ondermijning));
  for (const auto id : {still_open, assessed_late}) {
    testing::CheckSameSignal(*signals.Find(id), before[id]);
    CHECK_FALSE(PurgedOn(db.database, "signals", id).has_value());
  }

  CHECK(DueCases().empty());
  CHECK(Ids(store.SignalsAssessedBefore(D(kCutoff))).empty());
}

TEST_CASE_METHOD(Fixture, "Every year report is byte-identical before and after a purge",
                 "[persistence][retention]") {
  const std::string before = AllReports(db.database);
  const auto woonoverlast = cases.Timelines(CaseKind::kWoonoverlast, D("2030-12-31"));
  const auto facts = signals.ReceivedBetween(D("2000-01-01"), D("2030-12-31"));
  REQUIRE(before.find("Meerzicht") != std::string::npos);

  PurgeDue();
  const auto purged = store.Purge({closed_late, closed_on_cutoff}, {assessed_late}, "2025-01-01");
  CHECK(purged.cases == std::vector<domain::CaseId>{closed_late, closed_on_cutoff});
  CHECK(purged.signals == std::vector<domain::SignalId>{assessed_late});

  CHECK(AllReports(db.database) == before);
  // What the reports read, field by field; only the transition reasons are gone.
  const auto after = cases.Timelines(CaseKind::kWoonoverlast, D("2030-12-31"));
  REQUIRE(after.size() == woonoverlast.size());
  for (std::size_t i = 0; i < after.size(); ++i) {
    CHECK(after[i].id == woonoverlast[i].id);
    CHECK(after[i].district == woonoverlast[i].district);
    CHECK(after[i].housing_type == woonoverlast[i].housing_type);
    CHECK(after[i].reported_on == woonoverlast[i].reported_on);
    REQUIRE(after[i].history.size() == woonoverlast[i].history.size());
    for (std::size_t j = 0; j < after[i].history.size(); ++j) {
      auto record = woonoverlast[i].history[j];
      if (after[i].id != reopened) record.reason.reset();
      testing::CheckSameRecord(after[i].history[j], record);
    }
  }
  const auto facts_after = signals.ReceivedBetween(D("2000-01-01"), D("2030-12-31"));
  REQUIRE(facts_after.size() == facts.size());
  for (std::size_t i = 0; i < facts.size(); ++i) {
    CHECK(facts_after[i].id == facts[i].id);
    CHECK(facts_after[i].received_on == facts[i].received_on);
    CHECK(facts_after[i].source == facts[i].source);
    CHECK(facts_after[i].themes == facts[i].themes);
  }
}

TEST_CASE_METHOD(Fixture, "Purging twice is harmless and keeps the first purge date",
                 "[persistence][retention]") {
  const auto due_cases = DueCases();
  const auto due_signals = Ids(store.SignalsAssessedBefore(D(kCutoff)));
  PurgeDue("2025-01-01");
  const auto casus = *cases.Find(closed_early);
  const auto history = cases.History(closed_early);
  const auto signal = *signals.Find(dismissed);
  const std::string reports = AllReports(db.database);

  store.Purge(due_cases, due_signals, "2026-01-01");

  testing::CheckSameCasus(*cases.Find(closed_early), casus);
  REQUIRE(cases.History(closed_early).size() == history.size());
  for (std::size_t i = 0; i < history.size(); ++i) {
    testing::CheckSameRecord(cases.History(closed_early)[i], history[i]);
  }
  testing::CheckSameSignal(*signals.Find(dismissed), signal);
  CHECK(PurgedOn(db.database, "cases", closed_early) == std::optional<std::string>("2025-01-01"));
  CHECK(PurgedOn(db.database, "signals", dismissed) == std::optional<std::string>("2025-01-01"));
  CHECK(AllReports(db.database) == reports);
}

TEST_CASE_METHOD(Fixture, "A purge skips what is no longer closed or not assessed, and unknown ids",
                 "[persistence][retention]") {
  const auto running = *cases.Find(reopened);
  const auto open = *signals.Find(still_open);
  const auto purged = store.Purge({reopened, 9999}, {still_open, 9999}, "2025-01-01");
  CHECK(purged.cases.empty());
  CHECK(purged.signals.empty());
  testing::CheckSameCasus(*cases.Find(reopened), running);
  CHECK(cases.History(reopened).back().reason == std::optional<std::string>("Nieuwe klachten"));
  testing::CheckSameSignal(*signals.Find(still_open), open);
  CHECK_FALSE(PurgedOn(db.database, "cases", reopened).has_value());
  CHECK_FALSE(PurgedOn(db.database, "signals", still_open).has_value());
}

TEST_CASE_METHOD(Fixture, "A purged casus re-opened and closed again is due again for its reasons",
                 "[persistence][retention]") {
  store.Purge(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2025-01-01"))), {},
              "2025-01-01");
  const std::int64_t version = cases.Find(closed_early)->version;
  REQUIRE(cases.AppendTransition(
      closed_early, version,
      Move(CaseState::kAfgerond, CaseState::kLopend, "2025-02-01", "Bewoner meldt opnieuw")));
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2031-01-01"))).empty());
  REQUIRE(cases.AppendTransition(closed_early, version + 1,
                                 Move(CaseState::kLopend, CaseState::kAfgerond, "2025-03-01",
                                      std::nullopt, CloseResult::kOpgelost)));
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2025-03-01"))).empty());
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2025-03-02"))) ==
        std::vector{closed_early});

  store.Purge({closed_early}, {}, "2030-03-02");
  for (const auto& record : cases.History(closed_early)) CHECK_FALSE(record.reason.has_value());
  CHECK(Ids(store.CasesClosedBefore(CaseKind::kWoonoverlast, D("2031-01-01"))).empty());
  CHECK(PurgedOn(db.database, "cases", closed_early) == std::optional<std::string>("2025-01-01"));
}

TEST_CASE_METHOD(Fixture, "A purge removes the summary and address kept by corrections",
                 "[persistence][retention]") {
  auto corrected = *cases.Find(closed_early);
  const auto before = corrected;
  corrected.summary = "Buurman J. Jansen, Dorpsstraat 3";
  corrected.district = "Centrum";
  std::vector<domain::CaseChange> changes = domain::ChangedFields(before, corrected);
  REQUIRE(changes.size() == 2);
  for (auto& change : changes) {
    change.reason = "gesprek met J. Jansen";
    change.who = "woonoverlast";
    change.at = "2020-01-02T09:00:00Z";
  }
  REQUIRE(cases.Correct(corrected, before.version, changes));

  PurgeDue();
  const auto kept = cases.Changes(closed_early);
  REQUIRE(kept.size() == 2);
  CHECK(kept[0].field == "district");
  CHECK(kept[0].old_value == std::optional<std::string>("\"Meerzicht\""));
  CHECK(kept[0].new_value == std::optional<std::string>("\"Centrum\""));
  CHECK(kept[1].field == "summary");
  CHECK_FALSE(kept[1].old_value.has_value());
  CHECK_FALSE(kept[1].new_value.has_value());
  for (const auto& change : kept) CHECK_FALSE(change.reason.has_value());
  CHECK(kept[1].who == "woonoverlast");
  // Nothing left to purge: not due again.
  CHECK(DueCases().empty());
}

TEST_CASE_METHOD(Fixture, "A purge that fails changes nothing", "[persistence][retention]") {
  const auto casus = *cases.Find(closed_early);
  CHECK_THROWS_AS(store.Purge({closed_early}, {dismissed}, "1 januari 2025"), soci::soci_error);
  testing::CheckSameCasus(*cases.Find(closed_early), casus);
  CHECK(cases.History(closed_early)[1].reason ==
        std::optional<std::string>("Buurman J. Jansen belt"));
  CHECK(signals.Find(dismissed)->reporter.has_value());
}

}  // namespace
}  // namespace casus::persistence
