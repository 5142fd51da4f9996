#pragma once

// The writes of a casus, shared by SociCaseRepository and SociSignalRepository (which creates
// a casus when it assesses a signal into one). Internal to persistence/.

#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>

#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"
#include "persistence/sql_values.hpp"

namespace casus::persistence {

// The districts.id of the wijk `name`, NULL when there is none. Looked up rather than inserted
// through a sub-select, where an unknown name would silently become NULL. Throws
// domain::DomainError(kInvalid) for a name that is not in the districts table.
NullableOf<std::int64_t> DistrictIdOf(soci::session& sql, const std::optional<std::string>& name);

// Inserts the casus `fields` (with its categories and themes) at version 1 and `registration`
// as its history row 1, in the transaction the caller holds open on `sql` and commits.
// Returns the stored casus; its signal_ids are empty. Throws as DistrictIdOf, and
// soci::soci_error when the schema refuses a row (the caller's transaction must then roll
// back).
domain::Casus InsertCase(soci::session& sql, const domain::NewCase& fields,
                         const domain::TransitionRecord& registration);

// Inserts `record` as history row `sequence` of casus `id`.
void InsertTransition(soci::session& sql, domain::CaseId id, std::int64_t sequence,
                      const domain::TransitionRecord& record);

}  // namespace casus::persistence
