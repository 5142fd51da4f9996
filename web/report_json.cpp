#include "web/report_json.hpp"

#include "domain/reports/ondermijning_suppression.hpp"
#include "domain/reports/suppression_plan.hpp"
#include "web/json.hpp"

namespace casus::web {

namespace {

// A count as published: the number, or the marker when `hidden`.
void WriteCell(JsonWriter& writer, int count, bool hidden, const domain::SuppressionPlan& plan) {
  if (hidden) {
    WriteString(writer, plan.Marker());
  } else {
    writer.Int(count);
  }
}

void WriteCount(JsonWriter& writer, std::string_view key, int count) {
  WriteKey(writer, key);
  writer.Int(count);
}

// Cell `index` of a one-row plan (a list).
void WriteCount(JsonWriter& writer, std::string_view key, int count,
                const domain::SuppressionPlan& plan, std::size_t index) {
  WriteKey(writer, key);
  WriteCell(writer, count, plan.Hides(index), plan);
}

// Lopend and afgerond as cells `column` and `column + 1` of plan row `row`.
void WriteLopendAfgerond(JsonWriter& writer, const domain::LopendAfgerond& counts, bool with_total,
                         const domain::SuppressionPlan& plan, std::size_t row, std::size_t column) {
  writer.StartObject();
  WriteKey(writer, "lopend");
  WriteCell(writer, counts.lopend, plan.Hides(row, column), plan);
  WriteKey(writer, "afgerond");
  WriteCell(writer, counts.afgerond, plan.Hides(row, column + 1), plan);
  if (with_total) WriteCount(writer, "total", counts.Total());
  writer.EndObject();
}

// A row of Tabel 5.1, its cells as row `index` of `plan` (domain::PlanSuppression's layout).
void WriteRow(JsonWriter& writer, const domain::WoonoverlastRow& row,
              const domain::SuppressionPlan& plan, std::size_t index) {
  writer.StartObject();
  WriteKey(writer, "district");
  WriteString(writer, row.district);
  WriteKey(writer, "district_code");
  WriteOptionalString(writer, row.district_code);
  WriteKey(writer, "koop");
  WriteLopendAfgerond(writer, row.koop, false, plan, index, 0);
  WriteKey(writer, "corporatie");
  WriteLopendAfgerond(writer, row.corporatie, false, plan, index, 2);
  WriteKey(writer, "particulier");
  WriteLopendAfgerond(writer, row.particulier, false, plan, index, 4);
  WriteCount(writer, "total", row.Total());
  writer.EndObject();
}

// Whose table it is (the municipality's settings), ahead of its figures.
void WriteTitle(JsonWriter& writer, const domain::ReportTitle& title) {
  WriteKey(writer, "municipality");
  WriteString(writer, title.municipality);
  WriteKey(writer, "title");
  WriteString(writer, title.table_title);
}

void WritePeriod(JsonWriter& writer, const domain::ReportPeriod& period) {
  WriteKey(writer, "from");
  WriteString(writer, period.from.ToString());
  WriteKey(writer, "to");
  WriteString(writer, period.to.ToString());
}

void WriteTable(JsonWriter& writer, const std::vector<domain::WoonoverlastRow>& rows,
                const domain::WoonoverlastRow& totals, const domain::CellSuppression& suppression) {
  const domain::SuppressionPlan plan = domain::PlanSuppression(rows, suppression);
  WriteKey(writer, "rows");
  writer.StartArray();
  for (std::size_t i = 0; i < rows.size(); ++i) WriteRow(writer, rows[i], plan, i);
  writer.EndArray();
  WriteKey(writer, "totals");
  WriteRow(writer, totals, {}, 0);  // totals stay true
}

// The members of one year's figures, inside an object the caller opened.
// A year's figures say "year"; any other period's "from" and "to", and "period" where a
// year's say "year" (started_before_period).
void WriteFiguresMembers(JsonWriter& writer, const domain::OndermijningFigures& figures,
                         const domain::CellSuppression& suppression) {
  const auto plan = domain::OndermijningSuppression::Plan(figures, suppression);
  const bool year = figures.year != 0;
  if (year) {
    WriteCount(writer, "year", figures.year);
  } else {
    WritePeriod(writer, figures.period);
  }
  WriteKey(writer, "peildatum");
  WriteString(writer, figures.peildatum.ToString());

  WriteKey(writer, "signals");
  writer.StartObject();
  WriteCount(writer, "total", figures.signals.total);
  WriteKey(writer, "by_source");
  writer.StartObject();
  for (std::size_t i = 0; i < figures.signals.by_source.size(); ++i) {
    const auto& [source, share] = figures.signals.by_source[i];
    WriteKey(writer, domain::Name(source));
    writer.StartObject();
    WriteCount(writer, "count", share.count, plan.by_source, i);
    // A hidden count's share would give the count away.
    WriteCount(writer, "percent", plan.percents[i], plan.by_source, i);
    writer.EndObject();
  }
  writer.EndObject();
  WriteKey(writer, "by_theme");
  writer.StartObject();
  for (std::size_t i = 0; i < figures.signals.by_theme.size(); ++i) {
    const auto& [theme, count] = figures.signals.by_theme[i];
    WriteCount(writer, domain::Name(theme), count, plan.by_theme, i);
  }
  writer.EndObject();
  writer.EndObject();

  const auto& cases = figures.cases;
  WriteKey(writer, "cases");
  writer.StartObject();
  WriteCount(writer, "handled", cases.handled);
  WriteCount(writer, year ? "started_before_year" : "started_before_period",
             cases.started_before_year);
  WriteCount(writer, year ? "started_in_year" : "started_in_period", cases.started_in_year);
  WriteCount(writer, "closed", cases.closed);
  WriteCount(writer, "continuing", cases.continuing);
  WriteKey(writer, "outcomes");
  writer.StartObject();
  using Outcome = domain::OndermijningSuppression;
  WriteCount(writer, "ontkracht", cases.outcomes.ontkracht, plan.outcomes, Outcome::kOntkracht);
  WriteCount(writer, "onvoldoende_aanknopingspunten", cases.outcomes.onvoldoende_aanknopingspunten,
             plan.outcomes, Outcome::kOnvoldoende);
  WriteCount(writer, "handhaving", cases.outcomes.handhaving, plan.outcomes, Outcome::kHandhaving);
  WriteCount(writer, "sluiting", cases.outcomes.sluiting, plan.outcomes, Outcome::kSluiting);
  writer.EndObject();
  writer.EndObject();

  const auto& activities = figures.activities;
  WriteKey(writer, "activities");
  writer.StartObject();
  WriteCount(writer, "control_days", activities.control_days);
  WriteCount(writer, "companies_checked", activities.companies_checked);
  WriteCount(writer, "knock_and_talk", activities.knock_and_talk);
  WriteCount(writer, "heit_controls", activities.heit_controls);
  writer.EndObject();
}

}  // namespace

std::string WoonoverlastReportJson(const domain::WoonoverlastReport& report,
                                   const domain::CellSuppression& suppression) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteTitle(writer, report.title);
  WriteCount(writer, "year", report.year);
  WriteKey(writer, "peildatum");
  WriteString(writer, report.peildatum.ToString());
  WriteTable(writer, report.rows, report.totals, suppression);
  WriteCount(writer, "new_in_year", report.new_in_year);
  WriteKey(writer, "previous_year");
  WriteLopendAfgerond(writer, report.previous_year, true, {}, 0, 0);
  writer.EndObject();
  return buffer.GetString();
}

std::string WoonoverlastPeriodReportJson(const domain::WoonoverlastPeriodReport& report,
                                         const domain::CellSuppression& suppression) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteTitle(writer, report.title);
  WritePeriod(writer, report.period);
  WriteKey(writer, "peildatum");
  WriteString(writer, report.period.to.ToString());
  WriteTable(writer, report.rows, report.totals, suppression);
  WriteCount(writer, "new_in_period", report.new_in_period);
  writer.EndObject();
  return buffer.GetString();
}

std::string OndermijningFiguresJson(const domain::OndermijningFigures& figures,
                                    const domain::CellSuppression& suppression) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteFiguresMembers(writer, figures, suppression);
  writer.EndObject();
  return buffer.GetString();
}

std::string WoonoverlastSeriesJson(int from, int to,
                                   const std::vector<domain::WoonoverlastYearTotals>& series) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteCount(writer, "from", from);
  WriteCount(writer, "to", to);
  WriteKey(writer, "years");
  writer.StartArray();
  for (const auto& year : series) {
    writer.StartObject();
    WriteCount(writer, "year", year.year);
    WriteCount(writer, "lopend", year.totals.lopend);
    WriteCount(writer, "afgerond", year.totals.afgerond);
    WriteCount(writer, "total", year.totals.Total());
    WriteCount(writer, "new_in_year", year.new_in_year);
    writer.EndObject();
  }
  writer.EndArray();
  writer.EndObject();
  return buffer.GetString();
}

std::string OndermijningReportJson(const domain::OndermijningReport& report,
                                   const domain::CellSuppression& suppression) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteFiguresMembers(writer, report.figures, suppression);
  WriteKey(writer, "previous_year");
  writer.StartObject();
  WriteFiguresMembers(writer, report.previous_year, suppression);
  writer.EndObject();
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace casus::web
