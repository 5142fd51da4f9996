#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "domain/cases/case_timeline.hpp"
#include "domain/cases/transition.hpp"
#include "domain/ondermijning/signal.hpp"

namespace casus::domain {

struct SignalFilter {
  std::optional<SignalSource> source;
  std::optional<Theme> theme;
  std::optional<SignalStatus> status;
  std::optional<SignalId> after;  // keyset cursor
  int limit = 50;
};

struct SignalPage {
  std::vector<Signal> items;  // ascending id
  std::optional<SignalId> next;
};

// Port: durable storage of ondermijning signals. Implemented in persistence/ on the same
// database as the CaseRepository, so that assessing a signal into a new casus is one
// transaction. Thread-safety and durability: as CaseRepository.
class SignalRepository {
 public:
  virtual ~SignalRepository() = default;

  // Stores a new open signal at version 1.
  virtual Signal Create(const NewSignal& fields, const std::string& recorded_at) = 0;

  virtual std::optional<Signal> Find(SignalId id) = 0;

  // The external_ref of every signal that has one (what an import already brought in).
  virtual std::vector<std::string> ExternalRefs() = 0;

  virtual SignalPage List(const SignalFilter& filter) = 0;

  // Records the assessment (kLink or kDismiss) when the signal is still open; false, changing
  // nothing, when it was assessed already.
  virtual bool Assess(SignalId id, const SignalAssessment& assessment) = 0;

  // In one transaction: creates the ondermijning casus `fields` (as CaseRepository::Create)
  // and records `assessment` with the new case's id on the still-open signal. nullopt,
  // changing nothing, when the signal was assessed already.
  virtual std::optional<Casus> AssessIntoNewCase(SignalId id, const SignalAssessment& assessment,
                                                 const NewCase& fields,
                                                 const TransitionRecord& registration) = 0;

  // Every signal received from `from` up to and including `to`, ascending by id.
  virtual std::vector<SignalFacts> ReceivedBetween(Date from, Date to) = 0;

  // The same signals handed to `visit` one at a time (their themes in any order), so that a
  // report holds none of them all. `visit` must not call back into the repository. This
  // default visits ReceivedBetween; storage streams them.
  virtual void VisitReceivedBetween(Date from, Date to,
                                    const std::function<void(const SignalFacts&)>& visit) {
    for (const SignalFacts& signal : ReceivedBetween(from, to)) visit(signal);
  }
};

}  // namespace casus::domain
