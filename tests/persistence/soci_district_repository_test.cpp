#include "persistence/soci_district_repository.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

TEST_CASE("Zoetermeer's wijken come back in reference order", "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  CHECK(districts.Districts() == std::vector<std::string>{"Centrum", "Meerzicht", "Buytenwegh",
                                                          "De Leyens", "Seghwaert", "Noordhove",
                                                          "Rokkeveen", "Oosterheem"});
}

TEST_CASE("Reference order is the position column, not the insertion order",
          "[persistence][districts]") {
  testing::TempDatabase db;
  {
    SessionLease sql(db.database);
    *sql << "INSERT INTO districts (name, position) VALUES ('Palenstein', 0)";
  }
  const auto names = SociDistrictRepository(db.database).Districts();
  REQUIRE(names.size() == 9);
  CHECK(names.front() == "Palenstein");
  CHECK(names.back() == "Oosterheem");
}

TEST_CASE("An added wijk goes last in the reference order, once", "[persistence][districts]") {
  testing::TempDatabase db;
  SociDistrictRepository districts(db.database);
  CHECK(districts.Add("Palenstein"));
  CHECK_FALSE(districts.Add("Palenstein"));
  CHECK_FALSE(districts.Add("Centrum"));
  const auto names = SociDistrictRepository(db.database).Districts();
  REQUIRE(names.size() == 9);
  CHECK(names.back() == "Palenstein");
}

}  // namespace
}  // namespace casus::persistence
