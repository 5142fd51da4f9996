#pragma once

#include "domain/date.hpp"

namespace casus::domain {

// A report's period, both days included; its peildatum is `to`. A calendar year, a quarter,
// the four months of a bestuursrapportage, or any other span of whole days.
struct ReportPeriod {
  Date from;
  Date to;

  static ReportPeriod Year(int year) {
    return {Date::FirstDayOfYear(year), Date::LastDayOfYear(year)};
  }
  friend bool operator==(const ReportPeriod&, const ReportPeriod&) = default;
};

// A period report covers at most this many years: `to` comes before the same date that many
// years after `from`.
inline constexpr int kMaxReportPeriodYears = 10;

// Throws DomainError(kMalformed) when either day lies outside kFirstYear..kLastYear, and
// DomainError(kInvalid) when `from` comes after `to` or the period is longer than
// kMaxReportPeriodYears.
void RequireReportPeriod(const ReportPeriod& period);

}  // namespace casus::domain
