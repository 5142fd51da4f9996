#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"

namespace casus::domain {

// What the year reports need of one casus: its classifying fields and its state history,
// oldest first. No personal data, so reports can be computed after a purge too.
struct CaseTimeline {
  CaseId id = 0;
  std::optional<std::string> district;
  std::optional<HousingType> housing_type;
  Date reported_on;
  std::vector<TransitionRecord> history;  // oldest first; history.front() is the registration

  // The state in force at the end of `day`, or nullopt when the casus did not exist yet.
  std::optional<CaseState> StateAt(Date day) const;
};

}  // namespace casus::domain
