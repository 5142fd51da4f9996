#include "domain/cases/case_service.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "domain/error.hpp"
#include "support/error_code_of.hpp"
#include "support/in_memory_case_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct ServiceFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService service{cases, districts, clock};

  static NewCase Valid() {
    NewCase request;
    request.kind = CaseKind::kWoonoverlast;
    request.district = "Centrum";
    request.housing_type = HousingType::kKoop;
    request.reported_on = Date(2024, 3, 1);
    request.categories = {NuisanceCategory::kGeluid};
    request.summary = "Harde muziek";
    return request;
  }

  Casus Move(CaseId id, CaseState to, Date on, std::optional<std::string> reason = std::nullopt) {
    return service.Transition(id, {to, on, std::move(reason), std::nullopt}, std::nullopt);
  }
};

// Counts the reads a use case makes, forwarding everything to the in-memory repository.
class CountingCaseRepository final : public CaseRepository {
 public:
  Casus Create(const NewCase& fields, const TransitionRecord& registration) override {
    return inner.Create(fields, registration);
  }
  std::optional<Casus> Find(CaseId id) override {
    ++finds;
    return inner.Find(id);
  }
  CasePage List(const CaseFilter& filter) override { return inner.List(filter); }
  std::vector<std::string> ExternalRefs(CaseKind kind) override { return inner.ExternalRefs(kind); }
  std::vector<TransitionRecord> History(CaseId id) override {
    ++histories;
    return inner.History(id);
  }
  CaseNote AddNote(const CaseNote& note) override { return inner.AddNote(note); }
  NotePage Notes(CaseId id, std::optional<NoteId> after, int limit) override {
    return inner.Notes(id, after, limit);
  }
  bool AppendTransition(CaseId id, std::int64_t expected_version,
                        const TransitionRecord& record) override {
    return inner.AppendTransition(id, expected_version, record);
  }
  bool Correct(const Casus& corrected, std::int64_t expected_version,
               const std::vector<CaseChange>& changes) override {
    return inner.Correct(corrected, expected_version, changes);
  }
  std::vector<CaseChange> Changes(CaseId id) override { return inner.Changes(id); }
  std::vector<CaseTimeline> Timelines(CaseKind kind, Date until) override {
    return inner.Timelines(kind, until);
  }
  std::vector<WoonoverlastCount> WoonoverlastCounts(const ReportPeriod& period,
                                                    const ReportPeriod& previous) override {
    return inner.WoonoverlastCounts(period, previous);
  }

  casus::testing::InMemoryCaseRepository inner;
  int finds = 0;
  int histories = 0;
};

}  // namespace

TEST_CASE_METHOD(ServiceFixture, "A registered case starts in gemeld at version 1 with history",
                 "[domain][service]") {
  const auto casus = service.Register(Valid());
  CHECK(casus.state == CaseState::kGemeld);
  CHECK(casus.version == 1);
  const auto history = service.History(casus.id);
  REQUIRE(history.size() == 1);
  CHECK_FALSE(history[0].from.has_value());
  CHECK(history[0].to == CaseState::kGemeld);
  CHECK(history[0].on == Date(2024, 3, 1));
  CHECK(history[0].recorded_at == "2025-06-30T12:00:00Z");
}

TEST_CASE_METHOD(ServiceFixture, "Registration refuses invalid cases and stores nothing",
                 "[domain][service]") {
  auto future = Valid();
  future.reported_on = Date(2025, 7, 1);
  CHECK(CodeOf([&] { service.Register(future); }) == ErrorCode::kInvalid);

  auto unknown_wijk = Valid();
  unknown_wijk.district = "Atlantis";
  CHECK(CodeOf([&] { service.Register(unknown_wijk); }) == ErrorCode::kInvalid);

  auto no_housing = Valid();
  no_housing.housing_type.reset();
  CHECK(CodeOf([&] { service.Register(no_housing); }) == ErrorCode::kInvalid);

  auto no_categories = Valid();
  no_categories.categories.clear();
  CHECK(CodeOf([&] { service.Register(no_categories); }) == ErrorCode::kInvalid);

  auto duplicate_category = Valid();
  duplicate_category.categories = {NuisanceCategory::kGeluid, NuisanceCategory::kGeluid};
  CHECK(CodeOf([&] { service.Register(duplicate_category); }) == ErrorCode::kInvalid);

  auto blank_summary = Valid();
  blank_summary.summary = "  ";
  CHECK(CodeOf([&] { service.Register(blank_summary); }) == ErrorCode::kInvalid);

  auto blank_street = Valid();
  blank_street.address = Address{"", "1", "2711 AB", std::nullopt};
  CHECK(CodeOf([&] { service.Register(blank_street); }) == ErrorCode::kInvalid);

  CaseFilter all;
  CHECK(service.List(all).items.empty());
}

TEST_CASE_METHOD(ServiceFixture, "A transition moves the state, bumps the version, adds history",
                 "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  const auto moved = Move(id, CaseState::kLopend, Date(2024, 3, 5));
  CHECK(moved.state == CaseState::kLopend);
  CHECK(moved.version == 2);
  const auto history = service.History(id);
  REQUIRE(history.size() == 2);
  CHECK(history[1].from == CaseState::kGemeld);
  CHECK(history[1].to == CaseState::kLopend);
  CHECK(history[1].on == Date(2024, 3, 5));
}

TEST_CASE_METHOD(ServiceFixture, "A transition the lifecycle forbids is refused as such",
                 "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  CHECK(CodeOf([&] { Move(id, CaseState::kAfgerond, Date(2024, 3, 5)); }) ==
        ErrorCode::kForbiddenTransition);
  CHECK(service.Get(id).version == 1);
}

TEST_CASE_METHOD(ServiceFixture, "A stale If-Match is refused and changes nothing",
                 "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  const TransitionRequest to_lopend{CaseState::kLopend, Date(2024, 3, 5), {}, {}};
  CHECK(CodeOf([&] { service.Transition(id, to_lopend, 7); }) == ErrorCode::kStaleVersion);
  CHECK(service.Get(id).state == CaseState::kGemeld);
  CHECK(service.Transition(id, to_lopend, 1).version == 2);
}

TEST_CASE_METHOD(ServiceFixture, "An effective date before the previous one is out of order",
                 "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  CHECK(CodeOf([&] { Move(id, CaseState::kLopend, Date(2024, 2, 28)); }) ==
        ErrorCode::kDateOutOfOrder);
  Move(id, CaseState::kLopend, Date(2024, 3, 1));  // the same day is fine
  CHECK(CodeOf([&] { Move(id, CaseState::kAfgerond, Date(2024, 2, 29)); }) ==
        ErrorCode::kDateOutOfOrder);
  CHECK(CodeOf([&] { Move(id, CaseState::kAfgerond, Date(2025, 7, 1)); }) == ErrorCode::kInvalid);
  CHECK(service.History(id).size() == 2);
}

TEST_CASE_METHOD(ServiceFixture, "Re-opening a closed case requires a reason",
                 "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  Move(id, CaseState::kLopend, Date(2024, 3, 5));
  Move(id, CaseState::kAfgerond, Date(2024, 4, 5));
  CHECK(CodeOf([&] { Move(id, CaseState::kLopend, Date(2024, 5, 5)); }) == ErrorCode::kInvalid);
  CHECK(CodeOf([&] { Move(id, CaseState::kLopend, Date(2024, 5, 5), " "); }) ==
        ErrorCode::kInvalid);
  CHECK(Move(id, CaseState::kLopend, Date(2024, 5, 5), "Nieuwe klachten").state ==
        CaseState::kLopend);
}

TEST_CASE_METHOD(ServiceFixture, "A result is only recorded when closing", "[domain][service]") {
  const auto id = service.Register(Valid()).id;
  const TransitionRequest with_result{
      CaseState::kLopend, Date(2024, 3, 5), {}, CloseResult::kOpgelost};
  CHECK(CodeOf([&] { service.Transition(id, with_result, std::nullopt); }) == ErrorCode::kInvalid);
  Move(id, CaseState::kLopend, Date(2024, 3, 5));
  const TransitionRequest closing{
      CaseState::kAfgerond, Date(2024, 3, 9), {}, CloseResult::kOnvoldoendeAanknopingspunten};
  service.Transition(id, closing, std::nullopt);
  CHECK(service.History(id).back().result == CloseResult::kOnvoldoendeAanknopingspunten);
}

TEST_CASE_METHOD(ServiceFixture, "Unknown cases are not found", "[domain][service]") {
  CHECK(CodeOf([&] { service.Get(42); }) == ErrorCode::kNotFound);
  CHECK(CodeOf([&] { service.History(42); }) == ErrorCode::kNotFound);
  CHECK(CodeOf([&] { Move(42, CaseState::kLopend, Date(2024, 1, 1)); }) == ErrorCode::kNotFound);
}

TEST_CASE_METHOD(ServiceFixture, "A page size outside 1..500 is refused", "[domain][service]") {
  CaseFilter filter;
  filter.limit = 501;
  CHECK(CodeOf([&] { service.List(filter); }) == ErrorCode::kMalformed);
  filter.limit = 0;
  CHECK(CodeOf([&] { service.List(filter); }) == ErrorCode::kMalformed);
  filter.limit = 500;
  CHECK(service.List(filter).items.empty());
}

TEST_CASE("A transition loads its casus once, reads no history and returns it as it now stands",
          "[domain][cases]") {
  CountingCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService service{cases, districts, clock};
  const auto id = service.Register(ServiceFixture::Valid()).id;
  int checked = 0;
  const Casus moved =
      service.Transition(id, {CaseState::kLopend, Date(2024, 3, 5), std::nullopt, std::nullopt},
                         std::nullopt, [&](const Casus& loaded) {
                           CHECK(loaded.id == id);
                           ++checked;
                         });
  CHECK(cases.finds == 1);
  CHECK(cases.histories == 0);
  CHECK(checked == 1);
  CHECK(moved.state == CaseState::kLopend);
  CHECK(moved.version == 2);
  CHECK(moved.last_change_on == Date(2024, 3, 5));
  const auto stored = cases.inner.Find(id);
  CHECK(stored->state == moved.state);
  CHECK(stored->version == moved.version);
  // The check refuses before anything changes.
  CHECK_THROWS_AS(
      service.Transition(id, {CaseState::kAfgerond, Date(2024, 4, 1), std::nullopt, std::nullopt},
                         std::nullopt,
                         [](const Casus&) { throw DomainError(ErrorCode::kForbidden, "x"); }),
      DomainError);
  CHECK(cases.inner.Find(id)->version == 2);
}
