#include "domain/cases/case_repository.hpp"

#include <utility>

#include "domain/cases/lifecycle.hpp"

namespace casus::domain {

std::vector<CaseTimeline> CaseRepository::TimelinesActiveSince(CaseKind kind, Date since,
                                                               Date until) {
  std::vector<CaseTimeline> active;
  for (CaseTimeline& timeline : Timelines(kind, until)) {
    const bool open_now = timeline.history.empty() || !IsClosed(timeline.history.back().to);
    const bool changed_since = !timeline.history.empty() && timeline.history.back().on >= since;
    if (open_now || changed_since) active.push_back(std::move(timeline));
  }
  return active;
}

void CaseRepository::VisitTimelinesActiveSince(
    CaseKind kind, Date since, Date until, const std::function<void(const CaseTimeline&)>& visit) {
  for (const CaseTimeline& timeline : TimelinesActiveSince(kind, since, until)) visit(timeline);
}

}  // namespace casus::domain
