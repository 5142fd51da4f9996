#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/address.hpp"
#include "domain/cases/casus.hpp"
#include "domain/cases/theme.hpp"
#include "domain/date.hpp"
#include "domain/ondermijning/assessment_decision.hpp"
#include "domain/ondermijning/signal_source.hpp"
#include "domain/ondermijning/signal_status.hpp"

namespace casus::domain {

// Who reported a signal, when they gave their details. Personal data; never stored for a
// signal from Meld Misdaad Anoniem (the database refuses it too).
struct Reporter {
  std::string name;
  std::optional<std::string> phone;
  std::optional<std::string> email;

  friend bool operator==(const Reporter&, const Reporter&) = default;
};

// What arrives at the ondermijning cluster. Checked by SignalService::Receive.
struct NewSignal {
  Date received_on;
  SignalSource source = SignalSource::kOverig;
  std::vector<Theme> themes;  // at least one, no duplicates
  std::string summary;
  std::optional<std::string> district;
  std::optional<Address> address;
  std::optional<Reporter> reporter;
  // The key of the row it was imported from (SignalImport); unique. Never from the API.
  std::optional<std::string> external_ref;
};

// The decision on a signal. For kLink and kNewCase `case_id` names the casus it feeds; for
// kDismiss `reason` says why.
struct SignalAssessment {
  AssessmentDecision decision = AssessmentDecision::kDismiss;
  Date on;
  std::optional<CaseId> case_id;
  std::optional<std::string> reason;
  std::string recorded_at;
};

struct Signal {
  SignalId id = 0;
  Date received_on;
  SignalSource source = SignalSource::kOverig;
  std::vector<Theme> themes;
  std::string summary;
  std::optional<std::string> district;
  std::optional<Address> address;
  std::optional<Reporter> reporter;
  SignalStatus status = SignalStatus::kOpen;
  std::optional<SignalAssessment> assessment;  // set once status is not open
  std::int64_t version = 1;
};

// What the year report needs of a signal: no personal data.
struct SignalFacts {
  SignalId id = 0;
  Date received_on;
  SignalSource source = SignalSource::kOverig;
  std::vector<Theme> themes;
};

}  // namespace casus::domain
