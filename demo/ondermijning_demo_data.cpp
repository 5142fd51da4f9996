#include "demo/ondermijning_demo_data.hpp"

#include <array>
#include <string>
#include <vector>

#include "domain/error.hpp"

namespace casus::demo {

// The demo data is a client of the domain, written in its words.
using namespace casus::domain;

namespace {

// Spreads `count` items evenly over [from, to]: item i of count.
Date Spread(Date from, Date to, int i, int count) {
  const auto span = static_cast<int>((to.days() - from.days()).count());
  return from.AddDays(count <= 1 ? 0 : span * i / (count - 1));
}

// The themes of the n-th signal: a fixed pattern in which drugs, prostitutie and witwassen are
// the most common, as in 2023 and 2024.
std::vector<Theme> ThemesFor(int n) {
  static const std::array<Theme, 20> kPattern = {Theme::kDrugs,
                                                 Theme::kProstitutie,
                                                 Theme::kDrugs,
                                                 Theme::kWitwassen,
                                                 Theme::kDrugs,
                                                 Theme::kArbeidsuitbuiting,
                                                 Theme::kProstitutie,
                                                 Theme::kDrugs,
                                                 Theme::kWitwassen,
                                                 Theme::kDrugs,
                                                 Theme::kIllegaleBewoning,
                                                 Theme::kProstitutie,
                                                 Theme::kDrugs,
                                                 Theme::kWitwassen,
                                                 Theme::kDrugs,
                                                 Theme::kOverig,
                                                 Theme::kProstitutie,
                                                 Theme::kDrugs,
                                                 Theme::kArbeidsuitbuiting,
                                                 Theme::kDrugs};
  std::vector<Theme> themes = {kPattern[static_cast<std::size_t>(n) % kPattern.size()]};
  if (n % 7 == 3 && themes.front() == Theme::kProstitutie) {
    themes.push_back(Theme::kArbeidsuitbuiting);
  }
  return themes;
}

const char* SummaryFor(Theme theme) {
  switch (theme) {
    case Theme::kDrugs:
      return "Vermoeden van drugshandel vanuit een bedrijfspand; veel kort bezoek.";
    case Theme::kProstitutie:
      return "Vermoeden van onvergunde bedrijfsmatige prostitutie in een woning.";
    case Theme::kWitwassen:
      return "Onderneming zonder zichtbare klanten met veel contante omzet.";
    case Theme::kArbeidsuitbuiting:
      return "Arbeidsmigranten werken lange dagen en wonen in het bedrijfspand.";
    case Theme::kIllegaleBewoning:
      return "Mensen overnachten in een bedrijfspand op een bedrijventerrein.";
    case Theme::kOverig:
      break;
  }
  return "Signaal van mogelijke ondermijning.";
}

// Signals of one year, per source count, received through the year.
struct SignalYear {
  int year;
  int mma, meldpunt, partner, overig;
};

std::vector<NewSignal> SignalsOf(const SignalYear& y, int& theme_counter) {
  std::vector<std::pair<SignalSource, int>> sources = {{SignalSource::kMma, y.mma},
                                                       {SignalSource::kMeldpunt, y.meldpunt},
                                                       {SignalSource::kPartner, y.partner},
                                                       {SignalSource::kOverig, y.overig}};
  // Interleave the sources over the year instead of all mma first.
  std::vector<SignalSource> order;
  const int total = y.mma + y.meldpunt + y.partner + y.overig;
  std::vector<int> given(sources.size(), 0);
  for (int i = 0; i < total; ++i) {
    std::size_t best = 0;
    double best_lag = -1;
    for (std::size_t s = 0; s < sources.size(); ++s) {
      const double lag = (i + 1.0) * sources[s].second / total - given[s];
      if (given[s] < sources[s].second && lag > best_lag) best = s, best_lag = lag;
    }
    ++given[best];
    order.push_back(sources[best].first);
  }
  std::vector<NewSignal> signals;
  const Date last = y.year == 2025 ? Date(2025, 11, 28) : Date::LastDayOfYear(y.year);
  for (int i = 0; i < total; ++i) {
    NewSignal signal;
    signal.received_on = Spread(Date(y.year, 1, 3), last, i, total);
    signal.source = order[static_cast<std::size_t>(i)];
    signal.themes = ThemesFor(theme_counter++);
    signal.summary = SummaryFor(signal.themes.front());
    if (signal.source == SignalSource::kPartner) {
      signal.reporter = Reporter{"Wijkagent team Zoetermeer", std::nullopt, std::nullopt};
    } else if (signal.source == SignalSource::kMeldpunt && i % 2 == 0) {
      signal.reporter =
          Reporter{"Melder (gegevens bekend bij meldpunt)", "079-0000000", std::nullopt};
    }
    signals.push_back(signal);
  }
  return signals;
}

// How an ondermijning casus runs: opened from a signal, then these outcomes.
enum class Course { kOntkracht, kOnvoldoende, kEnforced, kClosedDown, kContinuing };

struct CasePlan {
  Date opened;  // also the date of the signal's assessment
  Course course;
  Date closed;  // when the course ends in a closure
};

const std::vector<std::string> kPartners = {"Politie", "RIEC Den Haag",
                                            "Nederlandse Arbeidsinspectie", "Belastingdienst"};

// Moves the casus along its planned course; returns how many transitions that took.
int RunCourse(CaseService& cases, const Casus& casus, const CasePlan& plan, int n) {
  int moves = 0;
  const auto move = [&](TransitionRequest request) {
    cases.Transition(casus.id, request, std::nullopt);
    ++moves;
  };
  const Date start = plan.opened.AddDays(7);
  if (plan.course == Course::kOntkracht) {
    move({CaseState::kLopend, start, "Onderzoek gestart met ketenpartners.", {}});
    move({CaseState::kOntkracht, plan.closed, "Na onderzoek geen sprake van ondermijning.", {}});
    return moves;
  }
  move({CaseState::kLopend, start, "Onderzoek gestart met ketenpartners.", {}});
  if (plan.course == Course::kOnvoldoende) {
    move({CaseState::kAfgerond, plan.closed, "Onvoldoende aanknopingspunten voor onderzoek.",
          CloseResult::kOnvoldoendeAanknopingspunten});
    return moves;
  }
  if (plan.course == Course::kContinuing && n % 2 == 0) return moves;  // still investigating
  TransitionRequest enforce{CaseState::kHandhaving,
                            start.AddDays(40),
                            "Overtredingen vastgesteld bij integrale controle.",
                            {}};
  enforce.partner = kPartners[static_cast<std::size_t>(n) % kPartners.size()];
  enforce.measure = plan.course == Course::kClosedDown ? EnforcementMeasure::kSluiting
                    : n % 3 == 0                       ? EnforcementMeasure::kLastOnderDwangsom
                                 : EnforcementMeasure::kBestuurlijkeWaarschuwing;
  move(enforce);
  if (plan.course == Course::kContinuing) return moves;
  if (plan.course == Course::kClosedDown) {
    TransitionRequest close_down{
        CaseState::kSluiting, start.AddDays(60), "Pand tijdelijk gesloten.", {}};
    close_down.legal_basis =
        n % 2 == 0 ? LegalBasis::kArt13bOpiumwet : LegalBasis::kArt174aGemeentewet;
    close_down.until = start.AddDays(60 + 90);
    move(close_down);
  }
  move({CaseState::kAfgerond, plan.closed, "Handhaving afgerond door de ketenpartners.",
        CloseResult::kOpgelost});
  return moves;
}

}  // namespace

DemoSeedSummary SeedOndermijningDemoData(CaseService& cases, SignalService& signals,
                                         ActivityService& activities) {
  SignalFilter any;
  any.limit = 1;
  if (!signals.List(any).items.empty()) {
    throw DomainError(ErrorCode::kConflict,
                      "the database already holds signals; the demo data set fills an empty one");
  }
  DemoSeedSummary summary;

  // Casussen: 15 opened before 2024 and still open on 1-1-2024, 5 opened in 2024; in 2024 14
  // of them close (5 ontkracht, 1 onvoldoende, 5 enforced, 3 enforced and closed down) and 6
  // continue. Six more belong to 2023 only, two to 2025 only.
  std::vector<CasePlan> plans;
  const std::vector<Course> before = {
      Course::kOntkracht,   Course::kOntkracht,  Course::kOntkracht,  Course::kOntkracht,
      Course::kOnvoldoende, Course::kEnforced,   Course::kEnforced,   Course::kEnforced,
      Course::kEnforced,    Course::kClosedDown, Course::kClosedDown, Course::kClosedDown,
      Course::kContinuing,  Course::kContinuing, Course::kContinuing};
  for (int i = 0; i < 15; ++i) {
    const Date opened = Spread(Date(2022, 9, 1), Date(2023, 10, 31), i, 15);
    plans.push_back({opened, before[static_cast<std::size_t>(i)],
                     Spread(Date(2024, 2, 1), Date(2024, 12, 15), i, 15)});
  }
  const std::vector<Course> in_year = {Course::kOntkracht, Course::kEnforced, Course::kContinuing,
                                       Course::kContinuing, Course::kContinuing};
  for (int i = 0; i < 5; ++i) {
    plans.push_back({Spread(Date(2024, 2, 15), Date(2024, 8, 30), i, 5),
                     in_year[static_cast<std::size_t>(i)], Date(2024, 12, 20)});
  }
  const std::vector<Course> only_2023 = {Course::kOntkracht,   Course::kOntkracht,
                                         Course::kOnvoldoende, Course::kEnforced,
                                         Course::kEnforced,    Course::kClosedDown};
  for (int i = 0; i < 6; ++i) {
    plans.push_back({Spread(Date(2023, 1, 20), Date(2023, 5, 31), i, 6),
                     only_2023[static_cast<std::size_t>(i)],
                     Spread(Date(2023, 9, 1), Date(2023, 12, 20), i, 6)});
  }
  plans.push_back({Date(2025, 3, 3), Course::kContinuing, Date(2025, 12, 1)});
  plans.push_back({Date(2025, 5, 12), Course::kOntkracht, Date(2025, 9, 1)});

  // Signals per year; each casus is opened from the first open signal before its date.
  int theme_counter = 0;
  std::vector<NewSignal> incoming;
  for (const SignalYear& year :
       {SignalYear{2022, 20, 4, 8, 2}, SignalYear{2023, 98, 15, 29, 9},
        SignalYear{2024, 122, 14, 32, 9}, SignalYear{2025, 101, 12, 27, 6}}) {
    for (auto& signal : SignalsOf(year, theme_counter)) incoming.push_back(std::move(signal));
  }
  std::vector<Signal> received;
  for (const auto& signal : incoming) received.push_back(signals.Receive(signal));
  summary.signals = static_cast<int>(received.size());

  std::vector<bool> used(received.size(), false);
  const auto take_signal = [&](Date before_or_on) -> Signal& {
    for (std::size_t i = received.size(); i-- > 0;) {
      if (!used[i] && received[i].received_on <= before_or_on) {
        used[i] = true;
        return received[i];
      }
    }
    throw DomainError(ErrorCode::kConflict, "demo data: no signal before a casus");
  };

  std::vector<Casus> opened;
  int n = 0;
  for (const auto& plan : plans) {
    Signal& origin = take_signal(plan.opened);
    AssessmentRequest request;
    request.decision = AssessmentDecision::kNewCase;
    request.on = plan.opened;
    NewCase fields;
    fields.kind = CaseKind::kOndermijning;
    fields.reported_on = plan.opened;
    fields.themes = origin.themes;
    fields.summary = origin.summary;
    if (n % 3 != 2) fields.district = cases.Districts().at(static_cast<std::size_t>(n) % 8);
    request.new_case = fields;
    const auto outcome = signals.Assess(origin.id, request);
    opened.push_back(*outcome.new_case);
    ++summary.cases;
    summary.transitions += RunCourse(cases, *outcome.new_case, plan, n++);
  }

  // The other signals: some feed an existing casus, most are dismissed after a first look,
  // and the last few of 2025 are still open.
  for (std::size_t i = 0; i < received.size(); ++i) {
    if (used[i]) continue;
    const Signal& signal = received[i];
    if (signal.received_on > Date(2025, 11, 1)) continue;  // not yet assessed
    AssessmentRequest request;
    request.on = signal.received_on.AddDays(10);
    if (i % 9 == 4) {
      // Link to the latest casus opened before this signal that was still open then.
      for (auto it = opened.rbegin(); it != opened.rend(); ++it) {
        if (it->reported_on <= signal.received_on) {
          request.decision = AssessmentDecision::kLink;
          request.case_id = it->id;
          break;
        }
      }
    }
    if (!request.case_id) {
      request.decision = AssessmentDecision::kDismiss;
      request.reason = "Na eerste analyse onvoldoende concreet voor een casus.";
    }
    signals.Assess(signal.id, request);
  }

  // Activities: control days (2024: 6 days, 27 companies), knock-and-talk, HEIT controls.
  const auto record = [&](Activity activity) {
    activities.Record(activity);
    ++summary.activities;
  };
  const std::vector<std::string> control_partners = {"Politie", "Nederlandse Arbeidsinspectie",
                                                     "Douane", "Stedin",
                                                     "Nederlandse Voedsel- en Warenautoriteit"};
  const std::vector<std::pair<int, std::vector<int>>> control_days = {
      {2023, {4, 5, 3, 6, 4}}, {2024, {5, 4, 6, 3, 5, 4}}, {2025, {5, 5, 4}}};
  for (const auto& [year, companies] : control_days) {
    for (std::size_t i = 0; i < companies.size(); ++i) {
      Activity day;
      day.type = ActivityType::kControlDay;
      day.on = Spread(Date(year, 2, 14), Date(year, 11, 20), static_cast<int>(i),
                      static_cast<int>(companies.size()));
      day.companies_checked = companies[i];
      day.partners = control_partners;
      day.findings = i % 2 == 0 ? "Illegale bewoning in bedrijfspanden; gestolen voertuigen."
                                : "Mogelijke arbeidsuitbuiting; milieuovertredingen.";
      if (year == 2024 && i < 2) day.case_ids = {opened[5 + i].id};
      record(day);
    }
  }
  const std::vector<std::string> parks = {"Bedrijventerrein Hoefweg", "Lansinghage",
                                          "Bedrijventerrein Oosterheem", "Zoetermeer Noord"};
  for (const auto& [year, count] :
       std::vector<std::pair<int, int>>{{2023, 24}, {2024, 30}, {2025, 18}}) {
    for (int i = 0; i < count; ++i) {
      Activity talk;
      talk.type = ActivityType::kKnockAndTalk;
      talk.on = Spread(Date(year, 1, 15), Date(year, year == 2025 ? 10 : 12, 10), i, count);
      talk.partners = {"Politie", "Handhaving"};
      talk.business_park = parks[static_cast<std::size_t>(i) % parks.size()];
      record(talk);
    }
  }
  for (const auto& [year, count] : std::vector<std::pair<int, int>>{{2023, 4}, {2024, 7}}) {
    for (int i = 0; i < count; ++i) {
      Activity heit;
      heit.type = ActivityType::kHeitControl;
      heit.on = Spread(Date(year, 3, 5), Date(year, 11, 25), i, count);
      heit.heit_type = i % 3 == 0 ? "autobedrijven" : "prostitutie";
      heit.findings = i % 3 == 0 ? "Milieuovertredingen en gebrekkige administratie."
                                 : "Bedrijfsmatige onvergunde prostitutie in een woning.";
      heit.partners = {"Politie", "Handhaving", "Belastingdienst"};
      record(heit);
    }
  }
  return summary;
}

}  // namespace casus::demo
