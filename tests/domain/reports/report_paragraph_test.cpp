// The jaarverslag paragraphs read back: for random tables every figure is found again in its
// phrase, and no count is ever "0 ..." or a singular noun with a plural number.

#include "domain/reports/report_paragraph.hpp"

#include <catch2/catch.hpp>
#include <random>
#include <regex>

using namespace casus::domain;  // NOLINT: test file

namespace {

// A figure as the paragraph writes it: "geen" or digits with dots between thousands.
int Figure(const std::string& text) {
  if (text == "geen") return 0;
  std::string digits;
  for (char c : text) {
    if (c != '.') digits += c;
  }
  return std::stoi(digits);
}

// The groups of `pattern`'s first match in `text`; a test failure when there is none.
std::smatch Find(const std::string& text, const std::string& pattern) {
  std::smatch match;
  INFO("looking for /" << pattern << "/ in: " << text);
  REQUIRE(std::regex_search(text, match, std::regex(pattern)));
  return match;
}

void CheckNoBadCounts(const std::string& text) {
  INFO(text);
  CHECK_FALSE(std::regex_search(text, std::regex(R"((^|[^\d.])0 )")));  // "geen", never "0 "
  CHECK_FALSE(std::regex_search(
      text,
      std::regex(
          R"((^|[^\d.])1 (casussen|signalen|controledagen|gecontroleerde|klop-klopgesprekken|HEIT-controles|lopende corporatie-casussen))")));
  CHECK_FALSE(std::regex_search(
      text, std::regex(R"(geen (casus|signaal|controledag|klop-klopgesprek|HEIT-controle)[ .,])")));
}

const char* const kNumber = "(geen|[0-9][0-9.]*)";

WoonoverlastRow Row(const std::string& name, std::vector<int> cells) {
  WoonoverlastRow row;
  row.district = name;
  row.koop = {cells[0], cells[1]};
  row.corporatie = {cells[2], cells[3]};
  row.particulier = {cells[4], cells[5]};
  return row;
}

WoonoverlastReport WithTotals(WoonoverlastReport report) {
  report.totals = WoonoverlastRow{};
  report.totals.district = "Totaal";
  for (const auto& row : report.rows) {
    for (auto type : {HousingType::kKoop, HousingType::kCorporatie, HousingType::kParticulier}) {
      auto cell = const_cast<WoonoverlastRow&>(row).CellFor(type);
      report.totals.CellFor(type).lopend += cell.lopend;
      report.totals.CellFor(type).afgerond += cell.afgerond;
    }
  }
  return report;
}

}  // namespace

TEST_CASE(
    "The 2024 paragraph states 210 casussen, 142 lopend and 68 afgerond, and 99 lopende "
    "corporatie-casussen",
    "[domain][reports][paragraph]") {
  WoonoverlastReport report;
  report.title = {"Zoetermeer", "Tabel 5.1 Woonoverlast"};
  report.year = 2024;
  report.peildatum = Date(2024, 12, 31);
  report.rows = {Row("Centrum", {6, 3, 10, 5, 5, 2}),    Row("Meerzicht", {4, 6, 24, 9, 3, 0}),
                 Row("Buytenwegh", {0, 6, 24, 6, 0, 0}), Row("De Leyens", {0, 0, 8, 3, 0, 1}),
                 Row("Seghwaert", {8, 3, 14, 9, 0, 1}),  Row("Noordhove", {8, 1, 0, 1, 0, 0}),
                 Row("Rokkeveen", {5, 4, 8, 5, 0, 1}),   Row("Oosterheem", {3, 1, 11, 1, 1, 0})};
  report.new_in_year = 125;
  report.previous_year = {78, 37};
  report = WithTotals(report);
  const std::string text = WoonoverlastParagraph(report);
  CHECK(text ==
        "In 2024 behandelde team Woonoverlast van de gemeente Zoetermeer 210 casussen. Op 31 "
        "december 2024 waren daarvan 142 lopend en 68 afgerond. Dat zijn 95 casussen meer dan "
        "in 2023 (115). In 2024 werden 125 casussen nieuw gemeld. Het ging bij 138 casussen "
        "(66%) om een corporatiewoning, bij 58 om een koopwoning en bij 14 om een particuliere "
        "huurwoning. Op de peildatum waren er 99 lopende corporatie-casussen. De meeste casussen "
        "kwamen uit Meerzicht (46).\n");
}

TEST_CASE("For any Tabel 5.1 every figure of the paragraph reads back as the table has it",
          "[domain][reports][paragraph][property]") {
  std::mt19937 random(51);
  const auto small = [&](int most) {
    const int kind = static_cast<int>(random() % 4);  // many zeros and ones, some large
    if (kind == 0) return 0;
    if (kind == 1) return 1;
    return static_cast<int>(random() % static_cast<unsigned>(most + 1));
  };
  for (int run = 0; run < 400; ++run) {
    WoonoverlastReport report;
    report.year = 2000 + static_cast<int>(random() % 30);
    report.peildatum = Date::LastDayOfYear(report.year);
    if (random() % 2) report.title.municipality = "Delft";
    const int wijken = static_cast<int>(random() % 5);
    for (int w = 0; w < wijken; ++w) {
      const int scale = random() % 5 == 0 ? 3000 : 9;
      report.rows.push_back(Row(
          "Wijk " + std::string(1, static_cast<char>('A' + w)),
          {small(scale), small(scale), small(scale), small(scale), small(scale), small(scale)}));
    }
    report.new_in_year = small(20);
    report.previous_year = {small(3000), small(30)};
    report = WithTotals(report);
    const std::string text = WoonoverlastParagraph(report);
    INFO(text);
    CheckNoBadCounts(text);

    const LopendAfgerond total = report.totals.Sum();
    const int handled = total.Total();
    CHECK(Figure(Find(text, std::string("behandelde team Woonoverlast (van de gemeente Delft )?") +
                                kNumber + " casus")[2]) == handled);
    const int before = report.previous_year.Total();
    if (handled == before) {
      const auto same = Find(text, R"(evenveel als in (\d{4}) \(([0-9.]+)\))");
      CHECK(Figure(same[2]) == before);
    } else {
      const auto change =
          Find(text, R"(([0-9.]+) casus(sen)? (meer|minder) dan in (\d{4}) \(([0-9.]+)\))");
      CHECK(Figure(change[1]) == std::abs(handled - before));
      CHECK((change[3] == "meer") == (handled > before));
      CHECK(std::stoi(change[4]) == report.year - 1);
      CHECK(Figure(change[5]) == before);
    }
    CHECK(Figure(Find(text, std::string("(werd|werden) ") + kNumber +
                                " casus(sen)? nieuw gemeld")[2]) == report.new_in_year);
    if (handled == 0) {
      CHECK(text.find("lopend en") == std::string::npos);
      continue;
    }
    const auto states =
        Find(text, std::string("daarvan ") + kNumber + " lopend en " + kNumber + " afgerond");
    CHECK(Figure(states[1]) == total.lopend);
    CHECK(Figure(states[2]) == total.afgerond);
    const auto types =
        Find(text, std::string("bij ") + kNumber +
                       R"( casus(sen)? \((\d+)%\) om een corporatiewoning, bij )" + kNumber +
                       " om een koopwoning en bij " + kNumber + " om een particuliere huurwoning");
    const int corporatie = report.totals.corporatie.Total();
    CHECK(Figure(types[1]) == corporatie);
    CHECK(std::abs(std::stoi(types[3]) * handled - 100 * corporatie) * 2 <= handled);  // rounded
    CHECK(Figure(types[4]) == report.totals.koop.Total());
    CHECK(Figure(types[5]) == report.totals.particulier.Total());
    CHECK(Figure(Find(text,
                      std::string("(was|waren) er ") + kNumber + " lopende corporatie-casus")[2]) ==
          report.totals.corporatie.lopend);
    const auto most = Find(text, R"(kwamen uit (.+) \((elk )?([0-9.]+)\)\.)");
    int largest = 0;
    for (const auto& row : report.rows) largest = std::max(largest, row.Total());
    CHECK(Figure(most[3]) == largest);
    for (const auto& row : report.rows) {
      CHECK((most[1].str().find(row.district) != std::string::npos) == (row.Total() == largest));
    }
  }
}

TEST_CASE("For any ondermijning figures every figure of the paragraph reads back",
          "[domain][reports][paragraph][property]") {
  std::mt19937 random(61);
  const auto some = [&](int most) {
    const int kind = static_cast<int>(random() % 3);
    if (kind == 0) return 0;
    if (kind == 1) return 1;
    return static_cast<int>(random() % static_cast<unsigned>(most + 1));
  };
  const std::vector<std::pair<SignalSource, std::string>> sources = {
      {SignalSource::kMma, "via Meld Misdaad Anoniem"},
      {SignalSource::kMeldpunt, "via het meldpunt"},
      {SignalSource::kPartner, "van partners"},
      {SignalSource::kOverig, "uit overige bronnen"}};
  for (int run = 0; run < 400; ++run) {
    OndermijningReport report;
    auto& f = report.figures;
    f.year = 2024;
    f.peildatum = Date(2024, 12, 31);
    std::vector<int> counts;
    for (std::size_t i = 0; i < sources.size(); ++i) counts.push_back(some(2000));
    const auto percents = LargestRemainderPercentages(counts);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      f.signals.by_source.push_back({sources[i].first, {counts[i], percents[i]}});
      f.signals.total += counts[i];
    }
    f.cases.started_before_year = some(30);
    f.cases.started_in_year = some(30);
    f.cases.handled = f.cases.started_before_year + f.cases.started_in_year;
    f.cases.closed = f.cases.handled == 0 ? 0 : static_cast<int>(random() % (f.cases.handled + 1));
    f.cases.continuing = f.cases.handled - f.cases.closed;
    f.cases.outcomes = {some(5), some(5), some(5), 0};
    f.cases.outcomes.sluiting =
        f.cases.outcomes.handhaving == 0 ? 0 : some(f.cases.outcomes.handhaving);
    f.activities = {some(9), some(2000), some(50), some(9)};
    const std::string text = OndermijningParagraph(report);
    INFO(text);
    CheckNoBadCounts(text);

    CHECK(Figure(Find(text, std::string("(kwam|kwamen) ") + kNumber + " (signaal|signalen)")[2]) ==
          f.signals.total);
    for (std::size_t i = 0; i < sources.size(); ++i) {
      const std::string phrase = sources[i].second + " (";
      if (counts[i] == 0) {
        CHECK(text.find(phrase) == std::string::npos);
        continue;
      }
      const auto share =
          Find(text, std::string("([0-9.]+) ") + sources[i].second + R"( \((\d+)%\))");
      CHECK(Figure(share[1]) == counts[i]);
      CHECK(std::stoi(share[2]) == percents[i]);
    }
    CHECK(Figure(Find(text, std::string("ondermijningscluster behandelde ") + kNumber)[1]) ==
          f.cases.handled);
    if (f.cases.handled > 0) {
      const auto origin = Find(text, std::string(": ") + kNumber + " uit eerdere jaren en " +
                                         kNumber + " begonnen in 2024");
      CHECK(Figure(origin[1]) == f.cases.started_before_year);
      CHECK(Figure(origin[2]) == f.cases.started_in_year);
      const auto end = Find(text, std::string("(was|waren) er ") + kNumber +
                                      " afgesloten en (liep|liepen) er " + kNumber + " door");
      CHECK(Figure(end[2]) == f.cases.closed);
      CHECK(Figure(end[4]) == f.cases.continuing);
    }
    if (f.cases.closed > 0) {
      const auto o = Find(text, std::string(": ") + kNumber + " ontkracht, " + kNumber +
                                    " met onvoldoende aanknopingspunten en " + kNumber +
                                    " na handhaving, waarvan " + kNumber + " met een sluiting");
      CHECK(Figure(o[1]) == f.cases.outcomes.ontkracht);
      CHECK(Figure(o[2]) == f.cases.outcomes.onvoldoende_aanknopingspunten);
      CHECK(Figure(o[3]) == f.cases.outcomes.handhaving);
      CHECK(Figure(o[4]) == f.cases.outcomes.sluiting);
    }
    const auto a =
        Find(text, std::string("(was|waren) ") + kNumber + " controledag(en)? met samen " +
                       kNumber + " gecontroleerde? bedrij(f|ven), " + kNumber +
                       " klop-klopgesprek(ken)? en " + kNumber + " HEIT-controles?");
    CHECK(Figure(a[2]) == f.activities.control_days);
    CHECK(Figure(a[4]) == f.activities.companies_checked);
    CHECK(Figure(a[6]) == f.activities.knock_and_talk);
    CHECK(Figure(a[8]) == f.activities.heit_controls);
  }
}

TEST_CASE("Dutch numbers have a dot between thousands", "[domain][reports][paragraph]") {
  CHECK(DutchNumber(0) == "0");
  CHECK(DutchNumber(999) == "999");
  CHECK(DutchNumber(1000) == "1.000");
  CHECK(DutchNumber(1234567) == "1.234.567");
}
