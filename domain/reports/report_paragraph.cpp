#include "domain/reports/report_paragraph.hpp"

#include <algorithm>
#include <sstream>
#include <vector>

namespace casus::domain {

namespace {

constexpr const char* kMonths[] = {"januari",   "februari", "maart",    "april",
                                   "mei",       "juni",     "juli",     "augustus",
                                   "september", "oktober",  "november", "december"};

std::string DutchDate(Date day) {
  return std::to_string(day.day()) + " " + kMonths[day.month() - 1] + " " +
         std::to_string(day.year());
}

// "geen casussen", "1 casus", "12 casussen".
std::string Count(int n, const std::string& singular, const std::string& plural) {
  if (n == 0) return "geen " + plural;
  return DutchNumber(n) + " " + (n == 1 ? singular : plural);
}

// "geen", "1", "1.234": a number that stands without its noun.
std::string Amount(int n) { return n == 0 ? "geen" : DutchNumber(n); }

// "a", "a en b", "a, b en c".
std::string Enumerate(const std::vector<std::string>& parts) {
  std::string text;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) text += i + 1 == parts.size() ? " en " : ", ";
    text += parts[i];
  }
  return text;
}

int Percent(int part, int whole) {
  return whole == 0 ? 0 : static_cast<int>((200LL * part + whole) / (2LL * whole));  // rounded
}

}  // namespace

std::string DutchNumber(int n) {
  std::string digits = std::to_string(n < 0 ? -static_cast<long long>(n) : n);
  for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
    digits.insert(static_cast<std::size_t>(at), ".");
  }
  return n < 0 ? "-" + digits : digits;
}

std::string WoonoverlastParagraph(const WoonoverlastReport& report) {
  const int year = report.year;
  const LopendAfgerond total = report.totals.Sum();
  const int handled = total.Total();
  std::ostringstream out;
  out << "In " << year << " behandelde team Woonoverlast";
  if (!report.title.municipality.empty()) out << " van de gemeente " << report.title.municipality;
  out << " " << Count(handled, "casus", "casussen") << ".";
  if (handled > 0) {
    out << " Op " << DutchDate(report.peildatum) << " " << (handled == 1 ? "was" : "waren")
        << " daarvan " << Amount(total.lopend) << " lopend en " << Amount(total.afgerond)
        << " afgerond.";
  }

  const int before = report.previous_year.Total();
  const int difference = handled - before;
  if (difference == 0) {
    out << " Dat zijn er evenveel als in " << year - 1 << " (" << DutchNumber(before) << ").";
  } else {
    const int size = difference < 0 ? -difference : difference;
    out << " Dat " << (size == 1 ? "is" : "zijn") << " " << Count(size, "casus", "casussen") << " "
        << (difference > 0 ? "meer" : "minder") << " dan in " << year - 1 << " ("
        << DutchNumber(before) << ").";
  }
  out << " In " << year << " " << (report.new_in_year == 1 ? "werd" : "werden") << " "
      << Count(report.new_in_year, "casus", "casussen") << " nieuw gemeld.";

  if (handled > 0) {
    const int corporatie = report.totals.corporatie.Total();
    out << " Het ging bij " << Count(corporatie, "casus", "casussen") << " ("
        << Percent(corporatie, handled) << "%) om een corporatiewoning, bij "
        << Amount(report.totals.koop.Total()) << " om een koopwoning en bij "
        << Amount(report.totals.particulier.Total()) << " om een particuliere huurwoning.";
    const int lopend = report.totals.corporatie.lopend;
    out << " Op de peildatum " << (lopend == 1 ? "was" : "waren") << " er "
        << Count(lopend, "lopende corporatie-casus", "lopende corporatie-casussen") << ".";

    int most = 0;
    std::vector<std::string> wijken;
    for (const WoonoverlastRow& row : report.rows) {
      if (row.district == "Onbekend" || row.Total() == 0 || row.Total() < most) continue;
      if (row.Total() > most) wijken.clear();
      most = row.Total();
      wijken.push_back(row.district);
    }
    if (!wijken.empty()) {
      out << " De meeste casussen kwamen uit " << Enumerate(wijken) << " ("
          << (wijken.size() > 1 ? "elk " : "") << DutchNumber(most) << ").";
    }
  }
  out << "\n";
  return out.str();
}

std::string OndermijningParagraph(const OndermijningReport& report) {
  const OndermijningFigures& f = report.figures;
  const int year = f.year;
  std::ostringstream out;
  out << "In " << year << " " << (f.signals.total == 1 ? "kwam" : "kwamen") << " "
      << Count(f.signals.total, "signaal", "signalen") << " van ondermijning binnen";
  std::vector<std::string> sources;
  for (const auto& [source, share] : f.signals.by_source) {
    if (share.count == 0) continue;
    std::string where;
    switch (source) {
      case SignalSource::kMma:
        where = "via Meld Misdaad Anoniem";
        break;
      case SignalSource::kMeldpunt:
        where = "via het meldpunt";
        break;
      case SignalSource::kPartner:
        where = "van partners";
        break;
      case SignalSource::kOverig:
        where = "uit overige bronnen";
        break;
    }
    sources.push_back(DutchNumber(share.count) + " " + where + " (" +
                      std::to_string(share.percent) + "%)");
  }
  out << (sources.empty() ? "." : ": " + Enumerate(sources) + ".");
  out << " Het ondermijningscluster behandelde " << Count(f.cases.handled, "casus", "casussen");
  if (f.cases.handled > 0) {
    out << ": " << Amount(f.cases.started_before_year) << " uit eerdere jaren en "
        << Amount(f.cases.started_in_year) << " begonnen in " << year << ". Op "
        << DutchDate(f.peildatum) << " " << (f.cases.closed == 1 ? "was" : "waren") << " er "
        << Amount(f.cases.closed) << " afgesloten en "
        << (f.cases.continuing == 1 ? "liep" : "liepen") << " er " << Amount(f.cases.continuing)
        << " door";
  }
  out << ".";
  if (f.cases.closed > 0) {
    const OndermijningOutcomes& o = f.cases.outcomes;
    out << " Van de afgesloten casussen: " << Amount(o.ontkracht) << " ontkracht, "
        << Amount(o.onvoldoende_aanknopingspunten) << " met onvoldoende aanknopingspunten en "
        << Amount(o.handhaving) << " na handhaving, waarvan " << Amount(o.sluiting)
        << " met een sluiting.";
  }
  const auto& a = f.activities;
  out << " Er " << (a.control_days == 1 ? "was" : "waren") << " "
      << Count(a.control_days, "controledag", "controledagen") << " met samen "
      << Count(a.companies_checked, "gecontroleerd bedrijf", "gecontroleerde bedrijven") << ", "
      << Count(a.knock_and_talk, "klop-klopgesprek", "klop-klopgesprekken") << " en "
      << Count(a.heit_controls, "HEIT-controle", "HEIT-controles") << ".";
  out << "\n";
  return out.str();
}

}  // namespace casus::domain
