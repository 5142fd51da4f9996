#pragma once

#include <array>
#include <utility>
#include <vector>

#include "domain/cases/case_state.hpp"

namespace casus::domain {

// The casus lifecycle as data: every allowed (from, to) pair is one row of this table, and
// nothing else in the code base decides which moves are legal.
inline constexpr std::array<std::pair<CaseState, CaseState>, 10> kAllowedTransitions = {{
    {CaseState::kGemeld, CaseState::kLopend},
    {CaseState::kGemeld, CaseState::kOntkracht},
    {CaseState::kLopend, CaseState::kHandhaving},
    {CaseState::kLopend, CaseState::kOntkracht},
    {CaseState::kLopend, CaseState::kAfgerond},
    {CaseState::kHandhaving, CaseState::kSluiting},
    {CaseState::kHandhaving, CaseState::kAfgerond},
    {CaseState::kSluiting, CaseState::kAfgerond},
    {CaseState::kAfgerond, CaseState::kLopend},   // re-opened: reason required
    {CaseState::kOntkracht, CaseState::kLopend},  // re-opened: reason required
}};

bool IsAllowedTransition(CaseState from, CaseState to);

// Closed states count as "afgerond" in the year reports.
bool IsClosed(CaseState state);

// A move out of a closed state re-opens the casus; the team must say why.
bool IsReopening(CaseState from, CaseState to);

// The states reachable from `from`, in table order (for error messages).
std::vector<CaseState> AllowedTargets(CaseState from);

}  // namespace casus::domain
