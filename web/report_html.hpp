#pragma once

#include <string>

#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::web {

// The year reports as one self-contained HTML page (no external assets, lang="nl",
// printable), for the communications department's jaarverslag: the table as the jaarverslag
// prints it, with <caption> and <th scope>; the previous year beside it; an inline SVG chart;
// and the Dutch paragraph (domain/reports/report_paragraph.hpp). `suppression` hides small
// cells as the CSV and JSON do; the chart then shows only what the table publishes true (a
// wijk's total), and the paragraph, which states every figure, is left out.
//
// Pure functions of their arguments; thread-safe.

// Tabel 5.1: wijken × Koop/Corporatie/Particulier × Lopende/Afgeronde, Totaal; the totals of
// the previous year beside this year's; a bar chart of lopend and afgerond per wijk.
std::string WoonoverlastReportHtml(const domain::WoonoverlastReport& report,
                                   const domain::CellSuppression& suppression = {});

// The ondermijning figures: the signals by source with percentages (and a bar chart of
// them), the casussen with their outcomes, the activities; the previous year beside each.
std::string OndermijningReportHtml(const domain::OndermijningReport& report,
                                   const domain::CellSuppression& suppression = {});

// `text` with &, <, >, " and ' as character references: safe in an element or an attribute.
std::string HtmlEscaped(const std::string& text);

}  // namespace casus::web
