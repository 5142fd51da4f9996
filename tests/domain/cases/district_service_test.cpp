// The municipality's wijken as reference data: loading a file, renaming, retiring and
// reordering, and what each does to registrations and to the year reports of every year.

#include "domain/cases/district_service.hpp"

#include <catch2/catch.hpp>

#include "domain/cases/case_service.hpp"
#include "domain/error.hpp"
#include "support/error_code_of.hpp"
#include "support/in_memory_case_repository.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

struct MunicipalityFixture {
  casus::testing::InMemoryCaseRepository cases;
  casus::testing::FixedDistrictRepository districts;
  FixedClock clock{Date(2026, 3, 1)};
  CaseService service{cases, districts, clock};
  DistrictService wijken{districts, clock};

  MunicipalityFixture() {
    // The fake casussen name their wijk; in storage they point at it, so a rename reaches them.
    districts.renamed = [this](const std::string& from, const std::string& to) {
      cases.RenameDistrict(from, to);
    };
  }

  CaseId Register(const std::string& district, Date reported_on) {
    NewCase request;
    request.kind = CaseKind::kWoonoverlast;
    request.district = district;
    request.housing_type = HousingType::kKoop;
    request.reported_on = reported_on;
    request.categories = {NuisanceCategory::kGeluid};
    request.summary = "Harde muziek";
    return service.Register(request).id;
  }

  // The names of the rows of `year`'s Tabel 5.1.
  std::vector<std::string> Rows(int year) {
    std::vector<std::string> names;
    for (const auto& row : service.WoonoverlastYearReport(year).rows) names.push_back(row.district);
    return names;
  }

  const WoonoverlastRow& Row(const WoonoverlastReport& report, const std::string& name) {
    for (const auto& row : report.rows) {
      if (row.district == name) return row;
    }
    FAIL("no row " << name);
    return report.totals;
  }
};

const std::vector<std::string> kZoetermeer = {"Centrum",   "Meerzicht", "Buytenwegh", "De Leyens",
                                              "Seghwaert", "Noordhove", "Rokkeveen",  "Oosterheem"};

std::vector<DistrictRow> Delft() {
  return {{"Binnenstad", "WK050300", 1},
          {"Vrijenban", "WK050301", 2},
          {"Hof van Delft", "WK050302", 3},
          {"Voordijkshoorn", "WK050303", 4}};
}

}  // namespace

TEST_CASE_METHOD(MunicipalityFixture, "A wijk added as reference data gets its own row at the end",
                 "[domain][districts]") {
  wijken.Add("Palenstein");
  Register("Palenstein", Date(2024, 3, 1));
  const auto report = service.WoonoverlastYearReport(2024);
  REQUIRE(report.rows.size() == 9);
  CHECK(report.rows.back().district == "Palenstein");
  CHECK(report.rows.back().koop.lopend == 1);
  CHECK(CodeOf([&] { wijken.Add("Palenstein"); }) == ErrorCode::kConflict);
  CHECK(CodeOf([&] { wijken.Add("Totaal"); }) == ErrorCode::kInvalid);
  CHECK(CodeOf([&] { wijken.Add("Onbekend"); }) == ErrorCode::kInvalid);
  CHECK(CodeOf([&] { wijken.Add(" "); }) == ErrorCode::kInvalid);
}

TEST_CASE_METHOD(MunicipalityFixture,
                 "Loading a file gives wijken without a code theirs by name, and a second load "
                 "changes nothing",
                 "[domain][districts]") {
  std::vector<DistrictRow> rows;
  for (std::size_t i = 0; i < kZoetermeer.size(); ++i) {
    rows.push_back({kZoetermeer[i], "WK06370" + std::to_string(i + 1), static_cast<int>(i + 1)});
  }
  const auto first = wijken.Load(rows, false);
  CHECK(first.added == 0);
  CHECK(first.changed == 8);
  const auto all = wijken.List();
  REQUIRE(all.size() == 8);
  CHECK(all[0].code == "WK063701");
  CHECK(all[7].name == "Oosterheem");
  CHECK(all[7].code == "WK063708");

  const int stores = districts.stores;
  const auto second = wijken.Load(rows, false);
  CHECK(second.unchanged == 8);
  CHECK(second.changed == 0);
  CHECK(districts.stores == stores);  // nothing written
}

TEST_CASE_METHOD(MunicipalityFixture,
                 "A second municipality's file with --replace makes its wijken the whole set, "
                 "in its order, and its reports use them",
                 "[domain][districts]") {
  auto rows = Delft();
  std::swap(rows[0].order, rows[3].order);  // volgorde, not the line, decides
  const auto summary = wijken.Load(rows, true);
  CHECK(summary.added == 4);
  CHECK(summary.removed == 8);
  CHECK(service.Districts() ==
        std::vector<std::string>{"Voordijkshoorn", "Vrijenban", "Hof van Delft", "Binnenstad"});
  wijken.SetMunicipality("Delft", "Tabel 3 Woonoverlast");

  Register("Vrijenban", Date(2025, 2, 3));
  CHECK(CodeOf([&] { Register("Centrum", Date(2025, 2, 3)); }) == ErrorCode::kInvalid);
  const auto report = service.WoonoverlastYearReport(2025);
  CHECK(report.title.municipality == "Delft");
  CHECK(report.title.table_title == "Tabel 3 Woonoverlast");
  REQUIRE(report.rows.size() == 4);
  CHECK(report.rows[1].district == "Vrijenban");
  CHECK(report.rows[1].district_code == "WK050301");
  CHECK(report.rows[1].koop.lopend == 1);
  CHECK(WoonoverlastReportText(report).starts_with("Tabel 3 Woonoverlast 2025 (peildatum"));
}

TEST_CASE_METHOD(MunicipalityFixture,
                 "Replacing the set is refused, naming them, while wijken not in the file have "
                 "casussen, retired ones with casussen stay",
                 "[domain][districts]") {
  const auto all = wijken.List();
  districts.in_use = {all[0].id, all[1].id};  // Centrum, Meerzicht
  try {
    wijken.Load(Delft(), true);
    FAIL("loaded");
  } catch (const DomainError& error) {
    CHECK(error.code() == ErrorCode::kConflict);
    CHECK(std::string(error.what()).find("Centrum, Meerzicht") != std::string::npos);
  }
  CHECK(wijken.List() == all);  // nothing changed

  wijken.Retire("Centrum", Date(2026, 1, 1));
  wijken.Retire("Meerzicht", Date(2026, 1, 1));
  const auto summary = wijken.Load(Delft(), true);
  CHECK(summary.removed == 6);
  CHECK(summary.kept_retired == std::vector<std::string>{"Centrum", "Meerzicht"});
  const auto now = wijken.List();
  REQUIRE(now.size() == 6);
  CHECK(now[4].name == "Centrum");  // after the file's
  CHECK(now[4].position == 5);
}

TEST_CASE_METHOD(MunicipalityFixture,
                 "A wijk retired mid-year keeps its casussen and its row in the years it had "
                 "any, and takes no new casus",
                 "[domain][districts]") {
  const CaseId old = Register("Noordhove", Date(2025, 3, 1));
  wijken.Retire("Noordhove", Date(2025, 7, 1));

  CHECK(CodeOf([&] { Register("Noordhove", Date(2025, 7, 1)); }) == ErrorCode::kInvalid);
  Register("Noordhove", Date(2025, 6, 30));  // reported before: a file entered late
  CHECK(service.Districts().size() == 7);

  // 2024: it was a wijk then, with no casus: its row stands as before.
  CHECK(Rows(2024) == kZoetermeer);
  // 2025: retired on the way, with two casussen: its row, by its name.
  const auto report = service.WoonoverlastYearReport(2025);
  CHECK(Row(report, "Noordhove").koop.lopend == 2);
  CHECK(Rows(2025) == kZoetermeer);
  // 2026: still two lopende casussen; a year after they closed it would go.
  CHECK(Rows(2026) == kZoetermeer);
  service.Transition(old, {CaseState::kLopend, Date(2025, 4, 1), std::nullopt, std::nullopt}, {});
  service.Transition(
      old, {CaseState::kAfgerond, Date(2025, 5, 1), std::nullopt, CloseResult::kOpgelost}, {});
  CHECK(Row(service.WoonoverlastYearReport(2026), "Noordhove").koop.lopend == 1);

  // A correction of another field leaves the retired wijk as it is; moving into it is refused.
  const CaseId other = Register("Centrum", Date(2025, 8, 1));
  CaseCorrection summary;
  summary.summary = "Harde muziek, ook 's nachts";
  summary.reason = "aangevuld";
  service.Correct(old, summary, std::nullopt, "alice", {});
  CaseCorrection move;
  move.district = std::optional<std::string>("Noordhove");
  move.reason = "verkeerde wijk";
  CHECK(CodeOf([&] { service.Correct(other, move, std::nullopt, "alice", {}); }) ==
        ErrorCode::kInvalid);
}

TEST_CASE_METHOD(MunicipalityFixture,
                 "A wijk renamed mid-year has its old name in the reports before, its new one "
                 "from the year of the rename",
                 "[domain][districts]") {
  Register("Centrum", Date(2024, 5, 1));
  wijken.Rename("Centrum", "Stadshart", Date(2025, 7, 1));

  CHECK(service.WoonoverlastYearReport(2024).rows.front().district == "Centrum");
  CHECK(service.WoonoverlastYearReport(2025).rows.front().district == "Stadshart");
  CHECK(service.WoonoverlastYearReport(2024).rows.front().koop.lopend == 1);
  CHECK(service.WoonoverlastYearReport(2025).rows.front().koop.lopend == 1);
  // A period ending before the rename has the old name too.
  CHECK(
      service.WoonoverlastForPeriod({Date(2025, 1, 1), Date(2025, 6, 30)}).rows.front().district ==
      "Centrum");
  // New casussen name it by its name now.
  CHECK(CodeOf([&] { Register("Centrum", Date(2026, 1, 5)); }) == ErrorCode::kInvalid);
  Register("Stadshart", Date(2026, 1, 5));

  // A second rename on the same day corrects the first; one before it is refused.
  wijken.Rename("Stadshart", "Stadscentrum", Date(2025, 7, 1));
  const auto centrum = wijken.List().front();
  CHECK(centrum.former_names == std::vector<FormerDistrictName>{{"Centrum", Date(2025, 6, 30)}});
  CHECK(CodeOf([&] { wijken.Rename("Stadscentrum", "Hart", Date(2025, 1, 1)); }) ==
        ErrorCode::kInvalid);
  CHECK(CodeOf([&] { wijken.Rename("Stadscentrum", "Meerzicht"); }) == ErrorCode::kConflict);
}

TEST_CASE_METHOD(MunicipalityFixture, "Reorder moves a wijk's row, positions stay 1..n",
                 "[domain][districts]") {
  wijken.Reorder("Oosterheem", 1);
  CHECK(Rows(2024).front() == "Oosterheem");
  CHECK(Rows(2024).back() == "Rokkeveen");
  for (std::size_t i = 0; i < wijken.List().size(); ++i) {
    CHECK(wijken.List()[i].position == static_cast<int>(i + 1));
  }
  CHECK(CodeOf([&] { wijken.Reorder("Oosterheem", 9); }) == ErrorCode::kInvalid);
  CHECK(CodeOf([&] { wijken.Reorder("Palenstein", 1); }) == ErrorCode::kNotFound);
}

TEST_CASE("A wijken file is read with Dutch or English headers, semicolon or comma, and a BOM",
          "[domain][districts]") {
  const auto dutch = ReadDistrictFile(
      "\xEF\xBB\xBFVolgorde;Naam;Code\r\n2;\"Hof van Delft\";wk050302\r\n1;Binnenstad;WK050300\r\n"
      ";;\r\n");
  CHECK(dutch ==
        std::vector<DistrictRow>{{"Hof van Delft", "WK050302", 2}, {"Binnenstad", "WK050300", 1}});
  const auto english = ReadDistrictFile("name,code,order,inhabitants\nVrijenban,WK050301,1,8000\n");
  CHECK(english == std::vector<DistrictRow>{{"Vrijenban", "WK050301", 1}});
}

TEST_CASE("A wijken file with a wrong line is refused, naming the line", "[domain][districts]") {
  const auto refusal = [](const std::string& text) {
    try {
      ReadDistrictFile(text);
    } catch (const DomainError& error) {
      CHECK(error.code() == ErrorCode::kInvalid);
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(refusal("naam,volgorde\nA,1\n").find("line 1") == 0);
  CHECK(refusal("naam,code,volgorde\nA,WK0503,1\n").find("line 2") == 0);
  CHECK(refusal("naam,code,volgorde\nA,WK050300,1\nB,WK050300,2\n").find("line 3") == 0);
  CHECK(refusal("naam,code,volgorde\nA,WK050300,1\nA,WK050301,2\n").find("line 3") == 0);
  CHECK(refusal("naam,code,volgorde\nA,WK050300,1\nB,WK050301,1\n").find("line 3") == 0);
  CHECK(refusal("naam,code,volgorde\nA,WK050300,een\n").find("line 2") == 0);
  CHECK(refusal("naam,code,volgorde\nTotaal,WK050300,1\n").find("line 2") == 0);
  CHECK(refusal("naam,code,volgorde\n\"A,WK050300,1\n").find("line 2") == 0);
  CHECK(refusal("") != "accepted");
}
