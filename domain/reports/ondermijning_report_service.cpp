#include "domain/reports/ondermijning_report_service.hpp"

#include "domain/error.hpp"
#include "domain/field_rules.hpp"
#include "domain/reports/ondermijning_tally.hpp"

namespace casus::domain {

namespace {

// Feeds every tally what the ports hold from the first tally's start to the last one's end.
// Only casussen open or changed since then can be handled in any of them.
void Count(SignalRepository& signals, CaseRepository& cases, ActivityRepository& activities,
           Date from, Date to, std::vector<OndermijningTally*> tallies) {
  signals.VisitReceivedBetween(from, to, [&](const SignalFacts& signal) {
    for (auto* tally : tallies) tally->Add(signal);
  });
  cases.VisitTimelinesActiveSince(CaseKind::kOndermijning, from, to,
                                  [&](const CaseTimeline& timeline) {
                                    for (auto* tally : tallies) tally->Add(timeline);
                                  });
  activities.VisitBetween(from, to, [&](const ActivityFacts& activity) {
    for (auto* tally : tallies) tally->Add(activity);
  });
}

}  // namespace

OndermijningReport OndermijningReportService::YearReport(int year) {
  RequireYear(year);
  OndermijningTally current(ReportPeriod::Year(year));
  OndermijningTally previous(ReportPeriod::Year(year - 1));
  Count(signals_, cases_, activities_, Date::FirstDayOfYear(year - 1), Date::LastDayOfYear(year),
        {&current, &previous});
  OndermijningReport report{current.Figures(), previous.Figures()};
  report.figures.year = year;
  report.previous_year.year = year - 1;
  return report;
}

OndermijningFigures OndermijningReportService::PeriodReport(const ReportPeriod& period) {
  RequireReportPeriod(period);
  OndermijningTally tally(period);
  Count(signals_, cases_, activities_, period.from, period.to, {&tally});
  return tally.Figures();
}

}  // namespace casus::domain
