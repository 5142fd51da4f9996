#include "domain/ondermijning/signal_service.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "domain/error.hpp"
#include "support/error_code_of.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct SignalFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signal_store{cases};
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService case_service{cases, districts, clock};
  SignalService service{signal_store, cases, case_service, clock};

  static NewSignal Valid(SignalSource source = SignalSource::kMeldpunt) {
    NewSignal signal;
    signal.received_on = Date(2024, 3, 1);
    signal.source = source;
    signal.themes = {Theme::kDrugs};
    signal.summary = "Veel kort bezoek bij een bedrijfspand";
    return signal;
  }

  static NewCase OndermijningCase() {
    NewCase fields;
    fields.kind = CaseKind::kOndermijning;
    fields.reported_on = Date(2024, 3, 10);
    fields.themes = {Theme::kDrugs};
    fields.summary = "Onderzoek naar drugshandel";
    return fields;
  }

  static AssessmentRequest Dismiss() {
    AssessmentRequest request;
    request.decision = AssessmentDecision::kDismiss;
    request.reason = "Niet concreet";
    return request;
  }
};

}  // namespace

TEST_CASE_METHOD(SignalFixture, "A received signal is open until assessed", "[domain][signals]") {
  const auto signal = service.Receive(Valid());
  CHECK(signal.status == SignalStatus::kOpen);
  CHECK_FALSE(signal.assessment.has_value());
  const auto outcome = service.Assess(signal.id, Dismiss());
  CHECK(outcome.signal.status == SignalStatus::kDismissed);
  CHECK(outcome.signal.assessment->reason == "Niet concreet");
  CHECK(outcome.signal.assessment->on == Date(2025, 6, 30));  // today by default
}

TEST_CASE_METHOD(SignalFixture, "A signal from Meld Misdaad Anoniem refuses reporter details",
                 "[domain][signals]") {
  auto anonymous = Valid(SignalSource::kMma);
  anonymous.reporter = Reporter{"Jan", std::nullopt, std::nullopt};
  CHECK(CodeOf([&] { service.Receive(anonymous); }) == ErrorCode::kInvalid);
  SignalFilter all;
  CHECK(service.List(all).items.empty());

  auto from_partner = Valid(SignalSource::kPartner);
  from_partner.reporter = Reporter{"Wijkagent", std::nullopt, std::nullopt};
  CHECK(service.Receive(from_partner).reporter->name == "Wijkagent");
}

TEST_CASE_METHOD(SignalFixture, "A signal is assessed only once", "[domain][signals]") {
  const auto id = service.Receive(Valid()).id;
  service.Assess(id, Dismiss());
  CHECK(CodeOf([&] { service.Assess(id, Dismiss()); }) == ErrorCode::kConflict);
  AssessmentRequest new_case;
  new_case.decision = AssessmentDecision::kNewCase;
  new_case.new_case = OndermijningCase();
  CHECK(CodeOf([&] { service.Assess(id, new_case); }) == ErrorCode::kConflict);
  CaseFilter all;
  CHECK(case_service.List(all).items.empty());
}

TEST_CASE_METHOD(SignalFixture, "Assessing into a new casus opens an ondermijning casus",
                 "[domain][signals]") {
  const auto id = service.Receive(Valid()).id;
  AssessmentRequest request;
  request.decision = AssessmentDecision::kNewCase;
  request.on = Date(2024, 3, 10);
  request.new_case = OndermijningCase();
  const auto outcome = service.Assess(id, request);
  REQUIRE(outcome.new_case.has_value());
  CHECK(outcome.new_case->kind == CaseKind::kOndermijning);
  CHECK(outcome.new_case->state == CaseState::kGemeld);
  CHECK(outcome.signal.status == SignalStatus::kLinked);
  CHECK(outcome.signal.assessment->case_id == outcome.new_case->id);
}

TEST_CASE_METHOD(SignalFixture, "Several signals can feed one casus, but never a woonoverlast one",
                 "[domain][signals]") {
  const auto first = service.Receive(Valid()).id;
  AssessmentRequest open;
  open.decision = AssessmentDecision::kNewCase;
  open.new_case = OndermijningCase();
  const auto case_id = service.Assess(first, open).new_case->id;

  AssessmentRequest link;
  link.decision = AssessmentDecision::kLink;
  link.case_id = case_id;
  const auto second = service.Receive(Valid()).id;
  CHECK(service.Assess(second, link).signal.assessment->case_id == case_id);

  NewCase woonoverlast;
  woonoverlast.district = "Centrum";
  woonoverlast.housing_type = HousingType::kKoop;
  woonoverlast.reported_on = Date(2024, 1, 1);
  woonoverlast.categories = {NuisanceCategory::kGeluid};
  woonoverlast.summary = "Geluid";
  link.case_id = case_service.Register(woonoverlast).id;
  const auto third = service.Receive(Valid()).id;
  CHECK(CodeOf([&] { service.Assess(third, link); }) == ErrorCode::kInvalid);
  link.case_id = 999;
  CHECK(CodeOf([&] { service.Assess(third, link); }) == ErrorCode::kInvalid);
  CHECK(service.Get(third).status == SignalStatus::kOpen);
}

TEST_CASE_METHOD(SignalFixture, "Assessment requests must be complete and consistent",
                 "[domain][signals]") {
  const auto id = service.Receive(Valid()).id;
  AssessmentRequest no_reason;
  no_reason.decision = AssessmentDecision::kDismiss;
  CHECK(CodeOf([&] { service.Assess(id, no_reason); }) == ErrorCode::kInvalid);

  AssessmentRequest no_case;
  no_case.decision = AssessmentDecision::kLink;
  CHECK(CodeOf([&] { service.Assess(id, no_case); }) == ErrorCode::kInvalid);

  AssessmentRequest woonoverlast_case;
  woonoverlast_case.decision = AssessmentDecision::kNewCase;
  woonoverlast_case.new_case = OndermijningCase();
  woonoverlast_case.new_case->kind = CaseKind::kWoonoverlast;
  CHECK(CodeOf([&] { service.Assess(id, woonoverlast_case); }) == ErrorCode::kInvalid);

  AssessmentRequest before_signal = Dismiss();
  before_signal.on = Date(2024, 2, 1);
  CHECK(CodeOf([&] { service.Assess(id, before_signal); }) == ErrorCode::kDateOutOfOrder);
  CHECK(service.Get(id).status == SignalStatus::kOpen);
}

TEST_CASE_METHOD(SignalFixture, "Signals are refused without themes or with a future date",
                 "[domain][signals]") {
  auto no_themes = Valid();
  no_themes.themes.clear();
  CHECK(CodeOf([&] { service.Receive(no_themes); }) == ErrorCode::kInvalid);
  auto future = Valid();
  future.received_on = Date(2025, 7, 1);
  CHECK(CodeOf([&] { service.Receive(future); }) == ErrorCode::kInvalid);
  auto unknown_wijk = Valid();
  unknown_wijk.district = "Atlantis";
  CHECK(CodeOf([&] { service.Receive(unknown_wijk); }) == ErrorCode::kInvalid);
}

TEST_CASE_METHOD(SignalFixture, "Ondermijning handhaving and sluiting record their details",
                 "[domain][signals]") {
  const auto id = case_service.Register(OndermijningCase()).id;
  case_service.Transition(id, {CaseState::kLopend, Date(2024, 3, 11)}, std::nullopt);
  CHECK(CodeOf([&] {
          case_service.Transition(id, {CaseState::kHandhaving, Date(2024, 4, 1)}, std::nullopt);
        }) == ErrorCode::kInvalid);
  TransitionRequest enforce{CaseState::kHandhaving, Date(2024, 4, 1)};
  enforce.partner = "Politie";
  enforce.measure = EnforcementMeasure::kSluiting;
  case_service.Transition(id, enforce, std::nullopt);

  TransitionRequest close_down{CaseState::kSluiting, Date(2024, 5, 1)};
  close_down.legal_basis = LegalBasis::kArt13bOpiumwet;
  close_down.until = Date(2024, 4, 30);
  CHECK(CodeOf([&] { case_service.Transition(id, close_down, std::nullopt); }) ==
        ErrorCode::kInvalid);
  close_down.until = Date(2024, 8, 1);
  case_service.Transition(id, close_down, std::nullopt);
  const auto history = case_service.History(id);
  CHECK(history[2].partner == "Politie");
  CHECK(history[2].measure == EnforcementMeasure::kSluiting);
  CHECK(history[3].legal_basis == LegalBasis::kArt13bOpiumwet);
  CHECK(history[3].until == Date(2024, 8, 1));

  TransitionRequest misplaced{CaseState::kAfgerond, Date(2024, 8, 2)};
  misplaced.partner = "Politie";
  CHECK(CodeOf([&] { case_service.Transition(id, misplaced, std::nullopt); }) ==
        ErrorCode::kInvalid);
}
