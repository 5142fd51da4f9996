#include "web/report_json.hpp"

#include "web/json.hpp"

namespace casus::web {

namespace {

void WriteLopendAfgerond(JsonWriter& writer, const domain::LopendAfgerond& counts,
                         bool with_total) {
  writer.StartObject();
  WriteKey(writer, "lopend");
  writer.Int(counts.lopend);
  WriteKey(writer, "afgerond");
  writer.Int(counts.afgerond);
  if (with_total) {
    WriteKey(writer, "total");
    writer.Int(counts.Total());
  }
  writer.EndObject();
}

void WriteRow(JsonWriter& writer, const domain::WoonoverlastRow& row) {
  writer.StartObject();
  WriteKey(writer, "district");
  WriteString(writer, row.district);
  WriteKey(writer, "koop");
  WriteLopendAfgerond(writer, row.koop, false);
  WriteKey(writer, "corporatie");
  WriteLopendAfgerond(writer, row.corporatie, false);
  WriteKey(writer, "particulier");
  WriteLopendAfgerond(writer, row.particulier, false);
  WriteKey(writer, "total");
  writer.Int(row.Total());
  writer.EndObject();
}

void WriteCount(JsonWriter& writer, std::string_view key, int count) {
  WriteKey(writer, key);
  writer.Int(count);
}

// The members of one year's figures, inside an object the caller opened.
void WriteFiguresMembers(JsonWriter& writer, const domain::OndermijningFigures& figures) {
  WriteCount(writer, "year", figures.year);
  WriteKey(writer, "peildatum");
  WriteString(writer, figures.peildatum.ToString());

  WriteKey(writer, "signals");
  writer.StartObject();
  WriteCount(writer, "total", figures.signals.total);
  WriteKey(writer, "by_source");
  writer.StartObject();
  for (const auto& [source, share] : figures.signals.by_source) {
    WriteKey(writer, domain::Name(source));
    writer.StartObject();
    WriteCount(writer, "count", share.count);
    WriteCount(writer, "percent", share.percent);
    writer.EndObject();
  }
  writer.EndObject();
  WriteKey(writer, "by_theme");
  writer.StartObject();
  for (const auto& [theme, count] : figures.signals.by_theme) {
    WriteCount(writer, domain::Name(theme), count);
  }
  writer.EndObject();
  writer.EndObject();

  const auto& cases = figures.cases;
  WriteKey(writer, "cases");
  writer.StartObject();
  WriteCount(writer, "handled", cases.handled);
  WriteCount(writer, "started_before_year", cases.started_before_year);
  WriteCount(writer, "started_in_year", cases.started_in_year);
  WriteCount(writer, "closed", cases.closed);
  WriteCount(writer, "continuing", cases.continuing);
  WriteKey(writer, "outcomes");
  writer.StartObject();
  WriteCount(writer, "ontkracht", cases.outcomes.ontkracht);
  WriteCount(writer, "onvoldoende_aanknopingspunten", cases.outcomes.onvoldoende_aanknopingspunten);
  WriteCount(writer, "handhaving", cases.outcomes.handhaving);
  WriteCount(writer, "sluiting", cases.outcomes.sluiting);
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

std::string WoonoverlastReportJson(const domain::WoonoverlastReport& report) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteKey(writer, "year");
  writer.Int(report.year);
  WriteKey(writer, "peildatum");
  WriteString(writer, report.peildatum.ToString());
  WriteKey(writer, "rows");
  writer.StartArray();
  for (const auto& row : report.rows) WriteRow(writer, row);
  writer.EndArray();
  WriteKey(writer, "totals");
  WriteRow(writer, report.totals);
  WriteKey(writer, "new_in_year");
  writer.Int(report.new_in_year);
  WriteKey(writer, "previous_year");
  WriteLopendAfgerond(writer, report.previous_year, true);
  writer.EndObject();
  return buffer.GetString();
}

std::string OndermijningReportJson(const domain::OndermijningReport& report) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartObject();
  WriteFiguresMembers(writer, report.figures);
  WriteKey(writer, "previous_year");
  writer.StartObject();
  WriteFiguresMembers(writer, report.previous_year);
  writer.EndObject();
  writer.EndObject();
  return buffer.GetString();
}

}  // namespace casus::web
