#include "domain/reports/ondermijning_report_service.hpp"

#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

OndermijningReport OndermijningReportService::YearReport(int year) {
  RequireYear(year);
  const Date from = Date::FirstDayOfYear(year - 1);
  const Date peildatum = Date::LastDayOfYear(year);
  return BuildOndermijningReport(
      year, signals_.ReceivedBetween(from, peildatum),
      cases_.TimelinesActiveSince(CaseKind::kOndermijning, from, peildatum),
      activities_.Between(from, peildatum));
}

}  // namespace casus::domain
