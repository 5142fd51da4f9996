#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "persistence/database.hpp"

namespace casus::persistence {

// Rows copied per table, in the order they were copied.
using CopySummary = std::vector<std::pair<std::string, std::int64_t>>;

// Copies everything a Casus database holds from `source` to `target`, in either dialect (a
// team's trial SQLite file to the municipality's PostgreSQL, typically): wijken, casussen with
// their categories, themes and full histories, signals, activities, retention policies, API
// tokens and the audit trail, every row with its id, so that links, ETags, tokens and the
// audit chain hold as they were; the chain's head advances row by row, as it did at the source,
// and carries the source's key id (a keyed chain stays keyed with the same key; an empty one
// has no row to carry it and arrives unkeyed, to be keyed again with `casus audit rekey`).
// What the database derives itself (case_closures, the change counters) its triggers derive
// again.
//
// Both must be migrated to the same schema version; `target` must hold no casus, signal,
// activity, token or audit row (its wijken are replaced by the source's). Runs in one read
// transaction on `source` and one write transaction on `target`: on any error nothing is
// copied. Throws std::runtime_error naming what is wrong.
CopySummary CopyDatabase(Database& source, Database& target);

}  // namespace casus::persistence
