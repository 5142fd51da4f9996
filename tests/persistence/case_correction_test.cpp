// CaseRepository::Correct and Changes on both dialects, and what a correction does to the year
// reports: they count the corrected values, in every year, and their cache sees the change.

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/cases/case_service.hpp"
#include "domain/error.hpp"
#include "persistence/soci_case_repository.hpp"
#include "persistence/soci_data_version.hpp"
#include "persistence/soci_district_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::CaseCorrection;
using domain::CaseState;
using domain::HousingType;
using testing::D;
using testing::Move;
using testing::Registration;
using testing::Woonoverlast;

struct Fixture {
  testing::TempDatabase db;
  SociCaseRepository cases{db.database};
  SociDistrictRepository districts{db.database};
  domain::FixedClock clock{D("2025-06-30")};
  domain::CaseService service{cases, districts, clock};

  domain::Casus Correct(domain::CaseId id, const CaseCorrection& correction) {
    return service.Correct(id, correction, std::nullopt, "woonoverlast",
                           [](const std::string&, domain::CaseKind) { return false; });
  }

  // The cell of `district`'s row for `housing` in `year`'s Tabel 5.1 (lopend + afgerond).
  int Counted(int year, const std::string& district, HousingType housing) {
    const auto report = service.WoonoverlastYearReport(year);
    for (auto row : report.rows) {
      if (row.district == district) return row.CellFor(housing).Total();
    }
    FAIL("no row for " << district);
    return -1;
  }
};

TEST_CASE_METHOD(Fixture, "A correction is stored with its change rows and a new version",
                 "[persistence][correction]") {
  const auto fields = Woonoverlast("Meerzicht", HousingType::kKoop, "2024-03-01");
  const auto casus = cases.Create(fields, Registration(fields));
  CaseCorrection correction;
  correction.district = std::optional<std::string>("Centrum");
  correction.categories = {{domain::NuisanceCategory::kZorg}};
  correction.address = std::optional<domain::Address>{};
  correction.assignee = std::optional<std::string>("woonoverlast");
  correction.reason = "verkeerd ingevoerd";
  const auto corrected = Correct(casus.id, correction);
  CHECK(corrected.version == 2);

  const auto stored = *cases.Find(casus.id);
  testing::CheckSameCasus(stored, corrected);
  CHECK(stored.assignee == std::optional<std::string>("woonoverlast"));
  CHECK_FALSE(stored.address.has_value());
  const auto changes = cases.Changes(casus.id);
  REQUIRE(changes.size() == 4);
  CHECK(changes[0].field == "district");
  CHECK(changes[1].field == "categories");
  CHECK(changes[1].old_value == std::optional<std::string>(R"(["vervuiling","geluid"])"));
  CHECK(changes[1].new_value == std::optional<std::string>(R"(["zorg"])"));
  CHECK(changes[2].field == "address");
  CHECK(changes[2].new_value == std::optional<std::string>("null"));
  CHECK(changes[3].field == "assignee");
  CHECK(changes[3].reason == std::optional<std::string>("verkeerd ingevoerd"));
  CHECK(changes[3].who == "woonoverlast");
  CHECK(changes[3].at == "2025-06-30T12:00:00Z");
  CHECK(cases.Changes(999).empty());
}

TEST_CASE_METHOD(Fixture, "A correction at a stale version changes nothing",
                 "[persistence][correction]") {
  const auto fields = Woonoverlast();
  const auto casus = cases.Create(fields, Registration(fields));
  auto corrected = casus;
  corrected.summary = "Anders";
  CHECK_FALSE(cases.Correct(corrected, 2, domain::ChangedFields(casus, corrected)));
  testing::CheckSameCasus(*cases.Find(casus.id), casus);
  CHECK(cases.Changes(casus.id).empty());
}

TEST_CASE_METHOD(Fixture, "The assignee list filter selects the handler's casussen",
                 "[persistence][correction]") {
  const auto fields = Woonoverlast();
  service.Register(fields);
  const auto mine = service.Register(fields);  // its postcode normalised, as a correction has it
  CaseCorrection take;
  take.assignee = std::optional<std::string>("woonoverlast");
  Correct(mine.id, take);
  domain::CaseFilter filter;
  filter.assignee = "woonoverlast";
  const auto page = cases.List(filter);
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0].id == mine.id);
  CHECK(page.items[0].assignee == std::optional<std::string>("woonoverlast"));
}

TEST_CASE_METHOD(Fixture, "A corrected reported_on moves the registration row only",
                 "[persistence][correction]") {
  const auto fields = Woonoverlast("Meerzicht", HousingType::kKoop, "2024-03-01");
  const auto casus = cases.Create(fields, Registration(fields));
  REQUIRE(cases.AppendTransition(casus.id, 1,
                                 Move(CaseState::kGemeld, CaseState::kLopend, "2024-05-01")));
  CaseCorrection correction;
  correction.reported_on = D("2024-02-10");
  correction.reason = "datum van de eerste melding";
  Correct(casus.id, correction);
  const auto history = cases.History(casus.id);
  CHECK(history[0].on == D("2024-02-10"));
  CHECK(history[1].on == D("2024-05-01"));
  CHECK(cases.Find(casus.id)->last_change_on == D("2024-05-01"));

  // Every other change of a transition is still refused by the database.
  SessionLease sql(db.database);
  CHECK_THROWS(*sql << "UPDATE case_transitions SET effective_on = '2024-05-02' "
                       "WHERE case_id = :id AND sequence = 2",
               soci::use(casus.id));
  CHECK_THROWS(*sql << "UPDATE case_transitions SET to_state = 'lopend' "
                       "WHERE case_id = :id AND sequence = 1",
               soci::use(casus.id));
  CHECK_THROWS(*sql << "DELETE FROM case_transitions WHERE case_id = :id", soci::use(casus.id));
}

TEST_CASE_METHOD(Fixture, "A corrected wijk moves the casus in every year's Tabel 5.1",
                 "[persistence][correction]") {
  // Reported 2023, closed 2024: counted in 2023 (lopend) and 2024 (afgerond).
  const auto fields = Woonoverlast("Meerzicht", HousingType::kKoop, "2023-05-01");
  const auto casus = cases.Create(fields, Registration(fields));
  REQUIRE(cases.AppendTransition(casus.id, 1,
                                 Move(CaseState::kGemeld, CaseState::kAfgerond, "2024-02-01",
                                      std::nullopt, domain::CloseResult::kOpgelost)));
  CHECK(Counted(2023, "Meerzicht", HousingType::kKoop) == 1);
  CHECK(Counted(2024, "Meerzicht", HousingType::kKoop) == 1);

  SociDataVersion data_version(db.database);
  const auto before = data_version.Current();
  CaseCorrection correction;
  correction.district = std::optional<std::string>("Centrum");
  correction.housing_type = std::optional<HousingType>(HousingType::kCorporatie);
  correction.reason = "verkeerde wijk en woningtype";
  Correct(casus.id, correction);
  CHECK(data_version.Current() != before);  // cached reports are stale

  for (const int year : {2023, 2024}) {
    INFO(year);
    CHECK(Counted(year, "Meerzicht", HousingType::kKoop) == 0);
    CHECK(Counted(year, "Centrum", HousingType::kCorporatie) == 1);
  }
  // The timelines agree with the SQL counts.
  const auto timelines = cases.Timelines(domain::CaseKind::kWoonoverlast, D("2024-12-31"));
  REQUIRE(timelines.size() == 1);
  CHECK(timelines[0].district == std::optional<std::string>("Centrum"));
}

TEST_CASE_METHOD(Fixture, "A corrected reported_on moves the casus to the year it was reported",
                 "[persistence][correction]") {
  const auto fields = Woonoverlast("Meerzicht", HousingType::kKoop, "2024-01-10");
  const auto casus = cases.Create(fields, Registration(fields));
  CHECK(service.WoonoverlastYearReport(2024).new_in_year == 1);
  CHECK(Counted(2023, "Meerzicht", HousingType::kKoop) == 0);
  CaseCorrection correction;
  correction.reported_on = D("2023-12-28");
  correction.reason = "gemeld voor de jaarwisseling";
  Correct(casus.id, correction);
  CHECK(service.WoonoverlastYearReport(2024).new_in_year == 0);
  CHECK(service.WoonoverlastYearReport(2023).new_in_year == 1);
  CHECK(Counted(2023, "Meerzicht", HousingType::kKoop) == 1);
}

}  // namespace
}  // namespace casus::persistence
