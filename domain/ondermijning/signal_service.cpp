#include "domain/ondermijning/signal_service.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

namespace {

[[noreturn]] void AlreadyAssessed(SignalId id) {
  throw DomainError(ErrorCode::kConflict,
                    "signal " + std::to_string(id) + " has been assessed already");
}

}  // namespace

NewSignal SignalService::CheckedNewSignal(const NewSignal& request) {
  case_service_.RequireRecordDate(request.received_on, "received_on");
  if (request.themes.empty()) throw DomainError(ErrorCode::kInvalid, "themes needs a theme");
  RequireDistinctList(request.themes, "themes");
  RequireText(request.summary, "summary", kMaxTextBytes);
  NewSignal checked = request;
  if (checked.address) checked.address = CheckedAddress(std::move(*checked.address));
  if (request.district) {
    case_service_.RequireChoosableDistrict(*request.district, request.received_on);
  }
  if (request.reporter) {
    if (request.source == SignalSource::kMma) {
      throw DomainError(ErrorCode::kInvalid,
                        "a signal from Meld Misdaad Anoniem is anonymous: reporter details are "
                        "not accepted");
    }
    RequireText(request.reporter->name, "reporter.name", kMaxShortTextBytes);
    if (request.reporter->phone) {
      RequireText(*request.reporter->phone, "reporter.phone", kMaxShortTextBytes);
    }
    if (request.reporter->email) {
      RequireText(*request.reporter->email, "reporter.email", kMaxShortTextBytes);
    }
  }
  return checked;
}

Signal SignalService::Receive(const NewSignal& request) {
  return signals_.Create(CheckedNewSignal(request), clock_.NowUtc());
}

Signal SignalService::Get(SignalId id) {
  auto signal = signals_.Find(id);
  if (!signal) throw DomainError(ErrorCode::kNotFound, "no signal " + std::to_string(id));
  return *signal;
}

SignalPage SignalService::List(const SignalFilter& filter) {
  RequirePageSize(filter.limit);
  return signals_.List(filter);
}

SignalAssessment SignalService::CheckedAssessment(Date received_on,
                                                  const AssessmentRequest& request) {
  SignalAssessment assessment;
  assessment.decision = request.decision;
  assessment.on = request.on.value_or(clock_.Today());
  assessment.reason = request.reason;
  assessment.recorded_at = clock_.NowUtc();
  case_service_.RequireRecordDate(assessment.on, "on");
  if (assessment.on < received_on) {
    throw DomainError(ErrorCode::kDateOutOfOrder, "on " + assessment.on.ToString() +
                                                      " precedes the signal's received_on " +
                                                      received_on.ToString());
  }
  if (request.reason) RequireText(*request.reason, "reason", kMaxTextBytes);
  if (request.decision == AssessmentDecision::kDismiss) {
    if (!request.reason) throw DomainError(ErrorCode::kInvalid, "dismissing needs a reason");
    if (request.case_id || request.new_case) {
      throw DomainError(ErrorCode::kInvalid, "a dismissal names no casus");
    }
  }
  return assessment;
}

AssessmentOutcome SignalService::Assess(SignalId id, const AssessmentRequest& request) {
  const Signal signal = Get(id);
  if (signal.status != SignalStatus::kOpen) AlreadyAssessed(id);

  SignalAssessment assessment = CheckedAssessment(signal.received_on, request);

  switch (request.decision) {
    case AssessmentDecision::kDismiss:
      break;  // CheckedAssessment checked it
    case AssessmentDecision::kLink: {
      if (!request.case_id) throw DomainError(ErrorCode::kInvalid, "link needs case_id");
      if (request.new_case) throw DomainError(ErrorCode::kInvalid, "link opens no new casus");
      const auto target = cases_.Find(*request.case_id);
      if (!target || target->kind != CaseKind::kOndermijning) {
        throw DomainError(ErrorCode::kInvalid, "case_id " + std::to_string(*request.case_id) +
                                                   " names no ondermijning casus");
      }
      assessment.case_id = request.case_id;
      break;
    }
    case AssessmentDecision::kNewCase: {
      if (!request.new_case) throw DomainError(ErrorCode::kInvalid, "new_case needs the casus");
      if (request.case_id) throw DomainError(ErrorCode::kInvalid, "new_case takes no case_id");
      NewCase fields = *request.new_case;
      if (fields.kind != CaseKind::kOndermijning) {
        throw DomainError(ErrorCode::kInvalid, "a casus from a signal is an ondermijning casus");
      }
      if (fields.reported_on < signal.received_on) {
        throw DomainError(ErrorCode::kDateOutOfOrder,
                          "reported_on precedes the signal's received_on");
      }
      fields = case_service_.CheckedNewCase(std::move(fields));
      TransitionRecord registration;
      registration.to = CaseState::kGemeld;
      registration.on = fields.reported_on;
      registration.recorded_at = assessment.recorded_at;
      auto casus = signals_.AssessIntoNewCase(id, assessment, fields, registration);
      if (!casus) AlreadyAssessed(id);
      return {Get(id), casus};
    }
  }
  if (!signals_.Assess(id, assessment)) AlreadyAssessed(id);
  return {Get(id), std::nullopt};
}

}  // namespace casus::domain
