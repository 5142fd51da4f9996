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

WoonoverlastReport BuildWoonoverlastReportFromTallies(
    int year, const std::vector<std::string>& districts,
    const std::vector<WoonoverlastTally>& tallies) {
  WoonoverlastReport report;
  report.year = year;
  report.peildatum = Date::LastDayOfYear(year);
  for (const auto& name : districts) report.rows.push_back({name, {}, {}, {}});
  report.totals.district = "Totaal";

  std::map<std::string, WoonoverlastRow> unlisted;  // alphabetical, after the listed wijken
  for (const WoonoverlastTally& tally : tallies) {
    const int count = static_cast<int>(tally.count);
    if (tally.new_in_period) report.new_in_year += count;
    if (tally.handled_previous) {
      (tally.closed_previous ? report.previous_year.afgerond : report.previous_year.lopend) +=
          count;
    }
    if (!tally.handled) continue;
    const std::string district = tally.district.value_or("Onbekend");
    auto row = std::find_if(report.rows.begin(), report.rows.end(),
                            [&](const WoonoverlastRow& r) { return r.district == district; });
    WoonoverlastRow& target =
        row != report.rows.end() ? *row : unlisted.try_emplace(district, district).first->second;
    auto& cell = target.CellFor(tally.housing_type);
    auto& total = report.totals.CellFor(tally.housing_type);
    (tally.closed ? cell.afgerond : cell.lopend) += count;
    (tally.closed ? total.afgerond : total.lopend) += count;
  }
  for (auto& [name, row] : unlisted) report.rows.push_back(std::move(row));
  return report;
}

}  // namespace casus::domain
