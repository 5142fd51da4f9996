#include "demo/synthetic_data.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "demo/demo_random.hpp"
#include "domain/error.hpp"

namespace casus::demo {

// The synthetic data is a client of the domain, written in its words.
using namespace casus::domain;

namespace {

// The seed of one batch's generator: the batches are independent of each other, so a batch
// that is run again gives the same data.
std::uint64_t BatchSeed(std::uint64_t seed, std::int64_t batch) {
  DemoRandom mix(seed ^ (0xd1b54a32d192ed03ULL * static_cast<std::uint64_t>(batch + 1)));
  return mix.Next();
}

const std::vector<std::string> kStreets = {
    "Proefstraat",  "Testlaan",   "Voorbeeldweg", "Oefenpad",    "Modelhof", "Schetskade",
    "Ontwerplaan",  "Conceptweg", "Fictiefpad",   "Steekproef",  "Dummyhof", "Monsterlaan",
    "Simulatieweg", "Kopijpad",   "Sjabloonhof",  "Maquettelaan"};

const std::vector<std::pair<HousingType, int>> kHousing = {
    {HousingType::kKoop, 25}, {HousingType::kCorporatie, 55}, {HousingType::kParticulier, 20}};

const char* CategorySummary(NuisanceCategory category) {
  switch (category) {
    case NuisanceCategory::kGeluid:
      return "Synthetisch: geluidsoverlast van de buren.";
    case NuisanceCategory::kZorg:
      return "Synthetisch: overlast met een zorgcomponent.";
    case NuisanceCategory::kWederzijds:
      return "Synthetisch: buren beschuldigen elkaar.";
    case NuisanceCategory::kVerwardGedrag:
      return "Synthetisch: verward gedrag rond de woning.";
    case NuisanceCategory::kVerslaving:
      return "Synthetisch: overlast bij verslaving.";
    case NuisanceCategory::kVerzamelwoede:
      return "Synthetisch: verzamelwoede, brandgevaar.";
    case NuisanceCategory::kVervuiling:
      return "Synthetisch: ernstig vervuilde woning.";
    case NuisanceCategory::kHuisdieren:
      return "Synthetisch: te veel huisdieren.";
    case NuisanceCategory::kOverig:
      break;
  }
  return "Synthetisch: overige woonoverlast.";
}

const char* ThemeSummary(Theme theme) {
  switch (theme) {
    case Theme::kDrugs:
      return "Synthetisch: vermoeden van drugshandel.";
    case Theme::kProstitutie:
      return "Synthetisch: vermoeden van onvergunde prostitutie.";
    case Theme::kWitwassen:
      return "Synthetisch: contante omzet zonder klanten.";
    case Theme::kArbeidsuitbuiting:
      return "Synthetisch: vermoeden van arbeidsuitbuiting.";
    case Theme::kIllegaleBewoning:
      return "Synthetisch: bewoning van een bedrijfspand.";
    case Theme::kOverig:
      break;
  }
  return "Synthetisch: signaal van mogelijke ondermijning.";
}

// Drugs, prostitutie and witwassen the most common, as in the published figures.
const std::vector<std::pair<Theme, int>> kThemes = {
    {Theme::kDrugs, 40},           {Theme::kProstitutie, 18},
    {Theme::kWitwassen, 14},       {Theme::kArbeidsuitbuiting, 13},
    {Theme::kIllegaleBewoning, 8}, {Theme::kOverig, 7}};

// The 2024 shares: mma 69%, meldpunt 8%, partner 18%, overig 5%.
const std::vector<std::pair<SignalSource, int>> kSources = {{SignalSource::kMma, 69},
                                                            {SignalSource::kMeldpunt, 8},
                                                            {SignalSource::kPartner, 18},
                                                            {SignalSource::kOverig, 5}};

const std::vector<std::pair<CloseResult, int>> kResults = {
    {CloseResult::kOpgelost, 60},
    {CloseResult::kDoorverwezen, 20},
    {CloseResult::kOnvoldoendeAanknopingspunten, 12},
    {CloseResult::kOverig, 8}};

const std::vector<std::string> kWoonPartners = {"Woningcorporatie", "Politie", "Handhaving", "GGD"};
const std::vector<std::string> kKetenPartners = {"Politie", "RIEC", "Arbeidsinspectie",
                                                 "Belastingdienst", "Douane"};
const std::vector<std::string> kParks = {"Bedrijventerrein A", "Bedrijventerrein B",
                                         "Bedrijventerrein C", "Bedrijventerrein D"};
const std::vector<std::string> kHeitTypes = {"autobedrijven", "prostitutie", "horeca",
                                             "opslagloodsen"};

// An ondermijning casus recently opened, for signals to link to and activities to name.
struct KnownCase {
  CaseId id;
  Date reported_on;
};
constexpr std::size_t kKnownCases = 64;

// Moves one casus through its lifecycle, step by step, never past `cap`: a step that would
// fall after it is not taken, nor any after it (the casus is still in its state today).
class Course {
 public:
  Course(CaseService& cases, DemoRandom& random, const Casus& casus, Date cap)
      : cases_(cases), random_(random), id_(casus.id), last_(casus.reported_on), cap_(cap) {}

  // The date `min_days`..`max_days` after the previous step.
  Date After(int min_days, int max_days) {
    return last_.AddDays(random_.Between(min_days, max_days));
  }

  // Takes the step when it is not past the cap; false (and every later Step too) otherwise.
  bool Step(const TransitionRequest& request) {
    if (stopped_ || request.on > cap_) {
      stopped_ = true;
      return false;
    }
    cases_.Transition(id_, request, std::nullopt);
    last_ = request.on;
    ++moves_;
    return true;
  }

  bool Move(CaseState to, Date on, std::optional<std::string> reason = std::nullopt,
            std::optional<CloseResult> result = std::nullopt) {
    TransitionRequest request;
    request.to = to;
    request.on = on;
    request.reason = std::move(reason);
    request.result = result;
    return Step(request);
  }

  Date last() const { return last_; }
  std::int64_t moves() const { return moves_; }

 private:
  CaseService& cases_;
  DemoRandom& random_;
  CaseId id_;
  Date last_;
  Date cap_;
  bool stopped_ = false;
  std::int64_t moves_ = 0;
};

// Now and then a closed casus is re-opened (with a reason) and closed again later.
void MaybeReopen(DemoRandom& random, Course& course, int percent) {
  if (!random.Chance(percent)) return;
  if (!course.Move(CaseState::kLopend, course.After(30, 400),
                   "Synthetisch: nieuwe meldingen na afsluiting.")) {
    return;
  }
  if (random.Chance(75)) {
    course.Move(CaseState::kAfgerond, course.After(20, 300), "Synthetisch: opnieuw afgesloten.",
                random.Weighted(kResults));
  }
}

void WoonoverlastCourse(DemoRandom& random, Course& course) {
  if (random.Chance(7)) {
    if (course.Move(CaseState::kOntkracht, course.After(5, 40),
                    "Synthetisch: geen overlast vastgesteld.")) {
      MaybeReopen(random, course, 10);
    }
    return;
  }
  if (!course.Move(CaseState::kLopend, course.After(1, 21), "Synthetisch: intake gedaan.")) return;
  const int shape = random.Between(1, 100);
  bool closed = false;
  if (shape <= 14) {  // handhaving, sometimes sluiting
    TransitionRequest enforce;
    enforce.to = CaseState::kHandhaving;
    enforce.on = course.After(20, 150);
    enforce.reason = "Synthetisch: afspraken niet nagekomen.";
    if (random.Chance(60)) {
      enforce.partner = random.Pick(kWoonPartners);
      enforce.measure = random.Chance(60) ? EnforcementMeasure::kBestuurlijkeWaarschuwing
                                          : EnforcementMeasure::kLastOnderDwangsom;
    }
    if (!course.Step(enforce)) return;
    if (random.Chance(20)) {
      TransitionRequest close_down;
      close_down.to = CaseState::kSluiting;
      close_down.on = course.After(7, 60);
      close_down.reason = "Synthetisch: woning tijdelijk gesloten.";
      if (random.Chance(70)) {
        close_down.legal_basis = LegalBasis::kArt174aGemeentewet;
        close_down.until = close_down.on.AddDays(random.Between(30, 180));
      }
      if (!course.Step(close_down)) return;
    }
    closed = course.Move(CaseState::kAfgerond, course.After(30, 250),
                         "Synthetisch: handhaving afgerond.", random.Weighted(kResults));
  } else if (shape <= 19) {
    closed = course.Move(CaseState::kOntkracht, course.After(10, 90),
                         "Synthetisch: na onderzoek geen woonoverlast.");
  } else {
    closed = course.Move(CaseState::kAfgerond, course.After(20, 500),
                         "Synthetisch: overlast gestopt.", random.Weighted(kResults));
  }
  if (closed) MaybeReopen(random, course, 8);
}

void OndermijningCourse(DemoRandom& random, Course& course) {
  if (!course.Move(CaseState::kLopend, course.After(3, 30),
                   "Synthetisch: onderzoek met ketenpartners.")) {
    return;
  }
  const int shape = random.Between(1, 100);
  bool closed = false;
  if (shape <= 25) {
    closed = course.Move(CaseState::kOntkracht, course.After(30, 300),
                         "Synthetisch: geen sprake van ondermijning.");
  } else if (shape <= 32) {
    closed = course.Move(CaseState::kAfgerond, course.After(30, 200),
                         "Synthetisch: onvoldoende aanknopingspunten.",
                         CloseResult::kOnvoldoendeAanknopingspunten);
  } else if (shape <= 77) {
    TransitionRequest enforce;
    enforce.to = CaseState::kHandhaving;
    enforce.on = course.After(30, 250);
    enforce.reason = "Synthetisch: overtredingen vastgesteld.";
    enforce.partner = random.Pick(kKetenPartners);
    const bool close_down = random.Chance(30);
    enforce.measure = close_down          ? EnforcementMeasure::kSluiting
                      : random.Chance(50) ? EnforcementMeasure::kLastOnderDwangsom
                      : random.Chance(80) ? EnforcementMeasure::kBestuurlijkeWaarschuwing
                                          : EnforcementMeasure::kOverig;
    if (!course.Step(enforce)) return;
    if (close_down) {
      TransitionRequest sluiting;
      sluiting.to = CaseState::kSluiting;
      sluiting.on = course.After(5, 40);
      sluiting.reason = "Synthetisch: pand tijdelijk gesloten.";
      sluiting.legal_basis =
          random.Chance(70) ? LegalBasis::kArt13bOpiumwet : LegalBasis::kArt174aGemeentewet;
      sluiting.until = sluiting.on.AddDays(random.Between(30, 365));
      if (!course.Step(sluiting)) return;
    }
    closed = course.Move(CaseState::kAfgerond, course.After(30, 300),
                         "Synthetisch: handhaving afgerond.", CloseResult::kOpgelost);
  } else {  // a long investigation, handed over or closed after years
    closed = course.Move(CaseState::kAfgerond, course.After(365, 1000),
                         "Synthetisch: langlopend onderzoek afgerond.",
                         random.Chance(60) ? CloseResult::kDoorverwezen : CloseResult::kOverig);
  }
  if (closed) MaybeReopen(random, course, 3);
}

// Enters the casussen of one batch, slot by slot, with the signals and activities around them.
class BatchWriter {
 public:
  BatchWriter(DomainServices& services, const std::vector<std::string>& districts,
              std::uint64_t seed, Date first, Date last, std::int64_t total,
              std::vector<KnownCase> known)
      : services_(services),
        districts_(districts),
        random_(seed),
        first_(first),
        last_(last),
        total_(total),
        known_(std::move(known)) {}

  void Slot(std::int64_t slot) {
    const Date day = SlotDate(slot);
    if (random_.Chance(85)) {
      Woonoverlast(slot, day);
    } else {
      Ondermijning(slot, day);
    }
    // Other signals, about 0.48 per slot (with those that open a casus ~0.6).
    if (random_.Chance(48)) ExtraSignal(day);
    // Activities, about 0.1 per slot.
    if (random_.Chance(10)) RecordActivity(day);
  }

  const SyntheticSummary& summary() const { return summary_; }
  const std::vector<KnownCase>& known() const { return known_; }

 private:
  // The reported date of slot `slot`: the slots spread evenly from first_ to last_, ascending,
  // with a random day within each slot's share.
  Date SlotDate(std::int64_t slot) {
    const std::int64_t span = (last_.days() - first_.days()).count();
    const std::int64_t fraction = static_cast<std::int64_t>(random_.Between(0, 1023));
    const std::int64_t offset = span * (slot * 1024 + fraction) / (total_ * 1024);
    return first_.AddDays(static_cast<int>(std::min(offset, span)));
  }

  Date NoLaterThanLast(Date date) const { return date > last_ ? last_ : date; }
  Date NoEarlierThanFirst(Date date) const { return date < first_ ? first_ : date; }

  std::optional<Address> SomeAddress(int percent) {
    if (!random_.Chance(percent)) return std::nullopt;
    Address address;
    address.street = random_.Pick(kStreets);
    address.number = std::to_string(random_.Between(1, 250));
    if (random_.Chance(15)) address.number += static_cast<char>('a' + random_.Between(0, 3));
    address.postcode = std::to_string(random_.Between(2711, 2729)) + " " +
                       static_cast<char>('A' + random_.Between(0, 25)) +
                       static_cast<char>('A' + random_.Between(0, 25));
    address.city = "Zoetermeer";
    return address;
  }

  std::vector<Theme> SomeThemes() {
    std::vector<Theme> themes = {random_.Weighted(kThemes)};
    if (random_.Chance(20)) {
      const Theme extra = random_.Weighted(kThemes);
      if (extra != themes.front()) themes.push_back(extra);
    }
    return themes;
  }

  void Woonoverlast(std::int64_t slot, Date day) {
    NewCase fields;
    fields.kind = CaseKind::kWoonoverlast;
    fields.district = random_.Pick(districts_);
    fields.housing_type = random_.Weighted(kHousing);
    fields.reported_on = day;
    constexpr auto kCategories = AllOf<NuisanceCategory>();
    const auto any_category = [&] {
      return kCategories[static_cast<std::size_t>(
          random_.Between(0, static_cast<int>(kCategories.size()) - 1))];
    };
    const NuisanceCategory category = any_category();
    fields.categories = {category};
    if (random_.Chance(25)) {
      const NuisanceCategory extra = any_category();
      if (extra != category) fields.categories.push_back(extra);
    }
    fields.summary = std::string(CategorySummary(category)) + " #" + std::to_string(slot + 1);
    fields.address = SomeAddress(85);
    const Casus casus = services_.cases.Register(fields);
    ++summary_.woonoverlast;
    Course course(services_.cases, random_, casus, last_);
    WoonoverlastCourse(random_, course);
    summary_.transitions += course.moves();
  }

  NewSignal SomeSignal(Date received_on) {
    NewSignal signal;
    signal.received_on = received_on;
    signal.source = random_.Weighted(kSources);
    signal.themes = SomeThemes();
    signal.summary = ThemeSummary(signal.themes.front());
    if (random_.Chance(70)) signal.district = random_.Pick(districts_);
    if (random_.Chance(30)) signal.address = SomeAddress(100);
    if (signal.source == SignalSource::kPartner) {
      signal.reporter = Reporter{"Synthetische partner", std::nullopt, std::nullopt};
    } else if (signal.source == SignalSource::kMeldpunt && random_.Chance(50)) {
      signal.reporter = Reporter{"Synthetische melder", "000-0000000", std::nullopt};
    }  // never on mma: anonymous by law
    return signal;
  }

  void Ondermijning(std::int64_t slot, Date day) {
    NewCase fields;
    fields.kind = CaseKind::kOndermijning;
    fields.reported_on = day;
    if (random_.Chance(75)) fields.district = random_.Pick(districts_);
    Casus casus;
    if (random_.Chance(80)) {  // opened from a signal received shortly before
      const Signal signal = services_.signals.Receive(
          SomeSignal(NoEarlierThanFirst(day.AddDays(-random_.Between(0, 20)))));
      ++summary_.signals;
      fields.themes = signal.themes;
      fields.summary =
          std::string(ThemeSummary(signal.themes.front())) + " #" + std::to_string(slot + 1);
      if (!fields.district) fields.district = signal.district;
      AssessmentRequest request;
      request.decision = AssessmentDecision::kNewCase;
      request.on = std::max(day, signal.received_on);
      fields.reported_on = *request.on;
      request.new_case = fields;
      casus = *services_.signals.Assess(signal.id, request).new_case;
      ++summary_.assessed;
    } else {  // registered by the cluster directly
      fields.themes = SomeThemes();
      fields.summary =
          std::string(ThemeSummary(fields.themes.front())) + " #" + std::to_string(slot + 1);
      casus = services_.cases.Register(fields);
    }
    ++summary_.ondermijning;
    if (known_.size() == kKnownCases) known_.erase(known_.begin());
    known_.push_back({casus.id, casus.reported_on});
    Course course(services_.cases, random_, casus, last_);
    OndermijningCourse(random_, course);
    summary_.transitions += course.moves();
  }

  void ExtraSignal(Date day) {
    const Signal signal = services_.signals.Receive(
        SomeSignal(NoEarlierThanFirst(day.AddDays(-random_.Between(0, 10)))));
    ++summary_.signals;
    const Date on = signal.received_on.AddDays(random_.Between(3, 30));
    // The latest few weeks' signals are partly still open.
    if (on > last_ || (signal.received_on.AddDays(45) > last_ && random_.Chance(50))) return;
    AssessmentRequest request;
    request.on = on;
    const KnownCase* target = nullptr;
    if (!known_.empty() && random_.Chance(20)) target = &random_.Pick(known_);
    if (target != nullptr && target->reported_on <= on) {
      request.decision = AssessmentDecision::kLink;
      request.case_id = target->id;
    } else {
      request.decision = AssessmentDecision::kDismiss;
      request.reason = "Synthetisch: onvoldoende concreet voor een casus.";
    }
    services_.signals.Assess(signal.id, request);
    ++summary_.assessed;
  }

  void RecordActivity(Date day) {
    Activity activity;
    activity.on = NoLaterThanLast(day.AddDays(random_.Between(0, 5)));
    const int type = random_.Between(1, 100);
    if (type <= 65) {
      activity.type = ActivityType::kKnockAndTalk;
      activity.partners = {"Politie", "Handhaving"};
      activity.business_park = random_.Pick(kParks);
    } else if (type <= 85) {
      activity.type = ActivityType::kControlDay;
      activity.companies_checked = random_.Between(2, 8);
      activity.partners = {random_.Pick(kKetenPartners), "Handhaving"};
      activity.findings = "Synthetisch: bevindingen van de controledag.";
      if (!known_.empty() && random_.Chance(40)) {
        const KnownCase& target = random_.Pick(known_);
        if (target.reported_on <= activity.on) activity.case_ids = {target.id};
      }
    } else {
      activity.type = ActivityType::kHeitControl;
      activity.heit_type = random_.Pick(kHeitTypes);
      activity.partners = {"Politie", "Belastingdienst"};
      activity.findings = "Synthetisch: bevindingen van de HEIT-controle.";
    }
    services_.activities.Record(activity);
    ++summary_.activities;
  }

  DomainServices& services_;
  const std::vector<std::string>& districts_;
  DemoRandom random_;
  Date first_;
  Date last_;
  std::int64_t total_;
  std::vector<KnownCase> known_;
  SyntheticSummary summary_;
};

}  // namespace

SyntheticSummary SeedSynthetic(DomainServices& services, UnitOfWork& unit, std::int64_t cases,
                               std::uint64_t seed, Date today, const SyntheticProgress& progress) {
  if (cases < 0) throw DomainError(ErrorCode::kInvalid, "the number of casussen is negative");
  const std::vector<std::string> districts = services.cases.Districts();
  if (districts.empty()) {
    throw DomainError(ErrorCode::kInvalid, "synthetic data needs at least one wijk");
  }
  const Date last = std::min(today, Date::LastDayOfYear(kSyntheticLastYear));
  const Date first = std::min(last, Date::FirstDayOfYear(kSyntheticFirstYear));

  SyntheticSummary summary;
  std::vector<KnownCase> known;
  std::int64_t tenths_reported = 0;
  for (std::int64_t start = 0, batch = 0; start < cases; start += kSyntheticBatchSize, ++batch) {
    const std::int64_t end = std::min(cases, start + kSyntheticBatchSize);
    // The batch's own generator and a copy of the state it starts from: should the unit run
    // `work` more than once, it enters the same data.
    std::optional<BatchWriter> writer;
    unit.Run([&] {
      writer.emplace(services, districts, BatchSeed(seed, batch), first, last, cases, known);
      for (std::int64_t slot = start; slot < end; ++slot) writer->Slot(slot);
    });
    const SyntheticSummary& part = writer->summary();
    summary.woonoverlast += part.woonoverlast;
    summary.ondermijning += part.ondermijning;
    summary.transitions += part.transitions;
    summary.signals += part.signals;
    summary.assessed += part.assessed;
    summary.activities += part.activities;
    summary.cases = summary.woonoverlast + summary.ondermijning;
    ++summary.batches;
    known = writer->known();
    if (progress && (end * 10 / cases > tenths_reported || end == cases)) {
      tenths_reported = end * 10 / cases;
      progress(end, cases);
    }
  }
  return summary;
}

}  // namespace casus::demo
