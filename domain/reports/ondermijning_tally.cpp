#include "domain/reports/ondermijning_tally.hpp"

#include "domain/cases/lifecycle.hpp"
#include "domain/reports/woonoverlast_report.hpp"

namespace casus::domain {

namespace {

bool Within(Date day, const ReportPeriod& period) { return day >= period.from && day <= period.to; }

// The outcome of a casus closed at the peildatum, read from its history up to that day. Only
// the last closure episode counts: a casus enforced, closed, re-opened and then disproven was
// disproven.
void CountOutcome(const CaseTimeline& timeline, Date peildatum, OndermijningOutcomes& outcomes) {
  bool enforced = false;
  bool closed_down = false;
  const TransitionRecord* last = nullptr;
  for (const auto& record : timeline.history) {
    if (record.on > peildatum) break;
    if (record.from && IsReopening(*record.from, record.to)) enforced = closed_down = false;
    if (record.to == CaseState::kHandhaving) enforced = true;
    if (record.to == CaseState::kSluiting) closed_down = true;
    last = &record;
  }
  if (last == nullptr) return;
  if (last->to == CaseState::kOntkracht) {
    ++outcomes.ontkracht;
  } else if (enforced) {
    ++outcomes.handhaving;
    if (closed_down) ++outcomes.sluiting;
  } else if (last->result == CloseResult::kOnvoldoendeAanknopingspunten) {
    ++outcomes.onvoldoende_aanknopingspunten;
  }
}

}  // namespace

OndermijningTally::OndermijningTally(const ReportPeriod& period)
    : period_(period),
      per_source_(kEnumNames<SignalSource>.size(), 0),
      per_theme_(kEnumNames<Theme>.size(), 0) {
  figures_.period = period;
  figures_.peildatum = period.to;
}

void OndermijningTally::Add(const SignalFacts& signal) {
  if (!Within(signal.received_on, period_)) return;
  ++figures_.signals.total;
  ++per_source_[static_cast<std::size_t>(signal.source)];
  for (const auto theme : signal.themes) ++per_theme_[static_cast<std::size_t>(theme)];
}

void OndermijningTally::Add(const CaseTimeline& timeline) {
  if (!HandledBetween(timeline, period_.from, period_.to)) return;
  auto& cases = figures_.cases;
  ++cases.handled;
  ++(timeline.reported_on < period_.from ? cases.started_before_year : cases.started_in_year);
  const auto state = timeline.StateAt(period_.to);
  if (state && IsClosed(*state)) {
    ++cases.closed;
    CountOutcome(timeline, period_.to, cases.outcomes);
  } else {
    ++cases.continuing;
  }
}

void OndermijningTally::Add(const ActivityFacts& activity) {
  if (!Within(activity.on, period_)) return;
  switch (activity.type) {
    case ActivityType::kControlDay:
      ++figures_.activities.control_days;
      figures_.activities.companies_checked += activity.companies_checked.value_or(0);
      break;
    case ActivityType::kKnockAndTalk:
      ++figures_.activities.knock_and_talk;
      break;
    case ActivityType::kHeitControl:
      ++figures_.activities.heit_controls;
      break;
  }
}

OndermijningFigures OndermijningTally::Figures() const {
  OndermijningFigures figures = figures_;
  const auto percents = LargestRemainderPercentages(per_source_);
  for (const auto source : AllOf<SignalSource>()) {
    const auto i = static_cast<std::size_t>(source);
    figures.signals.by_source.push_back({source, {per_source_[i], percents[i]}});
  }
  for (const auto theme : AllOf<Theme>()) {
    figures.signals.by_theme.push_back({theme, per_theme_[static_cast<std::size_t>(theme)]});
  }
  return figures;
}

}  // namespace casus::domain
