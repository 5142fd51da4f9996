#include "web/report_html.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>
#include <vector>

#include "domain/reports/ondermijning_suppression.hpp"
#include "domain/reports/report_paragraph.hpp"
#include "domain/reports/suppression_plan.hpp"

namespace casus::web {

namespace {

// Printable on A4, readable on a screen, no fonts or scripts fetched.
constexpr const char* kStyle = R"(
body { font-family: "Segoe UI", Arial, sans-serif; color: #1a1a1a; margin: 2rem; max-width: 60rem; }
h1 { font-size: 1.5rem; margin-bottom: 0.25rem; }
p.meta { color: #555; margin-top: 0; }
table { border-collapse: collapse; margin: 1.5rem 0; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; padding-bottom: 0.5rem; }
th, td { border: 1px solid #999; padding: 0.25rem 0.6rem; }
td { text-align: right; }
thead th { background: #e8eef4; }
tfoot th, tfoot td { font-weight: bold; background: #f3f3f3; }
th[scope=row] { text-align: left; font-weight: normal; }
tfoot th[scope=row] { font-weight: bold; }
figure { margin: 1.5rem 0; }
figcaption { font-weight: bold; margin-bottom: 0.5rem; }
svg text { font-family: inherit; font-size: 12px; }
@media print { body { margin: 0; } figure, table { break-inside: avoid; } }
)";

constexpr const char* kLopendColour = "#1f5f8b";
constexpr const char* kAfgerondColour = "#8fb8d8";

std::string Number(int n) { return domain::DutchNumber(n); }

// The head of a page titled `title`, up to and including <main> and its heading.
void OpenPage(std::ostringstream& out, const std::string& title, const std::string& meta) {
  out << "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      << "<title>" << HtmlEscaped(title) << "</title>\n<style>" << kStyle << "</style>\n"
      << "</head>\n<body>\n<main>\n<h1>" << HtmlEscaped(title) << "</h1>\n<p class=\"meta\">"
      << HtmlEscaped(meta) << "</p>\n";
}

void ClosePage(std::ostringstream& out) { out << "</main>\n</body>\n</html>\n"; }

std::string DayMonthYear(domain::Date day) {
  char text[16];
  std::snprintf(text, sizeof text, "%02u-%02u-%04d", day.day(), day.month(), day.year());
  return text;
}

struct Bar {
  std::string label;
  std::vector<int> parts;        // stacked left to right
  std::size_t first_colour = 0;  // part p takes colour first_colour + p
};

// A horizontal stacked bar chart, one bar per `bars`, parts coloured by `colours` and named in
// a legend by `legend`; every bar's figures are written beside it, so the chart needs no axis.
void AppendBarChart(std::ostringstream& out, const std::string& caption,
                    const std::vector<Bar>& bars, const std::vector<std::string>& legend,
                    const std::vector<std::string>& colours) {
  constexpr int kLabelWidth = 150;
  constexpr int kBarArea = 420;
  constexpr int kRow = 26;
  int largest = 1;
  for (const Bar& bar : bars) {
    int sum = 0;
    for (int part : bar.parts) sum += part;
    largest = std::max(largest, sum);
  }
  const int height = static_cast<int>(bars.size()) * kRow + 40;
  const int width = kLabelWidth + kBarArea + 120;
  out << "<figure>\n<figcaption>" << HtmlEscaped(caption) << "</figcaption>\n"
      << "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" << width
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << width << ' ' << height
      << "\" aria-label=\"" << HtmlEscaped(caption) << "\">\n";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const int y = static_cast<int>(i) * kRow;
    out << "<text x=\"" << kLabelWidth - 8 << "\" y=\"" << y + 17 << "\" text-anchor=\"end\">"
        << HtmlEscaped(bars[i].label) << "</text>\n";
    int x = kLabelWidth;
    std::string figures;
    for (std::size_t p = 0; p < bars[i].parts.size(); ++p) {
      const int part = bars[i].parts[p];
      const int length = part * kBarArea / largest;
      if (length > 0) {
        out << "<rect x=\"" << x << "\" y=\"" << y + 4 << "\" width=\"" << length << "\" height=\""
            << kRow - 8 << "\" fill=\"" << colours[(bars[i].first_colour + p) % colours.size()]
            << "\"><title>"
            << HtmlEscaped(bars[i].label + ": " + Number(part) + " " +
                           legend[(bars[i].first_colour + p) % legend.size()])
            << "</title></rect>\n";
      }
      x += length;
      figures += (figures.empty() ? "" : " / ") + Number(part);
    }
    out << "<text x=\"" << x + 6 << "\" y=\"" << y + 17 << "\">" << figures << "</text>\n";
  }
  int x = kLabelWidth;
  const int legend_y = static_cast<int>(bars.size()) * kRow + 16;
  for (std::size_t p = 0; p < legend.size(); ++p) {
    out << "<rect x=\"" << x << "\" y=\"" << legend_y << "\" width=\"12\" height=\"12\" fill=\""
        << colours[p % colours.size()] << "\"/>\n<text x=\"" << x + 16 << "\" y=\"" << legend_y + 11
        << "\">" << HtmlEscaped(legend[p]) << "</text>\n";
    x += 130;
  }
  out << "</svg>\n</figure>\n";
}

void AppendTableRow(std::ostringstream& out, const domain::WoonoverlastRow& row,
                    const domain::SuppressionPlan& plan, std::size_t index) {
  const int cells[] = {row.koop.lopend,         row.koop.afgerond,      row.corporatie.lopend,
                       row.corporatie.afgerond, row.particulier.lopend, row.particulier.afgerond};
  out << "<tr><th scope=\"row\">" << HtmlEscaped(row.district) << "</th>";
  for (std::size_t column = 0; column < 6; ++column) {
    out << "<td>" << HtmlEscaped(plan.Show(index, column, cells[column])) << "</td>";
  }
  out << "<td>" << Number(row.Total()) << "</td></tr>\n";
}

}  // namespace

std::string HtmlEscaped(const std::string& text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

std::string WoonoverlastReportHtml(const domain::WoonoverlastReport& report,
                                   const domain::CellSuppression& suppression) {
  const std::string table_title =
      report.title.table_title.empty() ? "Tabel 5.1 Woonoverlast" : report.title.table_title;
  const std::string title = table_title + " " + std::to_string(report.year);
  std::string meta = "Peildatum " + DayMonthYear(report.peildatum);
  if (!report.title.municipality.empty())
    meta = "Gemeente " + report.title.municipality + " · " + meta;
  const domain::SuppressionPlan plan = domain::PlanSuppression(report.rows, suppression);

  std::ostringstream out;
  OpenPage(out, title, meta);
  out << "<table>\n<caption>" << HtmlEscaped(title) << ": casussen per wijk en woningtype, "
      << "lopend of afgerond op de peildatum " << DayMonthYear(report.peildatum)
      << "</caption>\n<thead>\n<tr><th scope=\"col\" rowspan=\"2\">Woonoverlast</th>"
      << "<th scope=\"colgroup\" colspan=\"2\">Koop</th>"
      << "<th scope=\"colgroup\" colspan=\"2\">Corporatie</th>"
      << "<th scope=\"colgroup\" colspan=\"2\">Particulier</th>"
      << "<th scope=\"col\" rowspan=\"2\">Totaal</th></tr>\n<tr>";
  for (int i = 0; i < 3; ++i)
    out << "<th scope=\"col\">Lopende</th><th scope=\"col\">Afgeronde</th>";
  out << "</tr>\n</thead>\n<tbody>\n";
  for (std::size_t i = 0; i < report.rows.size(); ++i) AppendTableRow(out, report.rows[i], plan, i);
  out << "</tbody>\n<tfoot>\n";
  AppendTableRow(out, report.totals, domain::SuppressionPlan{}, 0);  // totals stay true
  out << "</tfoot>\n</table>\n";

  const domain::LopendAfgerond now = report.totals.Sum();
  out << "<table>\n<caption>Vergelijking met " << report.year - 1 << "</caption>\n<thead>\n"
      << "<tr><th scope=\"col\">Jaar</th><th scope=\"col\">Lopend</th>"
      << "<th scope=\"col\">Afgerond</th><th scope=\"col\">Totaal</th></tr>\n</thead>\n<tbody>\n";
  for (const auto& [year, cells] :
       {std::pair{report.year - 1, report.previous_year}, std::pair{report.year, now}}) {
    out << "<tr><th scope=\"row\">" << year << "</th><td>" << Number(cells.lopend) << "</td><td>"
        << Number(cells.afgerond) << "</td><td>" << Number(cells.Total()) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n<p>Nieuw gemeld in " << report.year << ": "
      << Number(report.new_in_year) << "</p>\n";

  std::vector<Bar> bars;
  if (plan.HidesAny()) {
    for (const auto& row : report.rows) bars.push_back({row.district, {row.Total()}});
    AppendBarChart(out, "Casussen per wijk, " + std::to_string(report.year), bars, {"casussen"},
                   {kLopendColour});
  } else {
    for (const auto& row : report.rows) {
      const domain::LopendAfgerond sum = row.Sum();
      bars.push_back({row.district, {sum.lopend, sum.afgerond}});
    }
    AppendBarChart(out, "Lopende en afgeronde casussen per wijk, " + std::to_string(report.year),
                   bars, {"lopend", "afgerond"}, {kLopendColour, kAfgerondColour});
    out << "<p>" << HtmlEscaped(domain::WoonoverlastParagraph(report)) << "</p>\n";
  }
  ClosePage(out);
  return out.str();
}

std::string OndermijningReportHtml(const domain::OndermijningReport& report,
                                   const domain::CellSuppression& suppression) {
  const domain::OndermijningFigures& f = report.figures;
  const domain::OndermijningFigures& p = report.previous_year;
  const auto plan = domain::OndermijningSuppression::Plan(f, suppression);
  const auto previous_plan = domain::OndermijningSuppression::Plan(p, suppression);
  const std::string title = "Ondermijning " + std::to_string(f.year);
  std::ostringstream out;
  OpenPage(out, title, "Peildatum " + DayMonthYear(f.peildatum));

  const std::string now = std::to_string(f.year);
  const std::string before = std::to_string(p.year);
  out << "<table>\n<caption>Signalen naar bron</caption>\n<thead>\n<tr><th scope=\"col\">Bron"
      << "</th><th scope=\"col\">" << now << "</th><th scope=\"col\">%</th><th scope=\"col\">"
      << before << "</th><th scope=\"col\">%</th></tr>\n</thead>\n<tbody>\n";
  constexpr const char* kSources[] = {"Meld Misdaad Anoniem", "Meldpunt", "Partners", "Overig"};
  for (std::size_t i = 0; i < f.signals.by_source.size(); ++i) {
    const auto& share = f.signals.by_source[i].second;
    const auto& earlier = p.signals.by_source[i].second;
    const bool hidden = plan.by_source.Hides(i);
    const bool earlier_hidden = previous_plan.by_source.Hides(i);
    out << "<tr><th scope=\"row\">" << kSources[i % 4] << "</th><td>"
        << HtmlEscaped(plan.by_source.Show(i, share.count)) << "</td><td>"
        << (hidden ? HtmlEscaped(plan.by_source.Marker()) : std::to_string(plan.percents[i]) + "%")
        << "</td><td>" << HtmlEscaped(previous_plan.by_source.Show(i, earlier.count)) << "</td><td>"
        << (earlier_hidden ? HtmlEscaped(previous_plan.by_source.Marker())
                           : std::to_string(previous_plan.percents[i]) + "%")
        << "</td></tr>\n";
  }
  out << "</tbody>\n<tfoot>\n<tr><th scope=\"row\">Totaal</th><td>" << Number(f.signals.total)
      << "</td><td>100%</td><td>" << Number(p.signals.total) << "</td><td>100%</td></tr>\n"
      << "</tfoot>\n</table>\n";

  using Outcome = domain::OndermijningSuppression;
  const auto row = [&](const char* label, int a, int b) {
    out << "<tr><th scope=\"row\">" << label << "</th><td>" << Number(a) << "</td><td>" << Number(b)
        << "</td></tr>\n";
  };
  const auto hidden_row = [&](const char* label, int a, int b, Outcome::Outcome which) {
    out << "<tr><th scope=\"row\">" << label << "</th><td>"
        << HtmlEscaped(plan.outcomes.Show(which, a)) << "</td><td>"
        << HtmlEscaped(previous_plan.outcomes.Show(which, b)) << "</td></tr>\n";
  };
  const auto open_table = [&](const char* caption) {
    out << "<table>\n<caption>" << caption << "</caption>\n<thead>\n<tr><th scope=\"col\"></th>"
        << "<th scope=\"col\">" << now << "</th><th scope=\"col\">" << before
        << "</th></tr>\n</thead>\n<tbody>\n";
  };
  open_table("Casussen");
  row("Behandeld", f.cases.handled, p.cases.handled);
  row("Gestart in een eerder jaar", f.cases.started_before_year, p.cases.started_before_year);
  row("Gestart in het jaar", f.cases.started_in_year, p.cases.started_in_year);
  row("Afgesloten", f.cases.closed, p.cases.closed);
  row("Lopen door", f.cases.continuing, p.cases.continuing);
  hidden_row("Ontkracht", f.cases.outcomes.ontkracht, p.cases.outcomes.ontkracht,
             Outcome::kOntkracht);
  hidden_row("Onvoldoende aanknopingspunten", f.cases.outcomes.onvoldoende_aanknopingspunten,
             p.cases.outcomes.onvoldoende_aanknopingspunten, Outcome::kOnvoldoende);
  hidden_row("Handhaving", f.cases.outcomes.handhaving, p.cases.outcomes.handhaving,
             Outcome::kHandhaving);
  hidden_row("waarvan sluiting", f.cases.outcomes.sluiting, p.cases.outcomes.sluiting,
             Outcome::kSluiting);
  out << "</tbody>\n</table>\n";

  open_table("Activiteiten");
  row("Controledagen", f.activities.control_days, p.activities.control_days);
  row("Gecontroleerde bedrijven", f.activities.companies_checked, p.activities.companies_checked);
  row("Klop-klopgesprekken", f.activities.knock_and_talk, p.activities.knock_and_talk);
  row("HEIT-controles", f.activities.heit_controls, p.activities.heit_controls);
  out << "</tbody>\n</table>\n";

  std::vector<Bar> bars;
  const auto pair = [&](const std::string& label, int earlier, int later) {
    bars.push_back({label + " " + before, {earlier}, 0});
    bars.push_back({label + " " + now, {later}, 1});
  };
  pair("Controledagen", p.activities.control_days, f.activities.control_days);
  pair("Bedrijven", p.activities.companies_checked, f.activities.companies_checked);
  pair("Klop-klop", p.activities.knock_and_talk, f.activities.knock_and_talk);
  pair("HEIT", p.activities.heit_controls, f.activities.heit_controls);
  AppendBarChart(out, "Activiteiten " + before + " en " + now, bars, {before, now},
                 {kAfgerondColour, kLopendColour});
  if (!plan.by_source.HidesAny() && !plan.outcomes.HidesAny()) {
    out << "<p>" << HtmlEscaped(domain::OndermijningParagraph(report)) << "</p>\n";
  }
  ClosePage(out);
  return out.str();
}

}  // namespace casus::web
