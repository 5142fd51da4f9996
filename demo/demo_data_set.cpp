#include "demo/demo_data_set.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "demo/demo_random.hpp"
#include "domain/error.hpp"

namespace casus::demo {

// The demo data is a client of the domain, written in its words.
using namespace casus::domain;

namespace {

// A casus as it will be entered: registration, then its transitions in order.
struct Script {
  NewCase fields;
  std::vector<TransitionRequest> steps;
  Date last;  // effective date of the latest step (or the report date)

  void Step(CaseState to, Date on, std::optional<std::string> reason = std::nullopt,
            std::optional<CloseResult> result = std::nullopt) {
    steps.push_back({to, on, std::move(reason), result});
    last = on;
  }
};

const Date kYearStart = Date::FirstDayOfYear(kDemoYear);
const Date kPeildatum = Date::LastDayOfYear(kDemoYear);

Date DayIn(DemoRandom& random, Date from, Date to) {
  return from.AddDays(random.Between(0, static_cast<int>((to.days() - from.days()).count())));
}

// A date some days after `last`, but never past `cap` (and never before `last`).
Date Later(DemoRandom& random, Date last, int min_days, int max_days, Date cap) {
  const Date candidate = last.AddDays(random.Between(min_days, max_days));
  return candidate > cap ? (last > cap ? last : cap) : candidate;
}

const std::vector<std::string> kStreets = {"Dorpsstraat", "Kerkweg",   "Lindelaan",  "Molenpad",
                                           "Vijverhof",   "Eikenlaan", "Parkzoom",   "Beukhof",
                                           "Schoolpad",   "Wilgenweg", "Bloemhof",   "Akkerlaan",
                                           "Sluisweg",    "Havenkade", "Meidoornpad"};

struct CategoryStory {
  NuisanceCategory category;
  const char* summary;
};
const std::vector<CategoryStory> kStories = {
    {NuisanceCategory::kGeluid,
     "Geluidsoverlast door de directe buren, vooral 's avonds en 's nachts."},
    {NuisanceCategory::kGeluid,
     "Meerdere bewoners in de straat melden harde muziek en geschreeuw."},
    {NuisanceCategory::kZorg, "Geluidsoverlast door een bewoner met een zorgcomponent."},
    {NuisanceCategory::kWederzijds, "Buren beschuldigen elkaar over en weer van overlast."},
    {NuisanceCategory::kVerwardGedrag, "Bewoner vertoont verward gedrag in en rond de woning."},
    {NuisanceCategory::kVerslaving, "Overlast door een bewoner met een verslavingsproblematiek."},
    {NuisanceCategory::kVerzamelwoede,
     "Bewoner verzamelt grote hoeveelheden spullen; brandgevaar."},
    {NuisanceCategory::kVervuiling, "Woning is ernstig vervuild; stank in het portiek."},
    {NuisanceCategory::kHuisdieren, "Veel huisdieren in de woning: stank en ongedierte."},
    {NuisanceCategory::kOverig, "Overige woonoverlast gemeld door omwonenden."},
};

const std::vector<CloseResult> kResults = {CloseResult::kOpgelost, CloseResult::kOpgelost,
                                           CloseResult::kOpgelost, CloseResult::kDoorverwezen,
                                           CloseResult::kOnvoldoendeAanknopingspunten};

Script NewScript(DemoRandom& random, const std::string& district, HousingType housing,
                 Date reported_on) {
  Script script;
  script.fields.kind = CaseKind::kWoonoverlast;
  script.fields.district = district;
  script.fields.housing_type = housing;
  script.fields.reported_on = reported_on;
  const auto& story = random.Pick(kStories);
  script.fields.categories = {story.category};
  script.fields.summary = story.summary;
  if (random.Chance(25)) {
    const auto& extra = random.Pick(kStories);
    if (extra.category != story.category) script.fields.categories.push_back(extra.category);
  }
  if (random.Chance(85)) {
    Address address;
    address.street = random.Pick(kStreets);
    address.number = std::to_string(random.Between(1, 180));
    if (random.Chance(20)) address.number += "a";
    address.postcode = std::to_string(random.Between(2711, 2729)) + " " +
                       static_cast<char>('A' + random.Between(0, 25)) +
                       static_cast<char>('A' + random.Between(0, 25));
    address.city = "Zoetermeer";
    script.fields.address = address;
  }
  script.last = reported_on;
  return script;
}

void StartWork(DemoRandom& random, Script& script, Date cap) {
  script.Step(CaseState::kLopend, Later(random, script.last, 1, 21, cap),
              "Intake gedaan; gesprekken met melder en bewoner gepland.");
}

void Enforce(DemoRandom& random, Script& script, Date cap, bool close_down) {
  script.Step(CaseState::kHandhaving, Later(random, script.last, 14, 90, cap),
              "Afspraken niet nagekomen; handhavingstraject gestart.");
  if (close_down) {
    script.Step(CaseState::kSluiting, Later(random, script.last, 7, 45, cap),
                "Woning tijdelijk gesloten op last van de burgemeester.");
  }
}

void Close(DemoRandom& random, Script& script, Date from, Date cap) {
  const Date on = Later(random, script.last < from ? from : script.last, 3, 120, cap);
  script.Step(CaseState::kAfgerond, on, "Overlast gestopt; casus afgesloten.",
              random.Pick(kResults));
}

// A casus still open on 31-12-2024: carried over from 2023 or reported in 2024; some are
// closed in 2025, some were closed in 2023 and re-opened in 2024.
Script OpenAtPeildatum(DemoRandom& random, const std::string& district, HousingType housing) {
  const int shape = random.Between(1, 100);
  if (shape <= 6) {  // closed in 2023, re-opened in 2024
    Script script =
        NewScript(random, district, housing, DayIn(random, Date(2023, 1, 10), Date(2023, 6, 30)));
    StartWork(random, script, Date(2023, 11, 30));
    Close(random, script, Date(2023, 8, 1), Date(2023, 11, 30));
    script.Step(CaseState::kLopend, DayIn(random, Date(2024, 1, 15), Date(2024, 6, 30)),
                "Nieuwe meldingen van omwonenden na eerdere afsluiting.");
    return script;
  }
  if (shape <= 14) {  // reported in December, not yet picked up
    return NewScript(random, district, housing, DayIn(random, Date(2024, 12, 2), kPeildatum));
  }
  const bool carried_over = shape <= 50;
  Script script = NewScript(random, district, housing,
                            carried_over ? DayIn(random, Date(2023, 2, 1), Date(2023, 12, 15))
                                         : DayIn(random, kYearStart, Date(2024, 11, 20)));
  StartWork(random, script, kPeildatum);
  if (random.Chance(25) && script.last < Date(2024, 10, 1)) {
    Enforce(random, script, kPeildatum, random.Chance(30));
  }
  if (random.Chance(35)) Close(random, script, Date(2025, 1, 2), Date(2025, 9, 30));
  return script;
}

// A casus closed (afgerond or ontkracht) during 2024.
Script ClosedInYear(DemoRandom& random, const std::string& district, HousingType housing) {
  const bool carried_over = random.Chance(30);
  Script script = NewScript(random, district, housing,
                            carried_over ? DayIn(random, Date(2023, 5, 1), Date(2023, 12, 20))
                                         : DayIn(random, kYearStart, Date(2024, 10, 31)));
  if (random.Chance(12)) {
    const Date from = script.last < kYearStart ? kYearStart : script.last;
    script.Step(CaseState::kOntkracht, Later(random, from, 3, 30, kPeildatum),
                "Na huisbezoek geen overlast vastgesteld.");
    return script;
  }
  StartWork(random, script, kPeildatum);
  if (random.Chance(20) && script.last < Date(2024, 9, 1)) {
    Enforce(random, script, Date(2024, 12, 1), random.Chance(25));
  }
  Close(random, script, kYearStart, kPeildatum);
  return script;
}

// A casus closed during 2023: it belongs to the 2023 table, not to 2024's.
Script ClosedBeforeYear(DemoRandom& random, const std::string& district, HousingType housing) {
  Script script =
      NewScript(random, district, housing, DayIn(random, Date(2022, 6, 1), Date(2023, 8, 31)));
  StartWork(random, script, Date(2023, 12, 1));
  Close(random, script, Date(2023, 1, 2), Date(2023, 12, 31));
  return script;
}

// A casus reported in 2025: after the 2024 peildatum, so absent from the 2024 table.
Script ReportedAfterYear(DemoRandom& random, const std::string& district, HousingType housing) {
  Script script =
      NewScript(random, district, housing, DayIn(random, Date(2025, 1, 6), Date(2025, 9, 30)));
  StartWork(random, script, Date(2025, 11, 30));
  if (random.Chance(40)) Close(random, script, script.last, Date(2025, 12, 31));
  return script;
}

}  // namespace

DemoSeedSummary SeedDemoData(CaseService& service) {
  CaseFilter any;
  any.limit = 1;
  if (!service.List(any).items.empty()) {
    throw DomainError(ErrorCode::kConflict,
                      "the database already holds casussen; the demo data set fills an empty one");
  }

  DemoRandom random(20241231);
  std::vector<Script> scripts;
  const auto plan = [&](const std::string& district, HousingType housing, int lopend,
                        int afgerond) {
    for (int i = 0; i < lopend; ++i) scripts.push_back(OpenAtPeildatum(random, district, housing));
    for (int i = 0; i < afgerond; ++i) scripts.push_back(ClosedInYear(random, district, housing));
  };
  for (const auto& row : kPublishedTabel51) {
    const std::string district(row.district);
    plan(district, HousingType::kKoop, row.koop_lopend, row.koop_afgerond);
    plan(district, HousingType::kCorporatie, row.corporatie_lopend, row.corporatie_afgerond);
    plan(district, HousingType::kParticulier, row.particulier_lopend, row.particulier_afgerond);
  }
  const std::vector<HousingType> housing_types = {HousingType::kKoop, HousingType::kCorporatie,
                                                  HousingType::kCorporatie,
                                                  HousingType::kParticulier};
  const auto districts = service.Districts();
  for (int i = 0; i < 30; ++i) {
    scripts.push_back(ClosedBeforeYear(random, random.Pick(districts), random.Pick(housing_types)));
  }
  for (int i = 0; i < 24; ++i) {
    scripts.push_back(
        ReportedAfterYear(random, random.Pick(districts), random.Pick(housing_types)));
  }

  // Enter them in the order they were reported, as the team would have.
  std::stable_sort(scripts.begin(), scripts.end(), [](const Script& a, const Script& b) {
    return a.fields.reported_on < b.fields.reported_on;
  });
  DemoSeedSummary summary;
  for (const auto& script : scripts) {
    const Casus casus = service.Register(script.fields);
    ++summary.cases;
    for (const auto& step : script.steps) {
      service.Transition(casus.id, step, std::nullopt);
      ++summary.transitions;
    }
  }
  return summary;
}

}  // namespace casus::demo
