#include "domain/reports/ondermijning_report.hpp"

#include <algorithm>
#include <numeric>
#include <sstream>

#include "domain/cases/lifecycle.hpp"
#include "domain/reports/woonoverlast_report.hpp"

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

namespace {

bool InYear(Date day, int year) { return day.year() == year; }

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

OndermijningFigures BuildOndermijningFigures(int year, const std::vector<SignalFacts>& signals,
                                             const std::vector<CaseTimeline>& timelines,
                                             const std::vector<Activity>& activities) {
  OndermijningFigures figures;
  figures.year = year;
  figures.peildatum = Date::LastDayOfYear(year);

  std::vector<int> per_source(kEnumNames<SignalSource>.size(), 0);
  std::vector<int> per_theme(kEnumNames<Theme>.size(), 0);
  for (const auto& signal : signals) {
    if (!InYear(signal.received_on, year)) continue;
    ++figures.signals.total;
    ++per_source[static_cast<std::size_t>(signal.source)];
    for (const auto theme : signal.themes) ++per_theme[static_cast<std::size_t>(theme)];
  }
  const auto percents = LargestRemainderPercentages(per_source);
  for (const auto source : AllOf<SignalSource>()) {
    const auto i = static_cast<std::size_t>(source);
    figures.signals.by_source.push_back({source, {per_source[i], percents[i]}});
  }
  for (const auto theme : AllOf<Theme>()) {
    figures.signals.by_theme.push_back({theme, per_theme[static_cast<std::size_t>(theme)]});
  }

  for (const auto& timeline : timelines) {
    if (!HandledIn(timeline, year)) continue;
    auto& cases = figures.cases;
    ++cases.handled;
    ++(timeline.reported_on.year() < year ? cases.started_before_year : cases.started_in_year);
    const auto state = timeline.StateAt(figures.peildatum);
    if (state && IsClosed(*state)) {
      ++cases.closed;
      CountOutcome(timeline, figures.peildatum, cases.outcomes);
    } else {
      ++cases.continuing;
    }
  }

  for (const auto& activity : activities) {
    if (!InYear(activity.on, year)) continue;
    switch (activity.type) {
      case ActivityType::kControlDay:
        ++figures.activities.control_days;
        figures.activities.companies_checked += activity.companies_checked.value_or(0);
        break;
      case ActivityType::kKnockAndTalk:
        ++figures.activities.knock_and_talk;
        break;
      case ActivityType::kHeitControl:
        ++figures.activities.heit_controls;
        break;
    }
  }
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
  const auto cell = [&](int count) { return suppression.Show(count); };
  const auto row = [&](const std::string& section, const std::string& key, const auto& value) {
    out << prefix << section << ',' << key << ',' << value << '\n';
  };
  row("report", "year", f.year);
  row("report", "peildatum", f.peildatum.ToString());
  row("signals", "total", f.signals.total);
  for (const auto& [source, share] : f.signals.by_source) {
    const std::string section = "signals.by_source." + std::string(Name(source));
    row(section, "count", cell(share.count));
    row(section, "percent",
        suppression.Hides(share.count) ? suppression.Marker() : std::to_string(share.percent));
  }
  for (const auto& [theme, count] : f.signals.by_theme) {
    row("signals.by_theme", std::string(Name(theme)), cell(count));
  }
  row("cases", "handled", f.cases.handled);
  row("cases", "started_before_year", f.cases.started_before_year);
  row("cases", "started_in_year", f.cases.started_in_year);
  row("cases", "closed", f.cases.closed);
  row("cases", "continuing", f.cases.continuing);
  row("cases.outcomes", "ontkracht", cell(f.cases.outcomes.ontkracht));
  row("cases.outcomes", "onvoldoende_aanknopingspunten",
      cell(f.cases.outcomes.onvoldoende_aanknopingspunten));
  row("cases.outcomes", "handhaving", cell(f.cases.outcomes.handhaving));
  row("cases.outcomes", "sluiting", cell(f.cases.outcomes.sluiting));
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

std::string OndermijningReportText(const OndermijningReport& report) {
  const auto& f = report.figures;
  const auto& p = report.previous_year;
  std::ostringstream out;
  out << "Ondermijning " << f.year << " (peildatum " << f.peildatum.ToString() << ")\n\n";
  out << "Signalen: " << f.signals.total << " (" << p.year << ": " << p.signals.total << ")\n";
  for (const auto& [source, share] : f.signals.by_source) {
    out << "  " << Name(source) << ": " << share.count << " (" << share.percent << "%)\n";
  }
  out << "Thema's:";
  for (const auto& [theme, count] : f.signals.by_theme) out << ' ' << Name(theme) << '=' << count;
  out << "\n\nCasussen behandeld: " << f.cases.handled << " (" << f.cases.started_before_year
      << " gestart voor " << f.year << ", " << f.cases.started_in_year << " in " << f.year << "; "
      << p.year << ": " << p.cases.handled << ")\n";
  out << "  afgerond: " << f.cases.closed << ", lopen door: " << f.cases.continuing << "\n";
  out << "  ontkracht: " << f.cases.outcomes.ontkracht
      << ", onvoldoende aanknopingspunten: " << f.cases.outcomes.onvoldoende_aanknopingspunten
      << ", handhaving: " << f.cases.outcomes.handhaving
      << " (waarvan sluiting: " << f.cases.outcomes.sluiting << ")\n\n";
  out << "Integrale controledagen: " << f.activities.control_days << " ("
      << f.activities.companies_checked << " ondernemingen gecontroleerd)\n";
  out << "Knock and talk: " << f.activities.knock_and_talk << "\n";
  out << "HEIT-controles: " << f.activities.heit_controls << "\n";
  return out.str();
}

}  // namespace casus::domain
