#include "domain/reports/woonoverlast_tally.hpp"

#include <algorithm>
#include <map>

#include "domain/cases/lifecycle.hpp"

namespace casus::domain {

namespace {

bool ClosedAt(const CaseTimeline& timeline, Date day) {
  return IsClosed(timeline.StateAt(day).value_or(CaseState::kGemeld));
}

}  // namespace

std::optional<WoonoverlastTally> TallyOf(const CaseTimeline& timeline, const ReportPeriod& period,
                                         const ReportPeriod& previous) {
  if (!timeline.housing_type) return std::nullopt;
  WoonoverlastTally tally;
  tally.district = timeline.district;
  tally.housing_type = *timeline.housing_type;
  tally.handled = HandledBetween(timeline, period.from, period.to);
  tally.closed = ClosedAt(timeline, period.to);
  tally.handled_previous = HandledBetween(timeline, previous.from, previous.to);
  tally.closed_previous = ClosedAt(timeline, previous.to);
  tally.new_in_period = timeline.reported_on >= period.from && timeline.reported_on <= period.to;
  tally.count = 1;
  return tally;
}

namespace {

struct Table {
  std::vector<WoonoverlastRow> rows;
  WoonoverlastRow totals;
};

// The casussen the tallies count as handled in their period, by wijk and woningtype.
Table Tabulate(const std::vector<std::string>& districts,
               const std::vector<WoonoverlastTally>& tallies) {
  Table table;
  for (const auto& name : districts) table.rows.push_back({name, {}, {}, {}});
  table.totals.district = "Totaal";
  std::map<std::string, WoonoverlastRow> unlisted;  // alphabetical, after the listed wijken
  for (const WoonoverlastTally& tally : tallies) {
    if (!tally.handled) continue;
    const std::string district = tally.district.value_or("Onbekend");
    auto row = std::find_if(table.rows.begin(), table.rows.end(),
                            [&](const WoonoverlastRow& r) { return r.district == district; });
    WoonoverlastRow& target =
        row != table.rows.end() ? *row : unlisted.try_emplace(district, district).first->second;
    const int count = static_cast<int>(tally.count);
    auto& cell = target.CellFor(tally.housing_type);
    auto& total = table.totals.CellFor(tally.housing_type);
    (tally.closed ? cell.afgerond : cell.lopend) += count;
    (tally.closed ? total.afgerond : total.lopend) += count;
  }
  for (auto& [name, row] : unlisted) table.rows.push_back(std::move(row));
  return table;
}

int NewInPeriod(const std::vector<WoonoverlastTally>& tallies) {
  int count = 0;
  for (const auto& tally : tallies) {
    if (tally.new_in_period) count += static_cast<int>(tally.count);
  }
  return count;
}

}  // namespace

WoonoverlastReport BuildWoonoverlastReportFromTallies(
    int year, const std::vector<std::string>& districts,
    const std::vector<WoonoverlastTally>& tallies) {
  WoonoverlastReport report;
  report.year = year;
  report.peildatum = Date::LastDayOfYear(year);
  Table table = Tabulate(districts, tallies);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_year = NewInPeriod(tallies);
  for (const WoonoverlastTally& tally : tallies) {
    if (!tally.handled_previous) continue;
    (tally.closed_previous ? report.previous_year.afgerond : report.previous_year.lopend) +=
        static_cast<int>(tally.count);
  }
  return report;
}

WoonoverlastPeriodReport BuildWoonoverlastPeriodReportFromTallies(
    const ReportPeriod& period, const std::vector<std::string>& districts,
    const std::vector<WoonoverlastTally>& tallies) {
  WoonoverlastPeriodReport report;
  report.period = period;
  Table table = Tabulate(districts, tallies);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_period = NewInPeriod(tallies);
  return report;
}

}  // namespace casus::domain
