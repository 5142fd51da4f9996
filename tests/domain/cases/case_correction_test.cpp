#include <catch2/catch.hpp>
#include <functional>

#include "domain/cases/case_service.hpp"
#include "domain/error.hpp"
#include "support/error_code_of.hpp"
#include "support/in_memory_case_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct CorrectionFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2025, 6, 30)};
  CaseService service{cases, districts, clock};
  // Who may be assigned: "bob" on woonoverlast casussen.
  AssigneeCheck may_assign = [](const std::string& name, CaseKind kind) {
    return name == "bob" && kind == CaseKind::kWoonoverlast;
  };

  Casus Registered(CaseKind kind = CaseKind::kWoonoverlast) {
    NewCase request;
    request.kind = kind;
    request.reported_on = Date(2024, 3, 1);
    request.summary = "Harde muziek";
    if (kind == CaseKind::kWoonoverlast) {
      request.district = "Centrum";
      request.housing_type = HousingType::kKoop;
      request.categories = {NuisanceCategory::kGeluid};
    } else {
      request.themes = {Theme::kDrugs};
    }
    return service.Register(request);
  }

  Casus Correct(CaseId id, const CaseCorrection& correction,
                std::optional<std::int64_t> if_match = std::nullopt) {
    return service.Correct(id, correction, if_match, "alice", may_assign);
  }

  static CaseCorrection WithReason(std::string reason = "typo") {
    CaseCorrection correction;
    correction.reason = std::move(reason);
    return correction;
  }
};

}  // namespace

TEST_CASE_METHOD(CorrectionFixture, "A corrected wijk is stored with a new version and kept",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction = WithReason("verkeerde wijk");
  correction.district = "Meerzicht";
  const Casus corrected = Correct(casus.id, correction, 1);
  CHECK(corrected.district == "Meerzicht");
  CHECK(corrected.version == 2);
  CHECK(service.Get(casus.id).district == "Meerzicht");
  const auto changes = service.Changes(casus.id);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].field == "district");
  CHECK(changes[0].old_value == "\"Centrum\"");
  CHECK(changes[0].new_value == "\"Meerzicht\"");
  CHECK(changes[0].reason == "verkeerde wijk");
  CHECK(changes[0].who == "alice");
  CHECK(changes[0].at == "2025-06-30T12:00:00Z");
}

TEST_CASE_METHOD(CorrectionFixture, "A correction keeps one row per changed field as JSON",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction = WithReason();
  correction.categories = {{NuisanceCategory::kGeluid, NuisanceCategory::kZorg}};
  correction.address = Address{"Dorpsstraat", "1", "2711 aa", std::nullopt};
  correction.summary = "Harde muziek";  // unchanged: no row
  Correct(casus.id, correction);
  const auto changes = service.Changes(casus.id);
  REQUIRE(changes.size() == 2);
  CHECK(changes[0].field == "categories");
  CHECK(changes[0].old_value == R"(["geluid"])");
  CHECK(changes[0].new_value == R"(["geluid","zorg"])");
  CHECK(changes[1].field == "address");
  CHECK(changes[1].old_value == "null");
  // The postcode normalised, as registration stores it.
  CHECK(changes[1].new_value ==
        R"({"street":"Dorpsstraat","number":"1","postcode":"2711AA","city":null})");
}

TEST_CASE_METHOD(CorrectionFixture, "A correction that changes nothing keeps the version",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction;  // no reason needed: nothing changes
  correction.district = "Centrum";
  const Casus same = Correct(casus.id, correction, 1);
  CHECK(same.version == 1);
  CHECK(service.Changes(casus.id).empty());
}

TEST_CASE_METHOD(CorrectionFixture, "A correction of a field other than assignee needs a reason",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction;
  correction.summary = "Anders";
  CHECK(CodeOf([&] { Correct(casus.id, correction); }) == ErrorCode::kInvalid);
  correction.reason = "  ";
  CHECK(CodeOf([&] { Correct(casus.id, correction); }) == ErrorCode::kInvalid);
  CHECK(service.Get(casus.id).version == 1);
}

TEST_CASE_METHOD(CorrectionFixture, "A correction is checked as a registration is",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection unknown_wijk = WithReason();
  unknown_wijk.district = "Atlantis";
  CHECK(CodeOf([&] { Correct(casus.id, unknown_wijk); }) == ErrorCode::kInvalid);
  CaseCorrection future = WithReason();
  future.reported_on = Date(2025, 7, 1);
  CHECK(CodeOf([&] { Correct(casus.id, future); }) == ErrorCode::kInvalid);
  CaseCorrection doubled = WithReason();
  doubled.categories = {{NuisanceCategory::kGeluid, NuisanceCategory::kGeluid}};
  CHECK(CodeOf([&] { Correct(casus.id, doubled); }) == ErrorCode::kInvalid);
  CaseCorrection no_wijk = WithReason();
  no_wijk.district = std::optional<std::string>{};
  CHECK(CodeOf([&] { Correct(casus.id, no_wijk); }) == ErrorCode::kInvalid);
  CaseCorrection themes = WithReason();  // themes belong to ondermijning casussen
  themes.themes = {{Theme::kDrugs}};
  CHECK(CodeOf([&] { Correct(casus.id, themes); }) == ErrorCode::kInvalid);
  CHECK(service.Get(casus.id).version == 1);
}

TEST_CASE_METHOD(CorrectionFixture,
                 "An ondermijning casus corrects its themes not woonoverlast fields",
                 "[domain][correction]") {
  const Casus casus = Registered(CaseKind::kOndermijning);
  CaseCorrection housing = WithReason();
  housing.housing_type = HousingType::kKoop;
  CHECK(CodeOf([&] { Correct(casus.id, housing); }) == ErrorCode::kInvalid);
  CaseCorrection themes = WithReason();
  themes.themes = {{Theme::kDrugs, Theme::kWitwassen}};
  CHECK(Correct(casus.id, themes).themes.size() == 2);
}

TEST_CASE_METHOD(CorrectionFixture, "A stale If-Match is refused", "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction = WithReason();
  correction.summary = "Anders";
  CHECK(CodeOf([&] { Correct(casus.id, correction, 7); }) == ErrorCode::kStaleVersion);
}

TEST_CASE_METHOD(CorrectionFixture, "A corrected reported_on moves the registration row",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection correction = WithReason();
  correction.reported_on = Date(2023, 12, 20);
  const Casus corrected = Correct(casus.id, correction);
  CHECK(corrected.reported_on == Date(2023, 12, 20));
  CHECK(corrected.last_change_on == Date(2023, 12, 20));
  CHECK(service.History(casus.id).front().on == Date(2023, 12, 20));
}

TEST_CASE_METHOD(CorrectionFixture, "reported_on may not pass the first transition",
                 "[domain][correction]") {
  const Casus casus = Registered();
  service.Transition(casus.id, {CaseState::kLopend, Date(2024, 4, 1), std::nullopt, std::nullopt},
                     std::nullopt);
  CaseCorrection late = WithReason();
  late.reported_on = Date(2024, 4, 2);
  CHECK(CodeOf([&] { Correct(casus.id, late); }) == ErrorCode::kDateOutOfOrder);
  CaseCorrection same_day = WithReason();
  same_day.reported_on = Date(2024, 4, 1);
  CHECK(Correct(casus.id, same_day).reported_on == Date(2024, 4, 1));
  CHECK(service.Get(casus.id).last_change_on == Date(2024, 4, 1));
}

TEST_CASE_METHOD(CorrectionFixture, "An assignee is the caller or a token of the team",
                 "[domain][correction]") {
  const Casus casus = Registered();
  CaseCorrection self;  // no reason needed for the assignee
  self.assignee = std::optional<std::string>("alice");
  CHECK(Correct(casus.id, self).assignee == "alice");
  CaseCorrection other;
  other.assignee = std::optional<std::string>("bob");
  CHECK(Correct(casus.id, other).assignee == "bob");
  CaseCorrection stranger;
  stranger.assignee = std::optional<std::string>("mallory");
  CHECK(CodeOf([&] { Correct(casus.id, stranger); }) == ErrorCode::kInvalid);
  CaseCorrection nobody;
  nobody.assignee = std::optional<std::string>{};
  CHECK_FALSE(Correct(casus.id, nobody).assignee.has_value());
  const auto changes = service.Changes(casus.id);
  REQUIRE(changes.size() == 3);
  CHECK(changes[0].field == "assignee");
  CHECK(changes[0].old_value == "null");
  CHECK(changes[0].new_value == "\"alice\"");
  CHECK_FALSE(changes[0].reason.has_value());
  CHECK(changes[2].new_value == "null");
}

TEST_CASE_METHOD(CorrectionFixture, "A token of the other team cannot be assigned",
                 "[domain][correction]") {
  const Casus casus = Registered(CaseKind::kOndermijning);
  CaseCorrection bob;
  bob.assignee = std::optional<std::string>("bob");
  CHECK(CodeOf([&] { Correct(casus.id, bob); }) == ErrorCode::kInvalid);
}

TEST_CASE_METHOD(CorrectionFixture, "The list filters on the assignee", "[domain][correction]") {
  const Casus mine = Registered();
  Registered();
  CaseCorrection take;
  take.assignee = std::optional<std::string>("alice");
  Correct(mine.id, take);
  CaseFilter filter;
  filter.assignee = "alice";
  const auto page = service.List(filter);
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0].id == mine.id);
}

TEST_CASE_METHOD(CorrectionFixture, "The changes of a missing casus are not found",
                 "[domain][correction]") {
  CHECK(CodeOf([&] { service.Changes(99); }) == ErrorCode::kNotFound);
  CHECK(CodeOf([&] { Correct(99, WithReason()); }) == ErrorCode::kNotFound);
}

TEST_CASE("JsonString escapes as RFC 8259 asks", "[domain][correction]") {
  CHECK(JsonString("a\"b\\c\nd\x01") == R"("a\"b\\c\nd\u0001")");
  CHECK(JsonString("Zoë") == "\"Zoë\"");
}
