#pragma once

#include "domain/cases/case_repository.hpp"
#include "domain/clock.hpp"
#include "domain/field_rules.hpp"
#include "domain/ondermijning/activity.hpp"

namespace casus::domain {

// The use cases on ondermijning activities. Errors: DomainError. Thread-safety: as the ports;
// keeps no state. Does not own its collaborators.
class ActivityService {
 public:
  // An activity's `on` before `earliest_record_date` or after today is refused.
  ActivityService(ActivityRepository& activities, CaseRepository& cases, const Clock& clock,
                  Date earliest_record_date = kDefaultEarliestRecordDate)
      : activities_(activities),
        cases_(cases),
        clock_(clock),
        earliest_record_date_(earliest_record_date) {}

  // Checks and stores `request` (its id and recorded_at are ignored). A control day needs
  // companies_checked; every case id must name an ondermijning casus.
  Activity Record(const Activity& request);

  ActivityPage List(const ActivityFilter& filter);

 private:
  ActivityRepository& activities_;
  CaseRepository& cases_;
  const Clock& clock_;
  const Date earliest_record_date_;
};

}  // namespace casus::domain
