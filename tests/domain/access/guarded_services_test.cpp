#include "domain/access/guarded_services.hpp"

#include <catch2/catch.hpp>
#include <functional>
#include <stdexcept>

#include "support/error_code_of.hpp"
#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_activity_repository.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct GuardedFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signal_store{cases};
  casus::testing::InMemoryActivityRepository activity_store;
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryAuditTrail audit;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService case_service{cases, districts, clock};
  SignalService signal_service{signal_store, cases, case_service, clock};
  ActivityService activity_service{activity_store, cases, clock};
  OndermijningReportService ondermijning_reports{signal_store, cases, activity_store};
  DirectUnitOfWork units;
  AccessGate gate{audit, units, clock};
  GuardedCaseService guarded_cases{case_service, gate};
  GuardedSignalService guarded_signals{signal_service, gate};
  GuardedReportService guarded_reports{case_service, ondermijning_reports, gate};

  const Actor woonoverlast{"wo-team", Role::kWoonoverlast, "10.0.0.1"};
  const Actor ondermijning{"om-team", Role::kOndermijning, "10.0.0.2"};
  const Actor analist{"analist", Role::kAnalist, "10.0.0.3"};
  const Actor beheerder{"beheer", Role::kBeheerder, "10.0.0.4"};

  CaseId woonoverlast_case = 0;
  CaseId ondermijning_case = 0;

  // A woonoverlast casus as the team registers it.
  static NewCase Woonoverlast() {
    NewCase w;
    w.district = "Centrum";
    w.housing_type = HousingType::kKoop;
    w.reported_on = Date(2024, 3, 1);
    w.categories = {NuisanceCategory::kGeluid};
    w.summary = "Geluid";
    return w;
  }

  GuardedFixture() {
    woonoverlast_case = case_service.Register(Woonoverlast()).id;
    NewCase o;
    o.kind = CaseKind::kOndermijning;
    o.reported_on = Date(2024, 3, 1);
    o.themes = {Theme::kDrugs};
    o.summary = "Drugs";
    ondermijning_case = case_service.Register(o).id;
  }
};

std::string MessageOf(const std::function<void()>& action) {
  try {
    action();
  } catch (const DomainError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST_CASE_METHOD(GuardedFixture, "A casus of another team answers exactly as a missing one",
                 "[domain][access]") {
  CHECK(guarded_cases.Get(woonoverlast, woonoverlast_case).id == woonoverlast_case);
  CHECK(CodeOf([&] { guarded_cases.Get(woonoverlast, ondermijning_case); }) ==
        ErrorCode::kNotFound);
  CHECK(MessageOf([&] { guarded_cases.Get(woonoverlast, ondermijning_case); }) ==
        MessageOf([&] {
          guarded_cases.Get(woonoverlast, 999);
        }).replace(8, 3, std::to_string(ondermijning_case)));
  CHECK(CodeOf([&] { guarded_cases.History(ondermijning, woonoverlast_case); }) ==
        ErrorCode::kNotFound);
  CHECK(CodeOf([&] {
          guarded_cases.Transition(ondermijning, woonoverlast_case,
                                   {CaseState::kLopend, Date(2024, 3, 2)}, std::nullopt);
        }) == ErrorCode::kNotFound);
  CHECK(case_service.Get(woonoverlast_case).state == CaseState::kGemeld);
}

TEST_CASE_METHOD(GuardedFixture, "Lists hold only the caller's kind whatever the filter says",
                 "[domain][access]") {
  CaseFilter filter;
  const auto own = guarded_cases.List(woonoverlast, filter);
  REQUIRE(own.items.size() == 1);
  CHECK(own.items[0].kind == CaseKind::kWoonoverlast);
  filter.kind = CaseKind::kOndermijning;
  CHECK(guarded_cases.List(woonoverlast, filter).items.empty());
}

TEST_CASE_METHOD(GuardedFixture, "Analist and beheerder reach no case content at all",
                 "[domain][access]") {
  for (const auto* actor : {&analist, &beheerder}) {
    CHECK(CodeOf([&] { guarded_cases.Get(*actor, woonoverlast_case); }) == ErrorCode::kForbidden);
    CHECK(CodeOf([&] { guarded_cases.List(*actor, CaseFilter{}); }) == ErrorCode::kForbidden);
    CHECK(CodeOf([&] { guarded_signals.List(*actor, SignalFilter{}); }) == ErrorCode::kForbidden);
  }
  CHECK(guarded_reports.Woonoverlast(analist, 2024).totals.Total() == 1);
  CHECK(guarded_reports.Ondermijning(analist, 2024).figures.cases.handled == 1);
  CHECK(CodeOf([&] { guarded_reports.Ondermijning(woonoverlast, 2024); }) == ErrorCode::kForbidden);
  CHECK(CodeOf([&] { guarded_reports.Woonoverlast(beheerder, 2024); }) == ErrorCode::kForbidden);
}

TEST_CASE_METHOD(GuardedFixture, "A team may not register a casus of another kind",
                 "[domain][access]") {
  NewCase o;
  o.kind = CaseKind::kOndermijning;
  o.reported_on = Date(2024, 3, 1);
  o.themes = {Theme::kDrugs};
  o.summary = "Drugs";
  CHECK(CodeOf([&] { guarded_cases.Register(woonoverlast, o); }) == ErrorCode::kForbidden);
  CHECK(guarded_cases.Register(ondermijning, o).kind == CaseKind::kOndermijning);
}

TEST_CASE_METHOD(GuardedFixture, "Every read, write and refusal appends one audit row",
                 "[domain][access][audit]") {
  guarded_cases.Get(woonoverlast, woonoverlast_case);
  CodeOf([&] { guarded_cases.Get(woonoverlast, ondermijning_case); });
  CodeOf([&] { guarded_cases.Get(analist, woonoverlast_case); });
  guarded_cases.Transition(woonoverlast, woonoverlast_case, {CaseState::kLopend, Date(2024, 3, 2)},
                           std::nullopt);
  CodeOf([&] { guarded_cases.Get(woonoverlast, 999); });
  gate.RecordUnauthenticated("10.9.9.9", Action::kReadCase, "cases/1");
  gate.FlushRefusals(/*all=*/true);  // counted per minute; written when it is over

  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 6);
  const auto& ok = rows[0].event;
  CHECK(ok.token == "wo-team");
  CHECK(ok.role == "woonoverlast");
  CHECK(ok.action == "read_case");
  CHECK(ok.object == "cases/" + std::to_string(woonoverlast_case));
  CHECK(ok.result == "ok");
  CHECK(ok.client == "10.0.0.1");
  CHECK(ok.at == "2025-06-30T12:00:00Z");
  CHECK(rows[1].event.result == "denied");  // another team's casus: 404 to the caller
  CHECK(rows[2].event.result == "denied");  // analist
  CHECK(rows[3].event.action == "write_case");
  CHECK(rows[3].event.result == "ok");
  CHECK(rows[4].event.result == "not_found");
  CHECK(rows[5].event.token == "-");
  CHECK(rows[5].event.result == "unauthenticated");
}

TEST_CASE_METHOD(GuardedFixture, "A use case failing unexpectedly is audited as error",
                 "[domain][access][audit]") {
  CHECK_THROWS_AS(gate.Run(woonoverlast, Action::kReadCase, "cases/1",
                           []() -> int { throw std::runtime_error("storage unavailable"); }),
                  std::runtime_error);
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].event.result == "error");
}

TEST_CASE_METHOD(GuardedFixture, "A create is audited under the object it created",
                 "[domain][access][audit]") {
  NewCase w = Woonoverlast();
  const CaseId created = guarded_cases.Register(woonoverlast, w).id;
  w.district = "Nergenshuizen";
  CodeOf([&] { guarded_cases.Register(woonoverlast, w); });
  const auto rows = audit.Rows();
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].event.object == "cases/" + std::to_string(created));
  CHECK(rows[0].event.result == "ok");
  CHECK(rows[1].event.object == "cases");  // refused: nothing was created to name
  CHECK(rows[1].event.result == "invalid");
}

TEST_CASE_METHOD(GuardedFixture, "The audit trail of a casus takes in the signals linked to it",
                 "[domain][access][audit]") {
  GuardedAuditService guarded_audit{audit, cases, gate};
  NewSignal request;
  request.received_on = Date(2024, 4, 1);
  request.source = SignalSource::kMeldpunt;
  request.themes = {Theme::kDrugs};
  request.summary = "Hennep";
  const SignalId linked = guarded_signals.Receive(ondermijning, request).id;
  const SignalId other = guarded_signals.Receive(ondermijning, request).id;
  AssessmentRequest link;
  link.decision = AssessmentDecision::kLink;
  link.on = Date(2024, 4, 2);
  link.case_id = ondermijning_case;
  guarded_signals.Assess(ondermijning, linked, link);
  guarded_cases.History(ondermijning, ondermijning_case);

  AuditFilter filter;
  filter.objects = {"cases/" + std::to_string(ondermijning_case)};
  std::vector<std::string> objects;
  for (const auto& row : guarded_audit.Query(beheerder, filter).items) {
    objects.push_back(row.event.object);
  }
  const std::string signal = "signals/" + std::to_string(linked);
  CHECK(objects ==
        std::vector<std::string>{signal, signal + "/assessment", filter.objects[0] + "/history"});
  CHECK(std::find(objects.begin(), objects.end(), "signals/" + std::to_string(other)) ==
        objects.end());
}
