#pragma once

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/cases/casus.hpp"
#include "domain/cases/transition.hpp"

namespace casus::persistence::testing {

inline domain::Date D(const char* text) { return *domain::Date::Parse(text); }

// A complete woonoverlast registration request, every optional field set.
inline domain::NewCase Woonoverlast(const std::string& district = "Meerzicht",
                                    domain::HousingType housing = domain::HousingType::kCorporatie,
                                    const char* reported_on = "2024-03-01") {
  domain::NewCase fields;
  fields.kind = domain::CaseKind::kWoonoverlast;
  fields.district = district;
  fields.housing_type = housing;
  fields.reported_on = D(reported_on);
  fields.categories = {domain::NuisanceCategory::kVervuiling, domain::NuisanceCategory::kGeluid};
  fields.summary = "Geluidsoverlast en vervuiling in portiek; buren klagen 's nachts.";
  fields.address = domain::Address{"Dorpsstraat", "12a", "2712 AB", "Zoetermeer"};
  return fields;
}

// An ondermijning registration with no optional field set.
inline domain::NewCase Ondermijning(const char* reported_on = "2024-02-01") {
  domain::NewCase fields;
  fields.kind = domain::CaseKind::kOndermijning;
  fields.reported_on = D(reported_on);
  fields.summary = "Signaal hennepkwekerij";
  return fields;
}

// An ondermijning registration on `themes`, as an assessment into a new casus submits it.
inline domain::NewCase OndermijningOn(std::vector<domain::Theme> themes,
                                      const char* reported_on = "2024-04-10") {
  domain::NewCase fields = Ondermijning(reported_on);
  fields.themes = std::move(themes);
  return fields;
}

// The first history row the service writes: no `from`, state gemeld on the reported date.
inline domain::TransitionRecord Registration(const domain::NewCase& fields) {
  domain::TransitionRecord record;
  record.to = domain::CaseState::kGemeld;
  record.on = fields.reported_on;
  record.recorded_at = fields.reported_on.ToString() + "T09:15:00Z";
  return record;
}

inline domain::TransitionRecord Move(domain::CaseState from, domain::CaseState to, const char* on,
                                     std::optional<std::string> reason = std::nullopt,
                                     std::optional<domain::CloseResult> result = std::nullopt) {
  domain::TransitionRecord record;
  record.from = from;
  record.to = to;
  record.on = D(on);
  record.reason = std::move(reason);
  record.result = result;
  record.recorded_at = std::string(on) + "T10:00:00Z";
  return record;
}

inline void CheckSameCasus(const domain::Casus& actual, const domain::Casus& expected) {
  CHECK(actual.id == expected.id);
  CHECK(actual.kind == expected.kind);
  CHECK(actual.state == expected.state);
  CHECK(actual.district == expected.district);
  CHECK(actual.housing_type == expected.housing_type);
  CHECK(actual.reported_on == expected.reported_on);
  CHECK(actual.categories == expected.categories);
  CHECK(actual.summary == expected.summary);
  CHECK(actual.address == expected.address);
  CHECK(actual.version == expected.version);
  CHECK(actual.themes == expected.themes);
  CHECK(actual.signal_ids == expected.signal_ids);
  CHECK(actual.assignee == expected.assignee);
}

inline void CheckSameRecord(const domain::TransitionRecord& actual,
                            const domain::TransitionRecord& expected) {
  CHECK(actual.sequence == expected.sequence);
  CHECK(actual.from == expected.from);
  CHECK(actual.to == expected.to);
  CHECK(actual.on == expected.on);
  CHECK(actual.reason == expected.reason);
  CHECK(actual.result == expected.result);
  CHECK(actual.recorded_at == expected.recorded_at);
  CHECK(actual.partner == expected.partner);
  CHECK(actual.measure == expected.measure);
  CHECK(actual.legal_basis == expected.legal_basis);
  CHECK(actual.until == expected.until);
}

}  // namespace casus::persistence::testing
