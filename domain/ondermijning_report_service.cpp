#include "domain/ondermijning_report_service.hpp"

#include "domain/error.hpp"

namespace casus::domain {

OndermijningReport OndermijningReportService::YearReport(int year) {
  if (year < 1900 || year > 9999) {
    throw DomainError(ErrorCode::kMalformed, "year must be between 1900 and 9999");
  }
  const Date from = Date::FirstDayOfYear(year - 1);
  const Date peildatum = Date::LastDayOfYear(year);
  return BuildOndermijningReport(year, signals_.ReceivedBetween(from, peildatum),
                                 cases_.Timelines(CaseKind::kOndermijning, peildatum),
                                 activities_.Between(from, peildatum));
}

}  // namespace casus::domain
