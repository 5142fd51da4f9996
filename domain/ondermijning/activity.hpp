#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/casus.hpp"
#include "domain/date.hpp"
#include "domain/ondermijning/activity_type.hpp"

namespace casus::domain {

using ActivityId = std::int64_t;

// An ondermijning activity: an integrated control day (companies checked with partners), a
// knock-and-talk conversation on a business park, or a HEIT control. Checked by
// ActivityService::Record; `id` and `recorded_at` are set when stored.
struct Activity {
  ActivityId id = 0;
  ActivityType type = ActivityType::kControlDay;
  Date on;
  std::optional<int> companies_checked;  // control days: required
  std::vector<std::string> partners;     // e.g. politie, Arbeidsinspectie, Douane
  std::optional<std::string> findings;
  std::optional<std::string> business_park;  // knock-and-talk: where
  std::optional<std::string> heit_type;      // HEIT control: e.g. autobedrijven, prostitutie
  std::vector<CaseId> case_ids;              // ondermijning casussen it concerned
  std::string recorded_at;
};

// What the year report counts of an activity: no partners, findings or places.
struct ActivityFacts {
  ActivityType type = ActivityType::kControlDay;
  Date on;
  std::optional<int> companies_checked;
};

struct ActivityFilter {
  std::optional<ActivityType> type;
  std::optional<int> year;
  std::optional<ActivityId> after;  // keyset cursor
  int limit = 50;
};

struct ActivityPage {
  std::vector<Activity> items;  // ascending id
  std::optional<ActivityId> next;
};

// Port: durable storage of activities. Thread-safety and durability: as CaseRepository.
class ActivityRepository {
 public:
  virtual ~ActivityRepository() = default;

  // Stores the activity with its case links in one transaction; returns it with its id.
  virtual Activity Create(const Activity& activity) = 0;

  virtual ActivityPage List(const ActivityFilter& filter) = 0;

  // Every activity that took place from `from` up to and including `to`, ascending by id.
  virtual std::vector<Activity> Between(Date from, Date to) = 0;

  // The facts of the same activities handed to `visit` one at a time, so that a report holds
  // none of them all. `visit` must not call back into the repository. This default visits
  // Between; storage streams them.
  virtual void VisitBetween(Date from, Date to,
                            const std::function<void(const ActivityFacts&)>& visit) {
    for (const Activity& a : Between(from, to)) visit({a.type, a.on, a.companies_checked});
  }
};

}  // namespace casus::domain
