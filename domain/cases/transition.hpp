#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "domain/cases/case_state.hpp"
#include "domain/cases/close_result.hpp"
#include "domain/cases/enforcement_measure.hpp"
#include "domain/cases/legal_basis.hpp"
#include "domain/date.hpp"

namespace casus::domain {

// A request to move a casus to another state, effective on `on`.
struct TransitionRequest {
  CaseState to = CaseState::kLopend;
  Date on;
  std::optional<std::string> reason;  // required when re-opening a closed casus
  std::optional<CloseResult> result;  // only when closing (afgerond / ontkracht)
  // Only into handhaving: which partner enforced, with which measure (required for ondermijning).
  std::optional<std::string> partner;
  std::optional<EnforcementMeasure> measure;
  // Only into sluiting: the legal basis and the last day of the closure period (required for
  // ondermijning); the period starts on `on`.
  std::optional<LegalBasis> legal_basis;
  std::optional<Date> until;
};

// One row of a casus's history. The first row of every casus has no `from`: it records the
// registration in state gemeld, effective on the reported date.
struct TransitionRecord {
  std::int64_t sequence = 0;  // position in the casus's history, 1-based
  std::optional<CaseState> from;
  CaseState to = CaseState::kGemeld;
  Date on;
  std::optional<std::string> reason;
  std::optional<CloseResult> result;
  std::string recorded_at;  // UTC instant the row was written, "YYYY-MM-DDTHH:MM:SSZ"
  std::optional<std::string> partner;
  std::optional<EnforcementMeasure> measure;
  std::optional<LegalBasis> legal_basis;
  std::optional<Date> until;
};

}  // namespace casus::domain
