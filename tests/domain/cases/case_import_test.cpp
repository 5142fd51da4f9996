#include "domain/cases/case_import.hpp"

#include <catch2/catch.hpp>

#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"
#include "support/error_code_of.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {

using casus::testing::CodeOf;

// The import file's rows as ReadCsv gives them.
std::vector<CsvRecord> Rows(const std::string& text) { return ReadCsv(text); }

const std::string kDutchHeader =
    "Wijk;Woningtype;Datum melding;Categorie;Omschrijving;Status;Datum afgerond;External_ref\n";

}  // namespace

TEST_CASE("Import dates are read as YYYY-MM-DD and as DD-MM-YYYY, nothing else",
          "[domain][import]") {
  CHECK(ParseImportDate("2024-03-01") == Date(2024, 3, 1));
  CHECK(ParseImportDate("01-03-2024") == Date(2024, 3, 1));
  CHECK(ParseImportDate(" 31-12-2023 ") == Date(2023, 12, 31));
  CHECK_FALSE(ParseImportDate("1-3-2024"));
  CHECK_FALSE(ParseImportDate("31-02-2024"));
  CHECK_FALSE(ParseImportDate("2024/03/01"));
  CHECK_FALSE(ParseImportDate(""));
}

TEST_CASE("Dutch headers are matched trimmed and in any case, the JSON field names as well",
          "[domain][import]") {
  CHECK(ImportColumnOf(" Datum Melding ") == ImportColumn::kDatumMelding);
  CHECK(ImportColumnOf("DATUM_AFGEROND") == ImportColumn::kDatumAfgerond);
  CHECK(ImportColumnOf("reported_on") == ImportColumn::kDatumMelding);
  CHECK(ImportColumnOf("housing_type") == ImportColumn::kWoningtype);
  CHECK(ImportColumnOf("categories") == ImportColumn::kCategorie);
  CHECK(ImportColumnOf("summary") == ImportColumn::kOmschrijving);
  CHECK(ImportColumnOf("state") == ImportColumn::kStatus);
  CHECK(ImportColumnOf("district") == ImportColumn::kWijk);
  CHECK_FALSE(ImportColumnOf("adres"));
}

TEST_CASE(
    "A Dutch row maps to the casus with its categories split on | and its dates in either "
    "form",
    "[domain][import]") {
  const auto rows = Rows(kDutchHeader +
                         "Centrum;Corporatie;01-03-2024;geluid | Verward gedrag;Harde muziek;"
                         "afgerond;15-04-2024;X-1\n");
  const CaseImport mapping(rows[0]);
  std::vector<ImportProblem> problems;
  const auto imported = mapping.Map(rows[1], problems);
  REQUIRE(problems.empty());
  REQUIRE(imported);
  CHECK(imported->line == 2);
  CHECK(imported->fields.kind == CaseKind::kWoonoverlast);
  CHECK(imported->fields.district == "Centrum");
  CHECK(imported->fields.housing_type == HousingType::kCorporatie);
  CHECK(imported->fields.reported_on == Date(2024, 3, 1));
  CHECK(imported->fields.categories ==
        std::vector{NuisanceCategory::kGeluid, NuisanceCategory::kVerwardGedrag});
  CHECK(imported->fields.summary == "Harde muziek");
  CHECK(imported->fields.external_ref == "X-1");
  // afgerond without a historie: lopend on the reported date, closed on datum afgerond.
  REQUIRE(imported->moves.size() == 2);
  CHECK(imported->moves[0].to == CaseState::kLopend);
  CHECK(imported->moves[0].on == Date(2024, 3, 1));
  CHECK(imported->moves[1].to == CaseState::kAfgerond);
  CHECK(imported->moves[1].on == Date(2024, 4, 15));
}

TEST_CASE("Each status is reached along the allowed transitions of the lifecycle",
          "[domain][import]") {
  for (const auto& [state, path] : kImportPaths) {
    CaseState from = CaseState::kGemeld;
    for (const auto step : path) {
      if (step == CaseState::kGemeld) break;
      CHECK(IsAllowedTransition(from, step));
      from = step;
    }
    CHECK(from == state);
  }
}

TEST_CASE("A historie gives the moves as written, a re-opening with the import's reason",
          "[domain][import]") {
  const auto rows = Rows(
      "wijk,woningtype,datum melding,categorie,omschrijving,status,datum afgerond,historie\n"
      "Centrum,koop,2023-01-02,zorg,Tekst,lopend,,"
      "lopend@2023-01-05|afgerond@2023-02-01|lopend@2023-06-01\n");
  const CaseImport mapping(rows[0]);
  std::vector<ImportProblem> problems;
  const auto imported = mapping.Map(rows[1], problems);
  REQUIRE(imported);
  REQUIRE(imported->moves.size() == 3);
  CHECK(imported->moves[1].to == CaseState::kAfgerond);
  CHECK(imported->moves[1].on == Date(2023, 2, 1));
  CHECK_FALSE(imported->moves[1].reason);
  CHECK(imported->moves[2].reason == std::string(kImportedReopeningReason));
}

TEST_CASE("Bad rows are refused with their line, column and reason", "[domain][import]") {
  const auto rows = Rows(kDutchHeader +
                         "Centrum;villa;2024-13-01;geluid;Tekst;lopend;;A\n"           // line 2
                         "Centrum;koop;2024-03-01;lawaai;Tekst;;;B\n"                  // line 3
                         "Centrum;koop;2024-03-01;geluid;Tekst;afgerond;;C\n"          // line 4
                         "Centrum;koop;2024-03-01;geluid;Tekst;lopend;2024-04-01;D\n"  // 5
                         "Centrum;koop;2024-03-01;geluid;Tekst;weg;;E\n"               // 6
                         "Centrum;koop\n");                                            // 7
  const CaseImport mapping(rows[0]);
  std::vector<ImportProblem> problems;
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK_FALSE(mapping.Map(rows[i], problems));
  REQUIRE(problems.size() == 7);
  CHECK(problems[0].line == 2);
  CHECK(problems[0].column == "woningtype");
  CHECK(problems[0].reason.find("'villa' is not a woningtype") != std::string::npos);
  CHECK(problems[1].line == 2);
  CHECK(problems[1].column == "datum melding");
  CHECK(problems[2] == ImportProblem{3, "categorie",
                                     "'lawaai' is not a category (geluid, zorg, wederzijds, "
                                     "verward_gedrag, verslaving, verzamelwoede, vervuiling, "
                                     "huisdieren, overig)"});
  CHECK(problems[3].line == 4);
  CHECK(problems[3].column == "datum afgerond");
  CHECK(problems[4].line == 5);
  CHECK(problems[4].column == "datum afgerond");
  CHECK(problems[5].line == 6);
  CHECK(problems[5].column == "status");
  CHECK(problems[6].line == 7);
  CHECK(problems[6].column.empty());
}

TEST_CASE("A historie that does not end in the status, or a malformed move, is refused",
          "[domain][import]") {
  const auto rows = Rows(
      "wijk,woningtype,datum melding,categorie,omschrijving,status,historie\n"
      "Centrum,koop,2023-01-02,zorg,Tekst,afgerond,lopend@2023-01-05\n"
      "Centrum,koop,2023-01-02,zorg,Tekst,,lopend 2023-01-05\n");
  const CaseImport mapping(rows[0]);
  std::vector<ImportProblem> problems;
  CHECK_FALSE(mapping.Map(rows[1], problems));
  CHECK_FALSE(mapping.Map(rows[2], problems));
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].column == "status");
  CHECK(problems[1].column == "historie");
}

TEST_CASE("A header with an unknown, repeated or missing required column is refused whole",
          "[domain][import]") {
  CHECK(CodeOf([] {
          CaseImport(
              Rows("wijk,woningtype,datum melding,categorie,omschrijving,"
                   "adres\n")[0]);
        }) == ErrorCode::kInvalid);
  CHECK(CodeOf([] {
          CaseImport(Rows("wijk,district,woningtype,datum melding,categorie,omschrijving\n")[0]);
        }) == ErrorCode::kInvalid);
  CHECK(CodeOf([] { CaseImport(Rows("wijk,woningtype,datum melding,categorie\n")[0]); }) ==
        ErrorCode::kInvalid);
}
