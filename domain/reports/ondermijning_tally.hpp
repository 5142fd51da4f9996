#pragma once

#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/ondermijning/activity.hpp"
#include "domain/ondermijning/signal.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/report_period.hpp"

namespace casus::domain {

// The ondermijning figures of one period, counted one signal, casus and activity at a time, so
// that a report never needs them all in memory at once: the definition BuildOndermijningFigures
// applies to whole lists, applied to each item as it comes. Items outside the period are
// ignored, so several tallies (a year and the year before) can be fed the same stream.
//
// Signals count when received in the period; casussen when HandledBetween its days, each
// classified by its history up to the peildatum (the period's last day); activities when they
// took place in it. Not thread-safe: one tally per computation.
class OndermijningTally {
 public:
  explicit OndermijningTally(const ReportPeriod& period);

  void Add(const SignalFacts& signal);
  void Add(const CaseTimeline& timeline);
  void Add(const ActivityFacts& activity);
  void Add(const Activity& activity) {
    Add({activity.type, activity.on, activity.companies_checked});
  }

  // The figures so far, with `year` 0 (a calendar year's report sets it) and the signals'
  // percentages by the largest remainder.
  OndermijningFigures Figures() const;

 private:
  ReportPeriod period_;
  OndermijningFigures figures_;
  std::vector<int> per_source_;
  std::vector<int> per_theme_;
};

}  // namespace casus::domain
