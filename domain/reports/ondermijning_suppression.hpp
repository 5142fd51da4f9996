#pragma once

#include <cstddef>
#include <vector>

#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/suppression_plan.hpp"

namespace casus::domain {

// Which of one period's ondermijning figures `?suppress_below=N` hides, so that no count from
// 1 to N-1 can be worked out from the rest (SuppressionPlan). The figures a reader can add up:
//  - the counts by source add up to signals.total (each signal has one source);
//  - ontkracht + onvoldoende_aanknopingspunten + handhaving is at most cases.closed (a casus
//    may close with none of them), and sluiting is at most handhaving (it is counted within);
//  - the counts by theme add up to nothing published (a signal has one theme or more): each
//    is at most signals.total and together they are at least it, which pins a hidden one down
//    only where the total gives it away anyway (a total of 1, or the one theme with signals);
//    primary suppression only.
// Totals, the other case counts and the activities stay true. A year's report and its
// previous year are planned apart: no published figure relates the two.
struct OndermijningSuppression {
  // The outcomes in the order of the plan's cells.
  enum Outcome : std::size_t { kOntkracht, kOnvoldoende, kHandhaving, kSluiting };

  SuppressionPlan by_source;  // one cell per source, enum order
  SuppressionPlan by_theme;   // one cell per theme, enum order
  SuppressionPlan outcomes;   // one cell per Outcome
  // Each source's percentage as published. With no source hidden, the figures' own
  // (largest remainder, adding up to 100). With one hidden, each shown count's share rounded
  // on its own: which shares the largest remainder rounds up depends on the hidden counts too,
  // and would narrow them down.
  std::vector<int> percents;

  static OndermijningSuppression Plan(const OndermijningFigures& figures,
                                      const CellSuppression& suppression);
};

}  // namespace casus::domain
