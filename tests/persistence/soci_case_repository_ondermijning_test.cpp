#include "persistence/soci_case_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <vector>

#include "domain/enum_names.hpp"
#include "persistence/soci_signal_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/signal_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseKind;
using domain::CaseState;
using domain::EnforcementMeasure;
using domain::LegalBasis;
using domain::SignalSource;
using domain::Theme;
using testing::D;
using testing::Move;
using testing::OndermijningOn;
using testing::Registration;

struct Fixture {
  testing::TempDatabase db;
  SociCaseRepository cases{db.database};
  SociSignalRepository signals{db.database};

  domain::Casus Create(const domain::NewCase& fields) {
    return cases.Create(fields, Registration(fields));
  }
  domain::SignalId LinkedSignal(domain::CaseId case_id) {
    const auto id =
        signals.Create(testing::NewSignalFrom(SignalSource::kMma), testing::kReceivedAt).id;
    REQUIRE(signals.Assess(id, testing::LinkTo(case_id)));
    return id;
  }
};

domain::TransitionRecord IntoHandhaving(const char* on) {
  auto record = Move(CaseState::kLopend, CaseState::kHandhaving, on);
  record.partner = "Politie Haaglanden";
  record.measure = EnforcementMeasure::kLastOnderDwangsom;
  return record;
}

domain::TransitionRecord IntoSluiting(const char* on, const char* until) {
  auto record = Move(CaseState::kHandhaving, CaseState::kSluiting, on);
  record.legal_basis = LegalBasis::kArt13bOpiumwet;
  record.until = D(until);
  return record;
}

TEST_CASE_METHOD(Fixture, "The themes of a casus round-trip in submitted order",
                 "[persistence][cases][ondermijning]") {
  const auto fields = OndermijningOn({Theme::kWitwassen, Theme::kDrugs, Theme::kOverig});
  const auto created = Create(fields);
  CHECK(created.themes == fields.themes);
  const auto found = cases.Find(created.id);
  REQUIRE(found.has_value());
  testing::CheckSameCasus(*found, created);

  SECTION("every theme is accepted by the schema") {
    const auto all = domain::AllOf<Theme>();
    const auto every = OndermijningOn(std::vector<Theme>(all.rbegin(), all.rend()));
    CHECK(cases.Find(Create(every).id)->themes == every.themes);
  }
}

TEST_CASE_METHOD(Fixture, "A casus lists the ids of the signals linked to it, ascending",
                 "[persistence][cases][ondermijning]") {
  const auto target = Create(OndermijningOn({Theme::kDrugs})).id;
  const auto other = Create(OndermijningOn({Theme::kDrugs})).id;
  const auto first = LinkedSignal(target);
  LinkedSignal(other);
  const auto second = LinkedSignal(target);
  // Dismissed and open signals feed no casus.
  const auto dismissed =
      signals.Create(testing::NewSignalFrom(SignalSource::kPartner), testing::kReceivedAt).id;
  REQUIRE(signals.Assess(dismissed, testing::Dismissal()));
  signals.Create(testing::NewSignalFrom(SignalSource::kMeldpunt), testing::kReceivedAt);

  CHECK(cases.Find(target)->signal_ids == std::vector{first, second});
  CHECK(cases.Find(other)->signal_ids.size() == 1);
  CHECK(cases.Find(Create(testing::Woonoverlast()).id)->signal_ids.empty());
}

TEST_CASE_METHOD(Fixture, "List pages carry themes and signal ids of exactly their casussen",
                 "[persistence][cases][ondermijning]") {
  std::vector<domain::CaseId> ids;
  std::vector<std::vector<domain::SignalId>> linked(5);
  for (int i = 0; i < 5; ++i) {
    ids.push_back(Create(OndermijningOn({Theme::kProstitutie, Theme::kArbeidsuitbuiting})).id);
    Create(testing::Woonoverlast());  // filtered out, between them
    for (int n = 0; n < i % 3; ++n) linked[i].push_back(LinkedSignal(ids.back()));
  }

  domain::CaseFilter filter;
  filter.kind = CaseKind::kOndermijning;
  filter.limit = 2;
  std::size_t seen = 0;
  for (;;) {
    const auto page = cases.List(filter);
    for (const auto& casus : page.items) {
      REQUIRE(seen < ids.size());
      CHECK(casus.id == ids[seen]);
      CHECK(casus.themes == std::vector{Theme::kProstitutie, Theme::kArbeidsuitbuiting});
      CHECK(casus.signal_ids == linked[seen]);
      CHECK(casus.categories.empty());
      ++seen;
    }
    if (!page.next) break;
    filter.after = page.next;
  }
  CHECK(seen == ids.size());
}

TEST_CASE_METHOD(Fixture, "Enforcement and closure details of transitions round-trip",
                 "[persistence][cases][ondermijning]") {
  const auto id = Create(OndermijningOn({Theme::kDrugs}, "2024-02-01")).id;
  const auto to_lopend = Move(CaseState::kGemeld, CaseState::kLopend, "2024-02-05");
  const auto to_handhaving = IntoHandhaving("2024-03-01");
  const auto to_sluiting = IntoSluiting("2024-04-01", "2024-06-30");
  REQUIRE(cases.AppendTransition(id, 1, to_lopend));
  REQUIRE(cases.AppendTransition(id, 2, to_handhaving));
  REQUIRE(cases.AppendTransition(id, 3, to_sluiting));

  const auto history = cases.History(id);
  REQUIRE(history.size() == 4);
  CHECK_FALSE(history[0].partner.has_value());
  CHECK_FALSE(history[1].measure.has_value());
  auto expected = to_handhaving;
  expected.sequence = 3;
  testing::CheckSameRecord(history[2], expected);
  expected = to_sluiting;
  expected.sequence = 4;
  testing::CheckSameRecord(history[3], expected);

  const auto timelines = cases.Timelines(CaseKind::kOndermijning, D("2024-12-31"));
  REQUIRE(timelines.size() == 1);
  REQUIRE(timelines[0].history.size() == 4);
  testing::CheckSameRecord(timelines[0].history[3], expected);
  CHECK(timelines[0].history[2].partner == std::optional<std::string>("Politie Haaglanden"));
}

TEST_CASE_METHOD(Fixture, "Every measure and legal basis is accepted by the schema",
                 "[persistence][cases][ondermijning]") {
  for (const auto measure : domain::AllOf<EnforcementMeasure>()) {
    for (const auto basis : domain::AllOf<LegalBasis>()) {
      const auto id = Create(OndermijningOn({Theme::kDrugs})).id;
      auto handhaving = IntoHandhaving("2024-03-01");
      handhaving.measure = measure;
      auto sluiting = IntoSluiting("2024-04-01", "2024-04-30");
      sluiting.legal_basis = basis;
      REQUIRE(cases.AppendTransition(id, 1,
                                     Move(CaseState::kGemeld, CaseState::kLopend, "2024-02-05")));
      REQUIRE(cases.AppendTransition(id, 2, handhaving));
      REQUIRE(cases.AppendTransition(id, 3, sluiting));
      const auto history = cases.History(id);
      CHECK(history[2].measure == measure);
      CHECK(history[3].legal_basis == basis);
    }
  }
}

TEST_CASE_METHOD(Fixture, "The schema refuses themes, measures and legal bases it does not know",
                 "[persistence][cases][ondermijning]") {
  const auto id = Create(OndermijningOn({Theme::kDrugs})).id;
  SessionLease sql(db.database);
  CHECK_THROWS_AS((*sql << "INSERT INTO case_themes (case_id, theme, position) "
                           "VALUES (:id, 'wapenhandel', 2)",
                   soci::use(id)),
                  soci::soci_error);
  CHECK_THROWS_AS((*sql << "INSERT INTO case_transitions (case_id, sequence, from_state, "
                           "to_state, effective_on, recorded_at, measure) VALUES (:id, 2, "
                           "'gemeld', 'handhaving', '2024-03-01', 'x', 'boete')",
                   soci::use(id)),
                  soci::soci_error);
  CHECK_THROWS_AS((*sql << "INSERT INTO case_transitions (case_id, sequence, from_state, "
                           "to_state, effective_on, recorded_at, legal_basis) VALUES (:id, 2, "
                           "'gemeld', 'sluiting', '2024-03-01', 'x', 'art_1_grondwet')",
                   soci::use(id)),
                  soci::soci_error);
  CHECK_THROWS_AS((*sql << "INSERT INTO case_transitions (case_id, sequence, from_state, "
                           "to_state, effective_on, recorded_at, until_on) VALUES (:id, 2, "
                           "'gemeld', 'sluiting', '2024-03-01', 'x', '30 juni')",
                   soci::use(id)),
                  soci::soci_error);
}

}  // namespace
}  // namespace casus::persistence
