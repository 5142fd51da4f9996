#include "demo/synthetic_data.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"
#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_activity_repository.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_signal_repository.hpp"

using namespace casus::domain;  // NOLINT: test file
using namespace casus::demo;    // NOLINT: test file

namespace {

// A UnitOfWork that runs the work as it is and counts the units.
class CountingUnitOfWork final : public UnitOfWork {
 public:
  void Run(const std::function<void()>& work) override {
    ++runs;
    work();
  }
  int runs = 0;
};

// The domain's services on in-memory ports, with Zoetermeer's wijken and a fixed clock.
struct Store {
  explicit Store(Date today = Date(2026, 11, 29)) : clock(today) {}

  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signals{cases};
  casus::testing::InMemoryActivityRepository activities;
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryTokenStore token_store;
  casus::testing::CountingTokenCrypto crypto;
  casus::testing::InMemoryAuditTrail audit_trail;
  casus::testing::RecordingPersonalDataStore personal_data;
  FixedClock clock;
  DomainServices services{{cases, districts, signals, activities, token_store, crypto, audit_trail,
                           personal_data, clock}};
  CountingUnitOfWork unit;

  SyntheticSummary Seed(std::int64_t n, std::uint64_t seed,
                        const SyntheticProgress& progress = {}) {
    return SeedSynthetic(services, unit, n, seed, clock.Today(), progress);
  }

  std::vector<Casus> AllCases() {
    std::vector<Casus> all;
    CaseFilter filter;
    filter.limit = 500;
    for (;;) {
      auto page = cases.List(filter);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (!page.next) return all;
      filter.after = page.next;
    }
  }
  std::vector<Signal> AllSignals() {
    std::vector<Signal> all;
    SignalFilter filter;
    filter.limit = 500;
    for (;;) {
      auto page = signals.List(filter);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (!page.next) return all;
      filter.after = page.next;
    }
  }
  std::vector<Activity> AllActivities() {
    std::vector<Activity> all;
    ActivityFilter filter;
    filter.limit = 500;
    for (;;) {
      auto page = activities.List(filter);
      all.insert(all.end(), page.items.begin(), page.items.end());
      if (!page.next) return all;
      filter.after = page.next;
    }
  }

  // Every stored fact as text, for comparing two runs.
  std::vector<std::string> Fingerprint() {
    std::vector<std::string> lines;
    const auto text = [](const auto& optional) {
      std::ostringstream out;
      if (optional) out << *optional;
      return out.str();
    };
    const auto name = [](const auto& optional) {
      return optional ? std::string(Name(*optional)) : std::string("-");
    };
    for (const auto& c : AllCases()) {
      std::ostringstream line;
      line << c.id << Name(c.kind) << Name(c.state) << text(c.district) << name(c.housing_type)
           << c.reported_on.ToString() << c.summary;
      for (const auto category : c.categories) line << ',' << Name(category);
      for (const auto theme : c.themes) line << ',' << Name(theme);
      for (const auto id : c.signal_ids) line << ",s" << id;
      if (c.address) line << c.address->street << c.address->number << c.address->postcode;
      for (const auto& r : cases.History(c.id)) {
        line << '|' << Name(r.to) << r.on.ToString() << text(r.reason) << name(r.result)
             << text(r.partner) << name(r.measure) << name(r.legal_basis)
             << (r.until ? r.until->ToString() : "");
      }
      lines.push_back(line.str());
    }
    for (const auto& s : AllSignals()) {
      std::ostringstream line;
      line << "signal" << s.id << s.received_on.ToString() << Name(s.source) << Name(s.status)
           << s.summary << text(s.district);
      for (const auto theme : s.themes) line << ',' << Name(theme);
      if (s.assessment) {
        line << Name(s.assessment->decision) << s.assessment->on.ToString()
             << text(s.assessment->case_id);
      }
      lines.push_back(line.str());
    }
    for (const auto& a : AllActivities()) {
      std::ostringstream line;
      line << "activity" << a.id << Name(a.type) << a.on.ToString() << text(a.companies_checked)
           << text(a.business_park) << text(a.heit_type);
      for (const auto id : a.case_ids) line << ",c" << id;
      lines.push_back(line.str());
    }
    return lines;
  }
};

// One seeded store of 2000 casussen, shared by the checks below (seeding takes a moment).
Store& Seeded2000() {
  static const auto store = [] {
    auto seeded = std::make_unique<Store>();
    seeded->Seed(2000, 42);
    return seeded;
  }();
  return *store;
}

}  // namespace

TEST_CASE("The synthetic data is the same for the same seed, and differs for another",
          "[demo][synthetic]") {
  Store first, second, other;
  const auto a = first.Seed(1200, 7);
  const auto b = second.Seed(1200, 7);
  other.Seed(1200, 8);
  const auto fingerprint = first.Fingerprint();
  CHECK(fingerprint == second.Fingerprint());
  CHECK(fingerprint != other.Fingerprint());
  CHECK(a.cases == b.cases);
  CHECK(a.transitions == b.transitions);
  CHECK(a.signals == b.signals);
  CHECK(a.activities == b.activities);
}

TEST_CASE("The synthetic data covers both kinds, every wijk, woningtype and category",
          "[demo][synthetic]") {
  Store& store = Seeded2000();
  const auto all = store.AllCases();
  REQUIRE(all.size() == 2000);
  std::map<CaseKind, int> kinds;
  std::set<std::string> districts;
  std::set<HousingType> housing;
  std::set<NuisanceCategory> categories;
  std::set<Theme> themes;
  std::set<int> years;
  std::map<CaseState, int> states;
  for (const auto& c : all) {
    ++kinds[c.kind];
    if (c.district) districts.insert(*c.district);
    if (c.housing_type) housing.insert(*c.housing_type);
    categories.insert(c.categories.begin(), c.categories.end());
    themes.insert(c.themes.begin(), c.themes.end());
    years.insert(c.reported_on.year());
    ++states[c.state];
  }
  // Roughly 85% woonoverlast, 15% ondermijning.
  CHECK(kinds[CaseKind::kOndermijning] > 200);
  CHECK(kinds[CaseKind::kOndermijning] < 400);
  CHECK(districts.size() == store.services.cases.Districts().size());
  CHECK(housing.size() == AllOf<HousingType>().size());
  CHECK(categories.size() == AllOf<NuisanceCategory>().size());
  CHECK(themes.size() == AllOf<Theme>().size());
  CHECK(years == std::set<int>{2019, 2020, 2021, 2022, 2023, 2024, 2025});
  for (const auto state : AllOf<CaseState>()) {
    INFO(Name(state));
    CHECK(states[state] > 0);
  }
}

TEST_CASE("Every synthetic casus passes the domain's rules and follows the lifecycle",
          "[demo][synthetic]") {
  Store& store = Seeded2000();
  const Date today = store.clock.Today();
  const Date last = Date(2025, 12, 31);
  int reopened = 0, enforced_ondermijning = 0, closed_down = 0;
  for (const auto& c : store.AllCases()) {
    INFO("casus " << c.id);
    NewCase fields{c.kind,       c.district, c.housing_type, c.reported_on,
                   c.categories, c.summary,  c.address,      c.themes};
    CHECK_NOTHROW(store.services.cases.CheckedNewCase(fields));
    CHECK(c.reported_on >= Date(2019, 1, 1));
    CHECK(c.reported_on <= last);

    const auto history = store.cases.History(c.id);
    REQUIRE(!history.empty());
    CHECK(!history.front().from);
    CHECK(history.front().to == CaseState::kGemeld);
    CHECK(history.front().on == c.reported_on);
    CHECK(history.back().to == c.state);
    for (std::size_t i = 1; i < history.size(); ++i) {
      const auto& previous = history[i - 1];
      const auto& r = history[i];
      REQUIRE(r.from);
      CHECK(*r.from == previous.to);
      CHECK(IsAllowedTransition(*r.from, r.to));
      CHECK(r.on >= previous.on);
      CHECK(r.on <= last);
      CHECK(r.on <= today);
      if (IsReopening(*r.from, r.to)) {
        ++reopened;
        CHECK(r.reason.has_value());
      }
      if (r.result) CHECK(IsClosed(r.to));
      if (c.kind == CaseKind::kOndermijning && r.to == CaseState::kHandhaving) {
        ++enforced_ondermijning;
        CHECK(r.partner.has_value());
        CHECK(r.measure.has_value());
      }
      if (r.to == CaseState::kSluiting) {
        ++closed_down;
        if (c.kind == CaseKind::kOndermijning) {
          CHECK(r.legal_basis.has_value());
          REQUIRE(r.until.has_value());
          CHECK(*r.until >= r.on);
        }
      }
    }
  }
  CHECK(reopened > 0);
  CHECK(enforced_ondermijning > 0);
  CHECK(closed_down > 0);
}

TEST_CASE("The synthetic signals and activities come in the seed's proportions",
          "[demo][synthetic]") {
  Store& store = Seeded2000();
  const auto signals = store.AllSignals();
  // About 600 signals and 100 activities per 1,000 casussen.
  CHECK(signals.size() > 1000);
  CHECK(signals.size() < 1500);
  const auto activities = store.AllActivities();
  CHECK(activities.size() > 120);
  CHECK(activities.size() < 300);

  std::map<SignalSource, int> sources;
  std::map<AssessmentDecision, int> decisions;
  int open = 0;
  for (const auto& s : signals) {
    ++sources[s.source];
    if (s.source == SignalSource::kMma) CHECK(!s.reporter);
    if (s.assessment) {
      ++decisions[s.assessment->decision];
      CHECK(s.assessment->on >= s.received_on);
    } else {
      ++open;
    }
  }
  CHECK(sources[SignalSource::kMma] > static_cast<int>(signals.size()) / 2);
  CHECK(sources.size() == AllOf<SignalSource>().size());
  CHECK(decisions[AssessmentDecision::kNewCase] > 0);
  CHECK(decisions[AssessmentDecision::kLink] > 0);
  CHECK(decisions[AssessmentDecision::kDismiss] > decisions[AssessmentDecision::kLink]);
  CHECK(open > 0);

  std::set<ActivityType> types;
  int with_case = 0;
  for (const auto& a : activities) {
    types.insert(a.type);
    if (a.type == ActivityType::kControlDay) CHECK(a.companies_checked.has_value());
    with_case += a.case_ids.empty() ? 0 : 1;
  }
  CHECK(types.size() == AllOf<ActivityType>().size());
  CHECK(with_case > 0);

  // The year reports work on it.
  const auto report = store.services.ondermijning_reports.YearReport(2024);
  CHECK(report.figures.signals.total > 0);
  CHECK(report.figures.cases.handled > 0);
  CHECK(store.services.cases.WoonoverlastYearReport(2024).totals.Total() > 0);
}

TEST_CASE("The synthetic data is entered in units of kSyntheticBatchSize casussen",
          "[demo][synthetic]") {
  Store store;
  std::vector<std::int64_t> reported;
  const auto summary = store.Seed(1201, 3, [&](std::int64_t done, std::int64_t total) {
    CHECK(total == 1201);
    reported.push_back(done);
  });
  CHECK(store.unit.runs == 3);
  CHECK(summary.batches == 3);
  CHECK(summary.cases == 1201);
  CHECK(summary.cases == summary.woonoverlast + summary.ondermijning);
  CHECK(static_cast<std::size_t>(summary.signals) == store.AllSignals().size());
  CHECK(static_cast<std::size_t>(summary.activities) == store.AllActivities().size());
  CHECK(reported == std::vector<std::int64_t>{500, 1000, 1201});
}

TEST_CASE("The synthetic data adds to a store, and dates nothing after today",
          "[demo][synthetic]") {
  Store store(Date(2022, 6, 30));
  store.Seed(300, 1);
  store.Seed(300, 2);
  const auto all = store.AllCases();
  CHECK(all.size() == 600);
  for (const auto& c : all) {
    for (const auto& r : store.cases.History(c.id)) CHECK(r.on <= Date(2022, 6, 30));
  }
  for (const auto& s : store.AllSignals()) CHECK(s.received_on <= Date(2022, 6, 30));
  for (const auto& a : store.AllActivities()) CHECK(a.on <= Date(2022, 6, 30));
}
