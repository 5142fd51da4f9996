#include "domain/cases/lifecycle.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using casus::domain::AllOf;
using casus::domain::CaseState;
using casus::domain::IsAllowedTransition;
using casus::domain::Name;

namespace {
// The lifecycle as the issue states it, written independently of kAllowedTransitions.
const std::set<std::pair<std::string, std::string>> kExpected = {
    {"gemeld", "lopend"},       {"gemeld", "ontkracht"},  {"lopend", "handhaving"},
    {"lopend", "ontkracht"},    {"lopend", "afgerond"},   {"handhaving", "sluiting"},
    {"handhaving", "afgerond"}, {"sluiting", "afgerond"}, {"afgerond", "lopend"},
    {"ontkracht", "lopend"},
};
}  // namespace

TEST_CASE("Exactly the documented transitions are allowed, every other pair is forbidden",
          "[domain][lifecycle]") {
  int allowed = 0;
  for (const auto from : AllOf<CaseState>()) {
    for (const auto to : AllOf<CaseState>()) {
      const std::pair<std::string, std::string> pair{std::string(Name(from)),
                                                     std::string(Name(to))};
      INFO(pair.first << " -> " << pair.second);
      CHECK(IsAllowedTransition(from, to) == (kExpected.count(pair) == 1));
      allowed += IsAllowedTransition(from, to) ? 1 : 0;
    }
  }
  CHECK(allowed == 10);
}

TEST_CASE("Only afgerond and ontkracht are closed states", "[domain][lifecycle]") {
  using casus::domain::IsClosed;
  CHECK(IsClosed(CaseState::kAfgerond));
  CHECK(IsClosed(CaseState::kOntkracht));
  CHECK_FALSE(IsClosed(CaseState::kGemeld));
  CHECK_FALSE(IsClosed(CaseState::kLopend));
  CHECK_FALSE(IsClosed(CaseState::kHandhaving));
  CHECK_FALSE(IsClosed(CaseState::kSluiting));
}

TEST_CASE("Moving out of a closed state is a re-opening", "[domain][lifecycle]") {
  using casus::domain::IsReopening;
  CHECK(IsReopening(CaseState::kAfgerond, CaseState::kLopend));
  CHECK(IsReopening(CaseState::kOntkracht, CaseState::kLopend));
  CHECK_FALSE(IsReopening(CaseState::kGemeld, CaseState::kLopend));
  CHECK_FALSE(IsReopening(CaseState::kLopend, CaseState::kAfgerond));
}

TEST_CASE("State names round-trip and unknown names are refused", "[domain][lifecycle]") {
  using casus::domain::Parse;
  for (const auto state : AllOf<CaseState>()) CHECK(Parse<CaseState>(Name(state)) == state);
  CHECK_FALSE(Parse<CaseState>("Lopend").has_value());
  CHECK_FALSE(Parse<CaseState>("").has_value());
  CHECK_FALSE(Parse<CaseState>("gesloten").has_value());
}
