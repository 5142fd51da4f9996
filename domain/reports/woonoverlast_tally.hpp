#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/cases/casus.hpp"
#include "domain/reports/report_period.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::domain {

// Woonoverlast casussen counted by their answers to what Tabel 5.1 asks of each casus, for a
// period and the period before it: what an aggregation in storage (a GROUP BY) returns instead
// of every casus with its history, so that a report costs neither the memory nor the time of
// loading them all. `count` casussen share these answers.
struct WoonoverlastTally {
  std::optional<std::string> district;
  HousingType housing_type = HousingType::kKoop;
  bool handled = false;           // HandledBetween the period
  bool closed = false;            // closed at the period's end (its peildatum)
  bool handled_previous = false;  // HandledBetween the previous period
  bool closed_previous = false;   // closed at the previous period's end
  bool new_in_period = false;     // reported in the period
  std::int64_t count = 0;

  friend bool operator==(const WoonoverlastTally&, const WoonoverlastTally&) = default;
};

// The answers of one casus, by the definition (HandledBetween and the state at the peildatum),
// with a count of 1; nullopt for a timeline without a woningtype, which the table ignores.
// What a storage aggregation must agree with, casus by casus.
std::optional<WoonoverlastTally> TallyOf(const CaseTimeline& timeline, const ReportPeriod& period,
                                         const ReportPeriod& previous);

// Tabel 5.1 for `year` from tallies: the same report, cell for cell, as BuildWoonoverlastReport
// over the casussen the tallies count. Rows as there: `districts` in order, then a row per
// wijk not listed (alphabetically; "Onbekend" for none).
WoonoverlastReport BuildWoonoverlastReportFromTallies(
    int year, const std::vector<std::string>& districts,
    const std::vector<WoonoverlastTally>& tallies);

// Tabel 5.1 for `period` from tallies whose period is `period`: the same report, cell for cell,
// as BuildWoonoverlastPeriodReport over the casussen they count. The tallies' answers about a
// previous period are not used.
WoonoverlastPeriodReport BuildWoonoverlastPeriodReportFromTallies(
    const ReportPeriod& period, const std::vector<std::string>& districts,
    const std::vector<WoonoverlastTally>& tallies);

}  // namespace casus::domain
