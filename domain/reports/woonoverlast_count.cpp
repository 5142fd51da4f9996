#include "domain/reports/woonoverlast_count.hpp"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "domain/cases/lifecycle.hpp"

namespace casus::domain {

namespace {

bool ClosedAt(const CaseTimeline& timeline, Date day) {
  return IsClosed(timeline.StateAt(day).value_or(CaseState::kGemeld));
}

// Adds the casus to `cell` when it was handled in `period`.
void Count(const CaseTimeline& timeline, const ReportPeriod& period, LopendAfgerond& cell) {
  if (!HandledBetween(timeline, period.from, period.to)) return;
  ++(ClosedAt(timeline, period.to) ? cell.afgerond : cell.lopend);
}

auto OrderOf(const WoonoverlastCount& count) {
  return std::make_tuple(count.district.has_value(), count.district.value_or(""),
                         count.housing_type);
}

}  // namespace

std::vector<WoonoverlastCount> CountWoonoverlast(const std::vector<CaseTimeline>& timelines,
                                                 const ReportPeriod& period,
                                                 const ReportPeriod& previous) {
  std::map<std::tuple<bool, std::string, HousingType>, WoonoverlastCount> groups;
  for (const CaseTimeline& timeline : timelines) {
    if (!timeline.housing_type) continue;
    WoonoverlastCount& count =
        groups
            .try_emplace({timeline.district.has_value(), timeline.district.value_or(""),
                          *timeline.housing_type},
                         WoonoverlastCount{timeline.district, *timeline.housing_type})
            .first->second;
    Count(timeline, period, count.period);
    Count(timeline, previous, count.previous);
    if (timeline.reported_on >= period.from && timeline.reported_on <= period.to) {
      ++count.new_in_period;
    }
  }
  std::vector<WoonoverlastCount> counts;
  for (auto& [key, count] : groups) {
    if (!count.IsZero()) counts.push_back(std::move(count));
  }
  return counts;
}

std::vector<WoonoverlastCount> Normalized(std::vector<WoonoverlastCount> counts) {
  std::erase_if(counts, [](const WoonoverlastCount& count) { return count.IsZero(); });
  std::sort(counts.begin(), counts.end(),
            [](const auto& a, const auto& b) { return OrderOf(a) < OrderOf(b); });
  return counts;
}

namespace {

struct Table {
  std::vector<WoonoverlastRow> rows;
  WoonoverlastRow totals;
};

// The counts' period cells by wijk and woningtype.
Table Tabulate(const std::vector<ReportDistrict>& districts,
               const std::vector<WoonoverlastCount>& counts) {
  WoonoverlastTableBuilder builder(districts);
  for (const WoonoverlastCount& count : counts) {
    if (count.period.Total() == 0) continue;
    builder.Add(count.district, count.housing_type, count.period);
  }
  return {builder.Rows(), builder.Totals()};
}

int NewInPeriod(const std::vector<WoonoverlastCount>& counts) {
  int total = 0;
  for (const auto& count : counts) total += count.new_in_period;
  return total;
}

}  // namespace

WoonoverlastReport BuildWoonoverlastReportFromCounts(int year,
                                                     const std::vector<ReportDistrict>& districts,
                                                     const std::vector<WoonoverlastCount>& counts) {
  WoonoverlastReport report;
  report.year = year;
  report.peildatum = Date::LastDayOfYear(year);
  Table table = Tabulate(districts, counts);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_year = NewInPeriod(counts);
  for (const WoonoverlastCount& count : counts) {
    report.previous_year.lopend += count.previous.lopend;
    report.previous_year.afgerond += count.previous.afgerond;
  }
  return report;
}

WoonoverlastPeriodReport BuildWoonoverlastPeriodReportFromCounts(
    const ReportPeriod& period, const std::vector<ReportDistrict>& districts,
    const std::vector<WoonoverlastCount>& counts) {
  WoonoverlastPeriodReport report;
  report.period = period;
  Table table = Tabulate(districts, counts);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_period = NewInPeriod(counts);
  return report;
}

}  // namespace casus::domain
