#pragma once

#include <optional>

#include "domain/cases/case_service.hpp"
#include "domain/ondermijning/signal_repository.hpp"

namespace casus::domain {

// What the cluster submits to assess a signal. kLink names `case_id`; kNewCase carries the
// casus to open (`new_case`, kind ondermijning); kDismiss gives a `reason`.
struct AssessmentRequest {
  AssessmentDecision decision = AssessmentDecision::kDismiss;
  std::optional<Date> on;  // the decision's date; today when absent
  std::optional<CaseId> case_id;
  std::optional<std::string> reason;
  std::optional<NewCase> new_case;
};

struct AssessmentOutcome {
  Signal signal;                  // as stored after the assessment
  std::optional<Casus> new_case;  // for kNewCase: the casus opened from the signal
};

// The use cases on ondermijning signals. Errors: DomainError. Thread-safety: as the ports;
// keeps no state. Does not own its collaborators.
class SignalService {
 public:
  SignalService(SignalRepository& signals, CaseRepository& cases, CaseService& case_service,
                const Clock& clock)
      : signals_(signals), cases_(cases), case_service_(case_service), clock_(clock) {}

  // Refuses reporter details on a signal from Meld Misdaad Anoniem (kInvalid): those reports
  // are anonymous by law.
  Signal Receive(const NewSignal& request);
  // `request` as Receive would store it (its address in normal form); throws DomainError when
  // it could not be received. Reads only the wijken (an import checks its rows with it).
  NewSignal CheckedNewSignal(const NewSignal& request);
  // The assessment `request` records for a signal received on `received_on`: its date (today
  // when absent) not before it, the reason's text, a dismissal's reason; throws DomainError
  // when Assess would refuse it for that. The rest (linking, a new casus) Assess checks.
  SignalAssessment CheckedAssessment(Date received_on, const AssessmentRequest& request);
  Signal Get(SignalId id);
  SignalPage List(const SignalFilter& filter);

  // A signal is assessed once: a second assessment is kConflict. A link must name an existing
  // ondermijning casus (kInvalid otherwise).
  AssessmentOutcome Assess(SignalId id, const AssessmentRequest& request);

 private:
  SignalRepository& signals_;
  CaseRepository& cases_;
  CaseService& case_service_;
  const Clock& clock_;
};

}  // namespace casus::domain
