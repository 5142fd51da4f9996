#pragma once

#include <string>
#include <vector>

#include "domain/reports/cell_suppression.hpp"
#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::web {

// Tabel 5.1 as the JSON of GET /api/v1/reports/woonoverlast/{year}:
// {"year":2024,"peildatum":"2024-12-31","rows":[row...],"totals":row,"new_in_year":N,
//  "previous_year":{"lopend":N,"afgerond":N,"total":N}}, each row
// {"district":"Centrum","koop":{"lopend":6,"afgerond":3},"corporatie":{...},
//  "particulier":{...},"total":31}. Shared with the CLI (`casus report --format json`), so this
// header includes neither Boost nor a JSON library.
// `suppression` (open-data publication) turns every lopend/afgerond cell of a wijk row that
// domain::PlanSuppression hides into its marker string, e.g. "koop":{"lopend":"<5",
// "afgerond":12}: the small cells and those hidden so that no small cell can be worked out
// from the rest. Each row's total, the totals row and previous_year stay true numbers. The
// default hides nothing.
std::string WoonoverlastReportJson(const domain::WoonoverlastReport& report,
                                   const domain::CellSuppression& suppression = {});

// The ondermijning figures as the JSON of GET /api/v1/reports/ondermijning/{year}; its keys
// are a dashboard's contract:
// {"year":2024,"peildatum":"2024-12-31",
//  "signals":{"total":N,"by_source":{"mma":{"count":N,"percent":N},...every source},
//             "by_theme":{"drugs":N,...every theme}},
//  "cases":{"handled","started_before_year","started_in_year","closed","continuing",
//           "outcomes":{"ontkracht","onvoldoende_aanknopingspunten","handhaving","sluiting"}},
//  "activities":{"control_days","companies_checked","knock_and_talk","heit_controls"},
//  "previous_year":{the same for year - 1, without previous_year}}
// Shared with the CLI, like WoonoverlastReportJson. `suppression` turns the cells that
// domain::OndermijningSuppression hides into its marker string, as the domain's CSV does, in
// both years: a by_source count (its percent then shows the marker too; with any source
// hidden the shown percents are each rounded on their own), a by_theme count, an outcome.
// signals.total, the other case counts and the activities stay true numbers. The default
// hides nothing.
// {"from":2019,"to":2024,"years":[{"year":2019,"lopend":..,"afgerond":..,"total":..,
// "new_in_year":..},...]}: the Totaal of Tabel 5.1 per year, for a trend chart.
std::string WoonoverlastSeriesJson(int from, int to,
                                   const std::vector<domain::WoonoverlastYearTotals>& series);

std::string OndermijningReportJson(const domain::OndermijningReport& report,
                                   const domain::CellSuppression& suppression = {});

// Tabel 5.1 for a period, as GET /api/v1/reports/woonoverlast?from=&to=:
// {"from":"2024-01-01","to":"2024-04-30","peildatum":"2024-04-30","rows":[...],"totals":{...},
//  "new_in_period":42}, rows and totals as in the year's report.
std::string WoonoverlastPeriodReportJson(const domain::WoonoverlastPeriodReport& report,
                                         const domain::CellSuppression& suppression = {});

// One period's ondermijning figures, as GET /api/v1/reports/ondermijning?from=&to=: the
// members of a year's figures with "from" and "to" for "year", and started_before_period and
// started_in_period for the cases' started_before_year and started_in_year.
std::string OndermijningFiguresJson(const domain::OndermijningFigures& figures,
                                    const domain::CellSuppression& suppression = {});

}  // namespace casus::web
