#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/address.hpp"
#include "domain/cases/case_kind.hpp"
#include "domain/cases/case_state.hpp"
#include "domain/cases/housing_type.hpp"
#include "domain/cases/nuisance_category.hpp"
#include "domain/cases/theme.hpp"
#include "domain/date.hpp"

namespace casus::domain {

using CaseId = std::int64_t;
using SignalId = std::int64_t;

// What a team submits to register a casus. Checked by CaseService::Register.
struct NewCase {
  CaseKind kind = CaseKind::kWoonoverlast;
  std::optional<std::string> district;      // wijk; required for woonoverlast
  std::optional<HousingType> housing_type;  // required for woonoverlast
  Date reported_on;
  std::vector<NuisanceCategory> categories;  // woonoverlast: at least one, no duplicates
  std::string summary;
  std::optional<Address> address;
  std::vector<Theme> themes;  // ondermijning: at least one, no duplicates
  // The key of the row it was imported from (CaseImport); unique per kind. Never from the API.
  std::optional<std::string> external_ref;
};

// A registered casus as it stands now. `version` grows by one with every change and is the
// ETag clients send back in If-Match (optimistic concurrency).
struct Casus {
  CaseId id = 0;
  CaseKind kind = CaseKind::kWoonoverlast;
  CaseState state = CaseState::kGemeld;
  std::optional<std::string> district;
  std::optional<HousingType> housing_type;
  Date reported_on;
  std::vector<NuisanceCategory> categories;
  std::string summary;
  std::optional<Address> address;
  std::int64_t version = 1;
  std::vector<Theme> themes;         // ondermijning only
  std::vector<SignalId> signal_ids;  // ondermijning: the signals linked to it, ascending
  // Who handles it: a token or person name of its team; set by a correction only.
  std::optional<std::string> assignee;
  // The effective date of its newest history row (reported_on until it first moves): a
  // transition may not precede it. Not part of the API's JSON.
  Date last_change_on;
  // The key of the spreadsheet row it was imported from, if any (NewCase::external_ref).
  std::optional<std::string> external_ref;
};

}  // namespace casus::domain
