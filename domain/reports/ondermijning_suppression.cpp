#include "domain/reports/ondermijning_suppression.hpp"

namespace casus::domain {

OndermijningSuppression OndermijningSuppression::Plan(const OndermijningFigures& figures,
                                                      const CellSuppression& suppression) {
  OndermijningSuppression plan;
  std::vector<int> sources;
  for (const auto& [source, share] : figures.signals.by_source) sources.push_back(share.count);
  plan.by_source = SuppressionPlan::ForList(sources, suppression);

  std::vector<int> themes;
  for (const auto& [theme, count] : figures.signals.by_theme) themes.push_back(count);
  plan.by_theme = SuppressionPlan::ForUnrelated(themes, suppression);

  const auto& outcomes = figures.cases.outcomes;
  plan.outcomes = SuppressionPlan::ForBoundedList(
      {outcomes.ontkracht, outcomes.onvoldoende_aanknopingspunten, outcomes.handhaving},
      figures.cases.closed, suppression);
  // Sluiting follows handhaving: hidden whenever handhaving is, so that a shown sluiting never
  // bounds a hidden handhaving from below; then a hidden sluiting ranges from 1 to whatever
  // handhaving may be, which is more than 1 once handhaving is protected.
  if (suppression.Hides(outcomes.sluiting) ||
      (plan.outcomes.Hides(kHandhaving) && outcomes.sluiting > 0)) {
    plan.outcomes.Hide(0, kSluiting);
  }

  for (std::size_t i = 0; i < figures.signals.by_source.size(); ++i) {
    const auto& share = figures.signals.by_source[i].second;
    const int total = figures.signals.total;
    // Half up, from this count and the published total alone.
    plan.percents.push_back(!plan.by_source.HidesAny() || total == 0
                                ? share.percent
                                : (200 * share.count + total) / (2 * total));
  }
  return plan;
}

}  // namespace casus::domain
