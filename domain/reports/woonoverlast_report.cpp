#include "domain/reports/woonoverlast_report.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "domain/cases/lifecycle.hpp"

namespace casus::domain {

namespace {

void Accumulate(LopendAfgerond& into, const LopendAfgerond& cell) {
  into.lopend += cell.lopend;
  into.afgerond += cell.afgerond;
}

struct Table {
  std::vector<WoonoverlastRow> rows;
  WoonoverlastRow totals;
};

Table Tabulate(const ReportPeriod& period, const std::vector<ReportDistrict>& districts,
               const std::vector<CaseTimeline>& timelines) {
  WoonoverlastTableBuilder builder(districts);
  const Date peildatum = period.to;
  for (const auto& timeline : timelines) {
    if (!timeline.housing_type || !HandledBetween(timeline, period.from, period.to)) continue;
    const bool closed = IsClosed(timeline.StateAt(peildatum).value_or(CaseState::kGemeld));
    builder.Add(timeline.district, *timeline.housing_type,
                closed ? LopendAfgerond{0, 1} : LopendAfgerond{1, 0});
  }
  return {builder.Rows(), builder.Totals()};
}

}  // namespace

WoonoverlastTableBuilder::WoonoverlastTableBuilder(const std::vector<ReportDistrict>& districts) {
  for (const ReportDistrict& district : districts) {
    WoonoverlastRow row;
    row.district = district.name;
    row.district_code = district.code;
    listed_.push_back({district.key, std::move(row), district.always_shown});
  }
  totals_.district = "Totaal";
}

void WoonoverlastTableBuilder::Add(const std::optional<std::string>& district, HousingType type,
                                   const LopendAfgerond& cell) {
  const std::string key = district.value_or("Onbekend");
  auto entry = district ? std::find_if(listed_.begin(), listed_.end(),
                                       [&](const Entry& e) { return e.key == key; })
                        : listed_.end();
  if (entry == listed_.end()) {
    entry = std::lower_bound(unlisted_.begin(), unlisted_.end(), key,
                             [](const Entry& e, const std::string& k) { return e.key < k; });
    if (entry == unlisted_.end() || entry->key != key) {
      WoonoverlastRow row;
      row.district = key;
      entry = unlisted_.insert(entry, {key, std::move(row), true});
    }
  }
  entry->shown = true;
  Accumulate(entry->row.CellFor(type), cell);
  Accumulate(totals_.CellFor(type), cell);
}

std::vector<WoonoverlastRow> WoonoverlastTableBuilder::Rows() const {
  std::vector<WoonoverlastRow> rows;
  for (const auto* entries : {&listed_, &unlisted_}) {
    for (const Entry& entry : *entries) {
      if (entry.shown) rows.push_back(entry.row);
    }
  }
  return rows;
}

LopendAfgerond& WoonoverlastRow::CellFor(HousingType type) {
  switch (type) {
    case HousingType::kKoop:
      return koop;
    case HousingType::kCorporatie:
      return corporatie;
    case HousingType::kParticulier:
      return particulier;
  }
  return koop;  // unreachable: the switch names every enumerator
}

LopendAfgerond WoonoverlastRow::Sum() const {
  LopendAfgerond sum;
  Accumulate(sum, koop);
  Accumulate(sum, corporatie);
  Accumulate(sum, particulier);
  return sum;
}

bool HandledBetween(const CaseTimeline& timeline, Date from, Date to) {
  if (timeline.reported_on > to) return false;
  const auto at_start = timeline.StateAt(from.AddDays(-1));
  if (!at_start || !IsClosed(*at_start)) return true;
  // Closed before the period began: handled only when re-opened during it.
  return std::any_of(timeline.history.begin(), timeline.history.end(),
                     [&](const TransitionRecord& r) { return r.on >= from && r.on <= to; });
}

bool HandledIn(const CaseTimeline& timeline, int year) {
  return HandledBetween(timeline, Date::FirstDayOfYear(year), Date::LastDayOfYear(year));
}

WoonoverlastReport BuildWoonoverlastReport(int year, const std::vector<std::string>& districts,
                                           const std::vector<CaseTimeline>& timelines) {
  return BuildWoonoverlastReport(year, ReportDistrictsOf(districts), timelines);
}

WoonoverlastReport BuildWoonoverlastReport(int year, const std::vector<ReportDistrict>& districts,
                                           const std::vector<CaseTimeline>& timelines) {
  WoonoverlastReport report;
  report.year = year;
  report.peildatum = Date::LastDayOfYear(year);
  auto table = Tabulate(ReportPeriod::Year(year), districts, timelines);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_year = static_cast<int>(std::count_if(
      timelines.begin(), timelines.end(),
      [&](const CaseTimeline& t) { return t.housing_type && t.reported_on.year() == year; }));
  report.previous_year = Tabulate(ReportPeriod::Year(year - 1), districts, timelines).totals.Sum();
  return report;
}

WoonoverlastPeriodReport BuildWoonoverlastPeriodReport(const ReportPeriod& period,
                                                       const std::vector<ReportDistrict>& districts,
                                                       const std::vector<CaseTimeline>& timelines) {
  WoonoverlastPeriodReport report;
  report.period = period;
  auto table = Tabulate(period, districts, timelines);
  report.rows = std::move(table.rows);
  report.totals = std::move(table.totals);
  report.new_in_period =
      static_cast<int>(std::count_if(timelines.begin(), timelines.end(), [&](const auto& t) {
        return t.housing_type && t.reported_on >= period.from && t.reported_on <= period.to;
      }));
  return report;
}

namespace {
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

std::vector<int> Cells(const WoonoverlastRow& row) {
  return {row.koop.lopend,         row.koop.afgerond,      row.corporatie.lopend,
          row.corporatie.afgerond, row.particulier.lopend, row.particulier.afgerond};
}

// `row` as a CSV line, its cells as plan row `index` of `plan` shows them.
void AppendCsvRow(std::ostringstream& out, const WoonoverlastRow& row, const SuppressionPlan& plan,
                  std::size_t index) {
  out << CsvField(row.district);
  const auto cells = Cells(row);
  for (std::size_t column = 0; column < cells.size(); ++column) {
    out << ',' << plan.Show(index, column, cells[column]);
  }
  out << ',' << row.Total() << '\n';
}

void AppendTextRow(std::ostringstream& out, const WoonoverlastRow& row) {
  char line[160];
  std::snprintf(line, sizeof line, "%-12s %7d %9d %7d %9d %7d %9d %7d\n", row.district.c_str(),
                row.koop.lopend, row.koop.afgerond, row.corporatie.lopend, row.corporatie.afgerond,
                row.particulier.lopend, row.particulier.afgerond, row.Total());
  out << line;
}

std::string TableCsv(const std::vector<WoonoverlastRow>& rows, const WoonoverlastRow& totals,
                     const CellSuppression& suppression) {
  std::ostringstream out;
  out << "name,koop_lopend,koop_afgerond,corporatie_lopend,corporatie_afgerond,"
         "particulier_lopend,particulier_afgerond,total\n";
  const SuppressionPlan plan = PlanSuppression(rows, suppression);
  for (std::size_t i = 0; i < rows.size(); ++i) AppendCsvRow(out, rows[i], plan, i);
  AppendCsvRow(out, totals, SuppressionPlan{}, 0);  // totals stay true
  return out.str();
}

void AppendTextTable(std::ostringstream& out, const std::vector<WoonoverlastRow>& rows,
                     const WoonoverlastRow& totals) {
  out << "                        Koop        Corporatie        Particulier\n";
  out << "Woonoverlast  Lopende Afgeronde Lopende Afgeronde Lopende Afgeronde  Totaal\n";
  for (const auto& row : rows) AppendTextRow(out, row);
  AppendTextRow(out, totals);
}
}  // namespace

SuppressionPlan PlanSuppression(const std::vector<WoonoverlastRow>& rows,
                                const CellSuppression& suppression) {
  std::vector<std::vector<int>> cells;
  for (const auto& row : rows) cells.push_back(Cells(row));
  return SuppressionPlan::ForTable(cells, suppression);
}

std::string WoonoverlastReportCsv(const WoonoverlastReport& report,
                                  const CellSuppression& suppression) {
  return TableCsv(report.rows, report.totals, suppression);
}

std::string WoonoverlastPeriodReportCsv(const WoonoverlastPeriodReport& report,
                                        const CellSuppression& suppression) {
  return TableCsv(report.rows, report.totals, suppression);
}

std::string WoonoverlastReportText(const WoonoverlastReport& report) {
  std::ostringstream out;
  out << (report.title.table_title.empty() ? "Tabel 5.1 Woonoverlast" : report.title.table_title)
      << " " << report.year << " (peildatum " << report.peildatum.ToString() << ")\n\n";
  AppendTextTable(out, report.rows, report.totals);
  out << "\nNieuw gemeld in " << report.year << ": " << report.new_in_year << "\n";
  out << "Vorig jaar (" << report.year - 1 << "): " << report.previous_year.lopend << " lopend, "
      << report.previous_year.afgerond << " afgerond, " << report.previous_year.Total()
      << " totaal\n";
  return out.str();
}

std::string WoonoverlastPeriodReportText(const WoonoverlastPeriodReport& report) {
  std::ostringstream out;
  out << "Woonoverlast " << report.period.from.ToString() << " t/m " << report.period.to.ToString()
      << " (peildatum " << report.period.to.ToString() << ")\n\n";
  AppendTextTable(out, report.rows, report.totals);
  out << "\nNieuw gemeld in de periode: " << report.new_in_period << "\n";
  return out.str();
}

}  // namespace casus::domain
