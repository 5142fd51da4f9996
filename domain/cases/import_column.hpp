#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace casus::domain {

// The columns of a woonoverlast spreadsheet that `casus import` reads and `casus export`
// writes (README, "Importing old spreadsheets and exporting a team's cases").
enum class ImportColumn {
  kWijk,
  kWoningtype,
  kDatumMelding,
  kCategorie,
  kOmschrijving,
  kStatus,
  kDatumAfgerond,
  kHistorie,
  kExternalRef,
};

// One column: the Dutch header export writes, the other headers import accepts for it (the
// API's JSON field names), and whether a file must have it.
struct ImportColumnName {
  ImportColumn column;
  std::string_view dutch;
  std::array<std::string_view, 2> aliases;
  bool required;
};

// The column mapping as data, in the order export writes the columns and of ImportColumn
// (CaseImport indexes it by the enumerator).
inline constexpr std::array<ImportColumnName, 9> kImportColumns = {{
    {ImportColumn::kWijk, "wijk", {"district", ""}, true},
    {ImportColumn::kWoningtype, "woningtype", {"housing_type", ""}, true},
    {ImportColumn::kDatumMelding, "datum melding", {"reported_on", ""}, true},
    {ImportColumn::kCategorie, "categorie", {"categories", "category"}, true},
    {ImportColumn::kOmschrijving, "omschrijving", {"summary", ""}, true},
    {ImportColumn::kStatus, "status", {"state", ""}, false},
    {ImportColumn::kDatumAfgerond, "datum afgerond", {"closed_on", ""}, false},
    {ImportColumn::kHistorie, "historie", {"history", ""}, false},
    {ImportColumn::kExternalRef, "external_ref", {"externe referentie", ""}, false},
}};

// The Dutch header of `column` (what error files and export name it by).
std::string_view DutchHeader(ImportColumn column);

// The column a header names: compared trimmed, case-insensitively, `_` as a space; nullopt
// for a header that names none.
std::optional<ImportColumn> ImportColumnOf(std::string_view header);

}  // namespace casus::domain
