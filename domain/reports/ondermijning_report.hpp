#pragma once

#include <map>
#include <string>
#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/ondermijning/activity.hpp"
#include "domain/ondermijning/signal.hpp"
#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/report_period.hpp"

namespace casus::domain {

// Whole percentages of `counts` that add up to exactly 100 (when the total is not zero), by
// the largest-remainder method: every share is rounded down, then the points still missing go
// to the largest remainders, ties to the earlier count. All zeros for a zero total.
std::vector<int> LargestRemainderPercentages(const std::vector<int>& counts);

struct SourceShare {
  int count = 0;
  int percent = 0;
  friend bool operator==(const SourceShare&, const SourceShare&) = default;
};

struct OndermijningOutcomes {
  int ontkracht = 0;                      // closed as ontkracht: the signal was disproven
  int onvoldoende_aanknopingspunten = 0;  // closed with that result
  int handhaving = 0;                     // closed after passing through handhaving
  int sluiting = 0;                       // of those, passed through sluiting as well
  friend bool operator==(const OndermijningOutcomes&, const OndermijningOutcomes&) = default;
};

// The ondermijning figures of one year (the annual report's "Ondermijning" paragraph) or of
// any other period. "year" in the member names reads "period" for a period that is not a year.
struct OndermijningFigures {
  int year = 0;  // the calendar year `period` is; 0 for any other period
  ReportPeriod period;
  Date peildatum;  // period.to
  struct Signals {
    int total = 0;
    std::vector<std::pair<SignalSource, SourceShare>> by_source;  // every source, enum order
    std::vector<std::pair<Theme, int>> by_theme;                  // every theme, enum order
  } signals;
  struct Cases {
    int handled = 0;
    int started_before_year = 0;
    int started_in_year = 0;
    int closed = 0;      // closed at the peildatum
    int continuing = 0;  // open at the peildatum
    OndermijningOutcomes outcomes;
  } cases;
  struct Activities {
    int control_days = 0;
    int companies_checked = 0;  // summed over control days
    int knock_and_talk = 0;
    int heit_controls = 0;
  } activities;
};

struct OndermijningReport {
  OndermijningFigures figures;
  OndermijningFigures previous_year;
};

// The figures for `year`, pure. Signals count when received in the year; casussen when handled
// in it (as for Tabel 5.1: reported by 31-12 and not closed before 1-1, or re-opened), each
// classified by its history up to the peildatum; activities when they took place in the year.
// The inputs may hold other years too: they are filtered here.
OndermijningFigures BuildOndermijningFigures(int year, const std::vector<SignalFacts>& signals,
                                             const std::vector<CaseTimeline>& timelines,
                                             const std::vector<Activity>& activities);

// The same for any period (figures.year 0).
OndermijningFigures BuildOndermijningFigures(const ReportPeriod& period,
                                             const std::vector<SignalFacts>& signals,
                                             const std::vector<CaseTimeline>& timelines,
                                             const std::vector<Activity>& activities);

OndermijningReport BuildOndermijningReport(int year, const std::vector<SignalFacts>& signals,
                                           const std::vector<CaseTimeline>& timelines,
                                           const std::vector<Activity>& activities);

// The report as `section,key,value` CSV rows, with a header row; sections are dotted paths
// (signals.by_source.mma, cases.outcomes, previous_year.signals, ...). `suppression` hides
// the counts per source (with their percentage), per theme and per outcome that
// OndermijningSuppression plans for each year; totals and activity counts stay true.
std::string OndermijningReportCsv(const OndermijningReport& report,
                                  const CellSuppression& suppression = {});

// The figures as sentences for a terminal, in the words of the annual report.
std::string OndermijningReportText(const OndermijningReport& report);

// One period's figures alone, as CSV rows like OndermijningReportCsv's (for a period that is
// not a calendar year: report.from and report.to for report.year, and started_before_period,
// started_in_period) and as sentences.
std::string OndermijningFiguresCsv(const OndermijningFigures& figures,
                                   const CellSuppression& suppression = {});
std::string OndermijningPeriodText(const OndermijningFigures& figures);

}  // namespace casus::domain
