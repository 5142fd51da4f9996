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

}  // namespace
}  // namespace casus::domain
