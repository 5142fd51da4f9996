#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/cases/casus.hpp"
#include "domain/reports/report_period.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::domain {

// The woonoverlast casussen of one wijk and woningtype as Tabel 5.1 counts them, for a period
// and a previous period: what an aggregation in storage (a GROUP BY) returns instead of every
// casus with its history, so that a report costs neither the memory nor the time of loading
// them all.
struct WoonoverlastCount {
  std::optional<std::string> district;  // none: the casus has no wijk
  HousingType housing_type = HousingType::kKoop;
  LopendAfgerond period;    // handled in the period (HandledBetween), by state at its end
  LopendAfgerond previous;  // the same for the previous period
  int new_in_period = 0;    // reported in the period

  bool IsZero() const { return period.Total() == 0 && previous.Total() == 0 && new_in_period == 0; }
  friend bool operator==(const WoonoverlastCount&, const WoonoverlastCount&) = default;
};

// The counts by the definition (HandledBetween, the state at the peildatum) over `timelines`:
// one per wijk and woningtype with a casus counted, ordered by wijk (none first) and
// woningtype. Timelines without a woningtype (not woonoverlast) are ignored. What storage's
// aggregation must agree with, and what it is tested against.
std::vector<WoonoverlastCount> CountWoonoverlast(const std::vector<CaseTimeline>& timelines,
                                                 const ReportPeriod& period,
                                                 const ReportPeriod& previous);

// `counts` in CountWoonoverlast's form: all-zero counts left out, the rest in its order. For
// comparing an aggregation that reports empty groups or another order.
std::vector<WoonoverlastCount> Normalized(std::vector<WoonoverlastCount> counts);

// Tabel 5.1 for `year` from counts for that year and the one before: the same report, cell for
// cell, as BuildWoonoverlastReport over the casussen counted. Rows as there
// (WoonoverlastTableBuilder).
WoonoverlastReport BuildWoonoverlastReportFromCounts(int year,
                                                     const std::vector<ReportDistrict>& districts,
                                                     const std::vector<WoonoverlastCount>& counts);

// Tabel 5.1 for `period` from counts for it (their previous period unused): the same, cell for
// cell, as BuildWoonoverlastPeriodReport.
WoonoverlastPeriodReport BuildWoonoverlastPeriodReportFromCounts(
    const ReportPeriod& period, const std::vector<ReportDistrict>& districts,
    const std::vector<WoonoverlastCount>& counts);

}  // namespace casus::domain
