#include "persistence/soci_district_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "domain/error.hpp"
#include "persistence/soci_case_repository.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::Date;
using domain::District;

TEST_CASE("A new database holds Zoetermeer's wijken in reference order, without codes yet",
          "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  const auto all = districts.All();
  CHECK(domain::NamesOf(all) == std::vector<std::string>{"Centrum", "Meerzicht", "Buytenwegh",
                                                         "De Leyens", "Seghwaert", "Noordhove",
                                                         "Rokkeveen", "Oosterheem"});
  for (std::size_t i = 0; i < all.size(); ++i) {
    CHECK(all[i].position == static_cast<int>(i + 1));
    CHECK_FALSE(all[i].code);
    CHECK_FALSE(all[i].retired_on);
  }
  CHECK(districts.GetMunicipality() ==
        domain::Municipality{"Zoetermeer", "Tabel 5.1 Woonoverlast"});
}

TEST_CASE("Reference order is the position column, not the insertion order",
          "[persistence][districts]") {
  testing::TempDatabase db;
  {
    SessionLease sql(db.database);
    *sql << "INSERT INTO districts (name, position) VALUES ('Palenstein', 0)";
  }
  const auto names = domain::NamesOf(SociDistrictRepository(db.database).All());
  REQUIRE(names.size() == 9);
  CHECK(names.front() == "Palenstein");
  CHECK(names.back() == "Oosterheem");
}

TEST_CASE(
    "Store keeps codes, retirements and former names, and lets wijken swap names and positions",
    "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  auto wanted = districts.All();
  std::swap(wanted[0].name, wanted[1].name);  // under UNIQUE (name) and UNIQUE (position)
  std::swap(wanted[0].position, wanted[1].position);
  wanted[0].code = "WK063701";
  wanted[1].code = "WK063702";
  wanted[2].former_names = {{"Buytenwegh Oud", Date(2019, 12, 31)},
                            {"Buytenweg", Date(2022, 6, 30)}};
  wanted[3].retired_on = Date(2025, 7, 1);
  wanted.push_back({0, "Palenstein", "WK063709", 9, std::nullopt, {}});
  districts.Store(wanted);

  auto stored = districts.All();
  std::sort(wanted.begin(), wanted.end(),
            [](const District& a, const District& b) { return a.position < b.position; });
  REQUIRE(stored.size() == wanted.size());
  CHECK(stored.back().id != 0);
  wanted.back().id = stored.back().id;
  CHECK(stored == wanted);
  CHECK(stored[0].name == "Centrum");  // Meerzicht's old id, now first
}

TEST_CASE("Store refuses to remove a wijk a casus or signal names, naming it, and changes nothing",
          "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  SociCaseRepository cases(db.database);
  const auto fields = testing::Woonoverlast("Noordhove");
  cases.Create(fields, testing::Registration(fields));
  const auto before = districts.All();
  CHECK(districts.InUse() == std::set<std::int64_t>{before[5].id});

  auto wanted = before;
  wanted.erase(wanted.begin() + 4, wanted.begin() + 6);  // Seghwaert (free), Noordhove (used)
  for (std::size_t i = 0; i < wanted.size(); ++i) wanted[i].position = static_cast<int>(i + 1);
  try {
    districts.Store(wanted);
    FAIL("stored");
  } catch (const domain::DomainError& error) {
    CHECK(error.code() == domain::ErrorCode::kConflict);
    CHECK(std::string(error.what()).find("Noordhove") != std::string::npos);
    CHECK(std::string(error.what()).find("Seghwaert") == std::string::npos);
  }
  CHECK(districts.All() == before);

  wanted.insert(wanted.begin() + 4, before[5]);
  for (std::size_t i = 0; i < wanted.size(); ++i) wanted[i].position = static_cast<int>(i + 1);
  districts.Store(wanted);
  CHECK(districts.All().size() == 7);
}

TEST_CASE("The municipality's name and title are stored and read back",
          "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  districts.StoreMunicipality({"Delft", "Tabel 3 Woonoverlast in Delft"});
  CHECK(SociDistrictRepository(db.database).GetMunicipality() ==
        domain::Municipality{"Delft", "Tabel 3 Woonoverlast in Delft"});
}

}  // namespace
}  // namespace casus::persistence
