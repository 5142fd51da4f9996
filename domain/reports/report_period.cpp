#include "domain/reports/report_period.hpp"

#include <string>
#include <tuple>

#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

void RequireReportPeriod(const ReportPeriod& period) {
  RequireYear(period.from.year());
  RequireYear(period.to.year());
  if (period.from > period.to) {
    throw DomainError(ErrorCode::kInvalid, "'from' (" + period.from.ToString() +
                                               ") must not come after 'to' (" +
                                               period.to.ToString() + ")");
  }
  // Compared as (year, month, day), so that a period from 29 February needs no such day in
  // the year it would end.
  const auto end = std::make_tuple(period.to.year(), period.to.month(), period.to.day());
  const auto limit = std::make_tuple(period.from.year() + kMaxReportPeriodYears,
                                     period.from.month(), period.from.day());
  if (end >= limit) {
    throw DomainError(ErrorCode::kInvalid, "a report period covers at most " +
                                               std::to_string(kMaxReportPeriodYears) + " years");
  }
}

}  // namespace casus::domain
