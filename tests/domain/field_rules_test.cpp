#include "domain/field_rules.hpp"

#include <catch2/catch.hpp>

#include <random>
#include <set>
#include <vector>

namespace casus::domain {
namespace {

bool Accepted(const std::vector<int>& items) {
  try {
    RequireDistinctList(items, "items");
    return true;
  } catch (const DomainError& error) {
    CHECK(error.code() == ErrorCode::kInvalid);
    return false;
  }
}

TEST_CASE("A request list is accepted exactly when it holds at most 50 items, each once",
          "[domain][field_rules][property]") {
  std::mt19937 random(2024);
  for (int round = 0; round < 500; ++round) {
    std::vector<int> items(std::uniform_int_distribution<int>(0, 60)(random));
    for (int& item : items) item = std::uniform_int_distribution<int>(0, 80)(random);
    const bool distinct = std::set<int>(items.begin(), items.end()).size() == items.size();
    CHECK(Accepted(items) == (items.size() <= kMaxListItems && distinct));
  }
  std::vector<int> fifty(kMaxListItems);
  for (std::size_t i = 0; i < fifty.size(); ++i) fifty[i] = static_cast<int>(i);
  CHECK(Accepted(fifty));
  fifty.push_back(99);
  CHECK_FALSE(Accepted(fifty));
}

TEST_CASE("A Dutch postcode is stored as four digits and two capitals", "[domain]") {
  CHECK(NormalPostcode("2711AA") == "2711AA");
  CHECK(NormalPostcode("2711 AA") == "2711AA");
  CHECK(NormalPostcode("2711 aa") == "2711AA");
  CHECK(NormalPostcode("9999zZ") == "9999ZZ");
  CHECK(NormalPostcode("1000 AB") == "1000AB");
}

TEST_CASE("Anything but a Dutch postcode is refused as invalid", "[domain]") {
  for (const char* text :
       {"<script>", "", "2711", "2711A", "2711AAA", "0711AA", "2711  AA", " 2711AA", "2711AA ",
        "27 11AA", "2711-AA", "271AAA", "2711A1", "2711\tAA", "2711\xC3\xA4\xC3\xA4", "ABCDEF"}) {
    CAPTURE(text);
    try {
      NormalPostcode(text);
      FAIL("accepted");
    } catch (const DomainError& error) {
      CHECK(error.code() == ErrorCode::kInvalid);
    }
  }
}

TEST_CASE("A record date lies between the earliest date and today inclusive", "[domain]") {
  const Date earliest(1990, 1, 1);
  const Date today(2025, 1, 15);
  const auto accepted = [&](Date date) {
    try {
      RequireRecordDate(date, "reported_on", earliest, today);
      return true;
    } catch (const DomainError& error) {
      CHECK(error.code() == ErrorCode::kInvalid);
      CHECK(std::string(error.what()).find("reported_on") != std::string::npos);
      return false;
    }
  };
  CHECK(accepted(earliest));
  CHECK(accepted(today));
  CHECK(accepted(Date(2024, 2, 29)));
  CHECK_FALSE(accepted(Date(1989, 12, 31)));
  CHECK_FALSE(accepted(Date(1, 1, 1)));
  CHECK_FALSE(accepted(today.AddDays(1)));
  CHECK_FALSE(accepted(Date(9999, 12, 31)));
}

}  // namespace
}  // namespace casus::domain
