#pragma once

#include <string>

#include "domain/reports/ondermijning_report.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::domain {

// The year reports as the paragraph of the jaarverslag: Dutch sentences written from the same
// figures as the table, so that text and table cannot disagree (the seed's own text once said
// 39 lopende corporatie-casussen where its Tabel 5.1 said 99). Numbers are digits with a dot
// between thousands ("1.234"); a count of nothing is "geen", of one singular ("1 casus").
// Every figure stands in a fixed phrase, which tests/domain/reports/report_paragraph_test.cpp
// reads back for random tables.

// Tabel 5.1 of one year: the casussen handled, lopend and afgerond at the peildatum, the change
// against the previous year in words, the casussen newly reported, the woningtypes with the
// share of corporatiewoningen and the lopende corporatie-casussen, and the wijk(en) with the
// most casussen.
std::string WoonoverlastParagraph(const WoonoverlastReport& report);

// The ondermijning figures of one year: the signals by source with their percentages, the
// casussen handled (from earlier years, new), closed and continuing, the outcomes, and the
// activities.
std::string OndermijningParagraph(const OndermijningReport& report);

// `n` with a dot between thousands: 1234567 as "1.234.567".
std::string DutchNumber(int n);

}  // namespace casus::domain
