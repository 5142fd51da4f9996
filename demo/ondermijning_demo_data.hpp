#pragma once

#include "demo/demo_data_set.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/ondermijning/activity_service.hpp"
#include "domain/ondermijning/signal_service.hpp"

namespace casus::demo {

// Registers the ondermijning part of the demo data set through the services, as the cluster
// would have entered it: signals from 2023 to 2025 (some opening casussen, some linked to one,
// some dismissed, a few still open), the casussen with their enforcement histories, and the
// control days, knock-and-talk conversations and HEIT controls. The 2024 ondermijning report
// then reproduces the annual report's figures: 177 signals (122 mma, 14 meldpunt, 32 partner,
// 9 overig: 69/8/18/5 %), drugs, prostitutie and witwassen the most common themes; 20 casussen
// handled (15 started before 2024, 5 in it), 14 closed (5 ontkracht, 1 onvoldoende
// aanknopingspunten, 8 enforced of which 3 closed down) and 6 continuing; 6 control days
// checking 27 companies; 30 knock-and-talk conversations.
// Deterministic. The clock must be on or after 2025-12-31. Throws DomainError(kConflict)
// when the store already holds signals.
DemoSeedSummary SeedOndermijningDemoData(domain::CaseService& cases, domain::SignalService& signals,
                                         domain::ActivityService& activities);

}  // namespace casus::demo
