#pragma once

#include <cstdint>
#include <functional>

#include "domain/date.hpp"
#include "domain/domain_services.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::demo {

// What SeedSynthetic entered.
struct SyntheticSummary {
  std::int64_t cases = 0;         // casussen registered, of both kinds
  std::int64_t woonoverlast = 0;  // of which woonoverlast
  std::int64_t ondermijning = 0;  // of which ondermijning (from a signal or registered directly)
  std::int64_t transitions = 0;   // moves after the registration
  std::int64_t signals = 0;       // signals received
  std::int64_t assessed = 0;      // of which assessed (new_case, link or dismiss)
  std::int64_t activities = 0;
  std::int64_t batches = 0;  // units of work run
};

// Reports progress: `done` of `total` casussen entered so far.
using SyntheticProgress = std::function<void(std::int64_t done, std::int64_t total)>;

// The first and last reported_on of synthetic casussen; nothing is dated after the last day
// nor after today.
inline constexpr int kSyntheticFirstYear = 2019;
inline constexpr int kSyntheticLastYear = 2025;

// How many casussen one unit of work enters, with their transitions, signals and activities.
inline constexpr std::int64_t kSyntheticBatchSize = 500;

// Enters `cases` synthetic casussen through the domain's services, as the teams would have:
// about 85% woonoverlast and 15% ondermijning, in every wijk, woningtype, nuisance category and
// theme, reported from 2019 to 2025 in ascending order (never after `today`), each with a
// history that follows the lifecycle over the years (re-openings with a reason, ondermijning
// handhaving with partner and measure, sluiting with legal basis and period). Alongside come
// about 600 ondermijning signals per 1,000 casussen (most ondermijning casussen open from one;
// others are linked, dismissed or still open) and about 100 activities per 1,000 casussen.
// Texts and addresses are short synthetic strings, no real personal data.
//
// Every kSyntheticBatchSize casussen, with what belongs to them, are one `unit.Run`.
// Deterministic: the same `seed`, `cases` and store give the same data, as long as `today` is
// on or after 31-12-2025 (earlier, dates are capped at `today`). Adds to whatever the store
// holds already. `progress`, when set, is called after each tenth of the casussen (and at the
// end). Throws DomainError when a rule refuses something (a bug in the generator), and
// whatever `unit` throws; batches run before stay.
SyntheticSummary SeedSynthetic(domain::DomainServices& services, domain::UnitOfWork& unit,
                               std::int64_t cases, std::uint64_t seed, domain::Date today,
                               const SyntheticProgress& progress = {});

}  // namespace casus::demo
