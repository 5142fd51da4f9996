#include "domain/date.hpp"

#include <catch2/catch.hpp>

using casus::domain::Date;

TEST_CASE("A date parses from and prints as YYYY-MM-DD", "[domain][date]") {
  const auto date = Date::Parse("2024-02-29");
  REQUIRE(date.has_value());
  CHECK(date->year() == 2024);
  CHECK(date->month() == 2u);
  CHECK(date->day() == 29u);
  CHECK(date->ToString() == "2024-02-29");
}

TEST_CASE("Text that is not a calendar date is refused", "[domain][date]") {
  for (const char* text : {"2023-02-29", "2024-13-01", "2024-00-10", "2024-1-1", "24-01-01",
                           "2024/01/01", "2024-01-01T00:00", "", "abcd-ef-gh", "2024-04-31"}) {
    INFO(text);
    CHECK_FALSE(Date::Parse(text).has_value());
  }
}

TEST_CASE("Dates order by calendar and add days across years", "[domain][date]") {
  CHECK(Date(2024, 12, 31) < Date(2025, 1, 1));
  CHECK(Date(2024, 12, 31).AddDays(1) == Date(2025, 1, 1));
  CHECK(Date(2024, 3, 1).AddDays(-1) == Date(2024, 2, 29));
}
