#pragma once

#include <optional>
#include <string>

#include "domain/cases/case_timeline.hpp"

namespace casus::testing {

// Builds a CaseTimeline by hand: Reported(...) then To(state, date) in order.
class TimelineBuilder {
 public:
  TimelineBuilder(std::string district, domain::HousingType housing, const char* reported_on) {
    timeline_.district = std::move(district);
    timeline_.housing_type = housing;
    timeline_.reported_on = *domain::Date::Parse(reported_on);
    Append(std::nullopt, domain::CaseState::kGemeld, timeline_.reported_on);
  }

  TimelineBuilder& To(domain::CaseState state, const char* on) {
    Append(timeline_.history.back().to, state, *domain::Date::Parse(on));
    return *this;
  }

  domain::CaseTimeline Build() const { return timeline_; }
  operator domain::CaseTimeline() const { return timeline_; }  // NOLINT: terse test tables

 private:
  void Append(std::optional<domain::CaseState> from, domain::CaseState to, domain::Date on) {
    domain::TransitionRecord record;
    record.sequence = static_cast<std::int64_t>(timeline_.history.size()) + 1;
    record.from = from;
    record.to = to;
    record.on = on;
    timeline_.history.push_back(record);
  }

  domain::CaseTimeline timeline_;
};

}  // namespace casus::testing
