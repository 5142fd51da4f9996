#include "domain/reports/ondermijning_report.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "domain/reports/ondermijning_suppression.hpp"
#include "domain/reports/ondermijning_tally.hpp"

namespace casus::domain {

std::vector<int> LargestRemainderPercentages(const std::vector<int>& counts) {
  const long total = std::accumulate(counts.begin(), counts.end(), 0L);
  std::vector<int> percents(counts.size(), 0);
  if (total == 0) return percents;
  std::vector<long> remainders(counts.size());
  long assigned = 0;
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const long scaled = 100L * counts[i];
    percents[i] = static_cast<int>(scaled / total);
    remainders[i] = scaled % total;
    assigned += percents[i];
  }
  std::vector<std::size_t> order(counts.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return remainders[a] > remainders[b]; });
  for (std::size_t k = 0; assigned < 100; ++k, ++assigned) ++percents[order[k]];
  return percents;
}

OndermijningFigures BuildOndermijningFigures(const ReportPeriod& period,
                                             const std::vector<SignalFacts>& signals,
                                             const std::vector<CaseTimeline>& timelines,
                                             const std::vector<Activity>& activities) {
  OndermijningTally tally(period);
  for (const auto& signal : signals) tally.Add(signal);
  for (const auto& timeline : timelines) tally.Add(timeline);
  for (const auto& activity : activities) tally.Add(activity);
  return tally.Figures();
}

OndermijningFigures BuildOndermijningFigures(int year, const std::vector<SignalFacts>& signals,
                                             const std::vector<CaseTimeline>& timelines,
                                             const std::vector<Activity>& activities) {
  OndermijningFigures figures =
      BuildOndermijningFigures(ReportPeriod::Year(year), signals, timelines, activities);
  figures.year = year;
  return figures;
}

OndermijningReport BuildOndermijningReport(int year, const std::vector<SignalFacts>& signals,
                                           const std::vector<CaseTimeline>& timelines,
                                           const std::vector<Activity>& activities) {
  return {BuildOndermijningFigures(year, signals, timelines, activities),
          BuildOndermijningFigures(year - 1, signals, timelines, activities)};
}

namespace {

void AppendFiguresCsv(std::ostringstream& out, const std::string& prefix,
                      const OndermijningFigures& f, const CellSuppression& suppression) {
  const auto plan = OndermijningSuppression::Plan(f, suppression);
  const auto row = [&](const std::string& section, const std::string& key, const auto& value) {
    out << prefix << section << ',' << key << ',' << value << '\n';
  };
  const bool year = f.year != 0;
  if (year) {
    row("report", "year", f.year);
  } else {
    row("report", "from", f.period.from.ToString());
    row("report", "to", f.period.to.ToString());
  }
  row("report", "peildatum", f.peildatum.ToString());
  row("signals", "total", f.signals.total);
  for (std::size_t i = 0; i < f.signals.by_source.size(); ++i) {
    const auto& [source, share] = f.signals.by_source[i];
    const std::string section = "signals.by_source." + std::string(Name(source));
    row(section, "count", plan.by_source.Show(i, share.count));
    // A hidden count's share would give the count away.
    row(section, "percent", plan.by_source.Show(i, plan.percents[i]));
  }
  for (std::size_t i = 0; i < f.signals.by_theme.size(); ++i) {
    const auto& [theme, count] = f.signals.by_theme[i];
    row("signals.by_theme", std::string(Name(theme)), plan.by_theme.Show(i, count));
  }
  row("cases", "handled", f.cases.handled);
  row("cases", year ? "started_before_year" : "started_before_period", f.cases.started_before_year);
  row("cases", year ? "started_in_year" : "started_in_period", f.cases.started_in_year);
  row("cases", "closed", f.cases.closed);
  row("cases", "continuing", f.cases.continuing);
  const auto& outcomes = f.cases.outcomes;
  const auto outcome = [&](const char* key, OndermijningSuppression::Outcome which, int count) {
    row("cases.outcomes", key, plan.outcomes.Show(which, count));
  };
  outcome("ontkracht", OndermijningSuppression::kOntkracht, outcomes.ontkracht);
  outcome("onvoldoende_aanknopingspunten", OndermijningSuppression::kOnvoldoende,
          outcomes.onvoldoende_aanknopingspunten);
  outcome("handhaving", OndermijningSuppression::kHandhaving, outcomes.handhaving);
  outcome("sluiting", OndermijningSuppression::kSluiting, outcomes.sluiting);
  row("activities", "control_days", f.activities.control_days);
  row("activities", "companies_checked", f.activities.companies_checked);
  row("activities", "knock_and_talk", f.activities.knock_and_talk);
  row("activities", "heit_controls", f.activities.heit_controls);
}

}  // namespace

std::string OndermijningReportCsv(const OndermijningReport& report,
                                  const CellSuppression& suppression) {
  std::ostringstream out;
  out << "section,key,value\n";
  AppendFiguresCsv(out, "", report.figures, suppression);
  AppendFiguresCsv(out, "previous_year.", report.previous_year, suppression);
  return out.str();
}

std::string OndermijningFiguresCsv(const OndermijningFigures& figures,
                                   const CellSuppression& suppression) {
  std::ostringstream out;
  out << "section,key,value\n";
  AppendFiguresCsv(out, "", figures, suppression);
  return out.str();
}

namespace {

void AppendSourcesAndThemes(std::ostringstream& out, const OndermijningFigures& f) {
  for (const auto& [source, share] : f.signals.by_source) {
    out << "  " << Name(source) << ": " << share.count << " (" << share.percent << "%)\n";
  }
  out << "Thema's:";
  for (const auto& [theme, count] : f.signals.by_theme) out << ' ' << Name(theme) << '=' << count;
}

void AppendOutcomesAndActivities(std::ostringstream& out, const OndermijningFigures& f) {
  out << "  afgerond: " << f.cases.closed << ", lopen door: " << f.cases.continuing << "\n";
  out << "  ontkracht: " << f.cases.outcomes.ontkracht
      << ", onvoldoende aanknopingspunten: " << f.cases.outcomes.onvoldoende_aanknopingspunten
      << ", handhaving: " << f.cases.outcomes.handhaving
      << " (waarvan sluiting: " << f.cases.outcomes.sluiting << ")\n\n";
  out << "Integrale controledagen: " << f.activities.control_days << " ("
      << f.activities.companies_checked << " ondernemingen gecontroleerd)\n";
  out << "Knock and talk: " << f.activities.knock_and_talk << "\n";
  out << "HEIT-controles: " << f.activities.heit_controls << "\n";
}

}  // namespace

std::string OndermijningReportText(const OndermijningReport& report) {
  const auto& f = report.figures;
  const auto& p = report.previous_year;
  std::ostringstream out;
  out << "Ondermijning " << f.year << " (peildatum " << f.peildatum.ToString() << ")\n\n";
  out << "Signalen: " << f.signals.total << " (" << p.year << ": " << p.signals.total << ")\n";
  AppendSourcesAndThemes(out, f);
  out << "\n\nCasussen behandeld: " << f.cases.handled << " (" << f.cases.started_before_year
      << " gestart voor " << f.year << ", " << f.cases.started_in_year << " in " << f.year << "; "
      << p.year << ": " << p.cases.handled << ")\n";
  AppendOutcomesAndActivities(out, f);
  return out.str();
}

std::string OndermijningPeriodText(const OndermijningFigures& f) {
  const std::string from = f.period.from.ToString();
  std::ostringstream out;
  out << "Ondermijning " << from << " t/m " << f.period.to.ToString() << " (peildatum "
      << f.peildatum.ToString() << ")\n\n";
  out << "Signalen: " << f.signals.total << "\n";
  AppendSourcesAndThemes(out, f);
  out << "\n\nCasussen behandeld: " << f.cases.handled << " (" << f.cases.started_before_year
      << " gestart voor " << from << ", " << f.cases.started_in_year << " in de periode)\n";
  AppendOutcomesAndActivities(out, f);
  return out.str();
}

}  // namespace casus::domain
