#pragma once

#include "domain/cases/case_repository.hpp"
#include "domain/clock.hpp"
#include "domain/ondermijning/activity.hpp"

namespace casus::domain {

// The use cases on ondermijning activities. Errors: DomainError. Thread-safety: as the ports;
// keeps no state. Does not own its collaborators.
class ActivityService {
 public:
  ActivityService(ActivityRepository& activities, CaseRepository& cases, const Clock& clock)
      : activities_(activities), cases_(cases), clock_(clock) {}

  // Checks and stores `request` (its id and recorded_at are ignored). A control day needs
  // companies_checked; every case id must name an ondermijning casus.
  Activity Record(const Activity& request);

  ActivityPage List(const ActivityFilter& filter);

 private:
  ActivityRepository& activities_;
  CaseRepository& cases_;
  const Clock& clock_;
};

}  // namespace casus::domain
