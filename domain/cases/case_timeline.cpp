#include "domain/cases/case_timeline.hpp"

namespace casus::domain {

std::optional<CaseState> CaseTimeline::StateAt(Date day) const {
  // History rows are in recorded order and their dates never decrease, so the last row
  // effective on or before `day` holds the state at the end of that day.
  std::optional<CaseState> state;
  for (const auto& record : history) {
    if (record.on > day) break;
    state = record.to;
  }
  return state;
}

}  // namespace casus::domain
