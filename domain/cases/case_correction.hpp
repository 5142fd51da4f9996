#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/casus.hpp"

namespace casus::domain {

// What PATCH /api/v1/cases/{id} asks to change: every set member is the field's new value (an
// inner nullopt clears it). The state is not among them: it only moves by a transition.
struct CaseCorrection {
  std::optional<std::optional<std::string>> district;
  std::optional<std::optional<HousingType>> housing_type;
  std::optional<std::vector<NuisanceCategory>> categories;
  std::optional<std::string> summary;
  std::optional<std::optional<Address>> address;
  std::optional<Date> reported_on;
  std::optional<std::vector<Theme>> themes;
  std::optional<std::optional<std::string>> assignee;
  // Why: required, not blank, when a field other than the assignee changes.
  std::optional<std::string> reason;
};

// One corrected field as kept (case_changes): the value before and after as JSON text, as the
// API shows the field ("\"Centrum\"", "[\"geluid\"]", "null"). old_value and new_value are
// nullopt only once the purge removed them (summary, address); reason is nullopt for a change
// of assignee given without one, and after a purge.
struct CaseChange {
  std::string field;
  std::optional<std::string> old_value;
  std::optional<std::string> new_value;
  std::optional<std::string> reason;
  std::string who;  // the actor's token or person name
  std::string at;   // UTC instant, "YYYY-MM-DDTHH:MM:SSZ"
};

// Who may handle a casus of `kind`: the name of an existing, unrevoked, unexpired token of that
// team. Given by the caller of CaseService::Correct (the guarded service asks the TokenStore).
using AssigneeCheck = std::function<bool(const std::string& name, CaseKind kind)>;

// `corrected` compared with `current`, field by field: one CaseChange (without reason, who and
// at) per field whose value differs, in the order of CaseCorrection's members.
std::vector<CaseChange> ChangedFields(const Casus& current, const Casus& corrected);

// The JSON text of a string (quoted and escaped as RFC 8259 requires).
std::string JsonString(const std::string& text);

}  // namespace casus::domain
