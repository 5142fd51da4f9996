#pragma once

#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "domain/ondermijning/signal.hpp"
#include "tests/persistence/case_fixtures.hpp"

namespace casus::persistence::testing {

// A signal with every optional field set; an mma signal carries no reporter.
inline domain::NewSignal NewSignalFrom(domain::SignalSource source,
                                       std::vector<domain::Theme> themes = {domain::Theme::kDrugs},
                                       const char* received_on = "2024-04-02") {
  domain::NewSignal fields;
  fields.received_on = D(received_on);
  fields.source = source;
  fields.themes = std::move(themes);
  fields.summary = "Verdachte geur en afgeplakte ramen op de bovenverdieping.";
  fields.district = "Centrum";
  fields.address = domain::Address{"Markt", "3", "2711 CA", "Zoetermeer"};
  if (source != domain::SignalSource::kMma) {
    fields.reporter = domain::Reporter{"J. de Vries", "079-1234567", "jdevries@example.nl"};
  }
  return fields;
}

inline constexpr const char* kReceivedAt = "2024-04-02T08:30:00Z";

inline domain::SignalAssessment Dismissal(const char* on = "2024-04-10") {
  domain::SignalAssessment assessment;
  assessment.decision = domain::AssessmentDecision::kDismiss;
  assessment.on = D(on);
  assessment.reason = "Geen aanknopingspunten na buurtonderzoek";
  assessment.recorded_at = std::string(on) + "T14:00:00Z";
  return assessment;
}

inline domain::SignalAssessment LinkTo(domain::CaseId case_id, const char* on = "2024-04-10") {
  domain::SignalAssessment assessment;
  assessment.decision = domain::AssessmentDecision::kLink;
  assessment.on = D(on);
  assessment.case_id = case_id;
  assessment.recorded_at = std::string(on) + "T14:00:00Z";
  return assessment;
}

inline domain::SignalAssessment IntoNewCase(const char* on = "2024-04-10") {
  domain::SignalAssessment assessment;
  assessment.decision = domain::AssessmentDecision::kNewCase;
  assessment.on = D(on);
  assessment.reason = "Tweede signaal op dit adres";
  assessment.recorded_at = std::string(on) + "T14:00:00Z";
  return assessment;
}

inline void CheckSameAssessment(const domain::SignalAssessment& actual,
                                const domain::SignalAssessment& expected) {
  CHECK(actual.decision == expected.decision);
  CHECK(actual.on == expected.on);
  CHECK(actual.case_id == expected.case_id);
  CHECK(actual.reason == expected.reason);
  CHECK(actual.recorded_at == expected.recorded_at);
}

inline void CheckSameSignal(const domain::Signal& actual, const domain::Signal& expected) {
  CHECK(actual.id == expected.id);
  CHECK(actual.received_on == expected.received_on);
  CHECK(actual.source == expected.source);
  CHECK(actual.themes == expected.themes);
  CHECK(actual.summary == expected.summary);
  CHECK(actual.district == expected.district);
  CHECK(actual.address == expected.address);
  CHECK(actual.reporter == expected.reporter);
  CHECK(actual.status == expected.status);
  CHECK(actual.assessment.has_value() == expected.assessment.has_value());
  if (actual.assessment && expected.assessment) {
    CheckSameAssessment(*actual.assessment, *expected.assessment);
  }
  CHECK(actual.version == expected.version);
}

}  // namespace casus::persistence::testing
