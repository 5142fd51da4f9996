#include "domain/cases/lifecycle.hpp"

#include <algorithm>

namespace casus::domain {

bool IsAllowedTransition(CaseState from, CaseState to) {
  return std::find(kAllowedTransitions.begin(), kAllowedTransitions.end(), std::pair{from, to}) !=
         kAllowedTransitions.end();
}

bool IsClosed(CaseState state) {
  return state == CaseState::kAfgerond || state == CaseState::kOntkracht;
}

bool IsReopening(CaseState from, CaseState to) { return IsClosed(from) && !IsClosed(to); }

std::vector<CaseState> AllowedTargets(CaseState from) {
  std::vector<CaseState> targets;
  for (const auto& [source, target] : kAllowedTransitions) {
    if (source == from) targets.push_back(target);
  }
  return targets;
}

}  // namespace casus::domain
