#pragma once

#include <array>
#include <string_view>

#include "domain/cases/case_service.hpp"

namespace casus::demo {

// Zoetermeer's published Tabel 5.1 for 2024 (annual report, programme Veiligheid): the figures
// the demo data set is generated to reproduce. Only the generator reads this; the report
// itself is always computed from the cases.
struct PublishedTableRow {
  std::string_view district;
  int koop_lopend, koop_afgerond, corporatie_lopend, corporatie_afgerond, particulier_lopend,
      particulier_afgerond;
};
inline constexpr int kDemoYear = 2024;
inline constexpr std::array<PublishedTableRow, 8> kPublishedTabel51 = {{
    {"Centrum", 6, 3, 10, 5, 5, 2},
    {"Meerzicht", 4, 6, 24, 9, 3, 0},
    {"Buytenwegh", 0, 6, 24, 6, 0, 0},
    {"De Leyens", 0, 0, 8, 3, 0, 1},
    {"Seghwaert", 8, 3, 14, 9, 0, 1},
    {"Noordhove", 8, 1, 0, 1, 0, 0},
    {"Rokkeveen", 5, 4, 8, 5, 0, 1},
    {"Oosterheem", 3, 1, 11, 1, 1, 0},
}};

struct DemoSeedSummary {
  int cases = 0;
  int transitions = 0;
  int signals = 0;
  int activities = 0;
};

// Registers the demo data set through `service`, as a team would have entered it: woonoverlast
// casussen from 2022 to 2025 with realistic dates, categories, addresses and transition
// histories, such that the 2024 year report reproduces kPublishedTabel51 exactly. Among them:
// cases carried over from 2023, cases closed only in 2025 (still lopend at the peildatum),
// cases closed in 2023 (absent from 2024), re-opened cases and cases reported in 2025.
// Deterministic: the same cases every run. The clock given to `service` must be on or after
// 2025-12-31. Throws DomainError(kConflict) when the store already holds casussen.
DemoSeedSummary SeedDemoData(domain::CaseService& service);

}  // namespace casus::demo
