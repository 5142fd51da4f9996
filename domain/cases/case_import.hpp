#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/cases/case_state.hpp"
#include "domain/cases/casus.hpp"
#include "domain/cases/import_column.hpp"
#include "domain/cases/import_problem.hpp"
#include "domain/cases/transition.hpp"
#include "domain/csv.hpp"
#include "domain/import_cells.hpp"

namespace casus::domain {

// One row of a woonoverlast spreadsheet as a casus: what registers it, and the moves that
// bring it to its state, oldest first. Not yet checked against the domain rules (CaseImporter
// does that through CaseService).
struct ImportedCase {
  int line = 0;
  NewCase fields;
  std::vector<TransitionRequest> moves;
};

// How a status beyond gemeld is reached when a row has no `historie`: the moves from gemeld,
// along kAllowedTransitions (the shortest way, no re-opening). The last move into a closed
// state is dated `datum afgerond`, every other one `datum melding`.
inline constexpr std::array<std::pair<CaseState, std::array<CaseState, 3>>, 6> kImportPaths = {{
    {CaseState::kGemeld, {}},
    {CaseState::kLopend, {CaseState::kLopend}},
    {CaseState::kHandhaving, {CaseState::kLopend, CaseState::kHandhaving}},
    {CaseState::kSluiting, {CaseState::kLopend, CaseState::kHandhaving, CaseState::kSluiting}},
    {CaseState::kOntkracht, {CaseState::kOntkracht}},
    {CaseState::kAfgerond, {CaseState::kLopend, CaseState::kAfgerond}},
}};

// The reason recorded for a re-opening that an imported `historie` holds (the lifecycle
// requires one; the spreadsheet does not carry it).
inline constexpr std::string_view kImportedReopeningReason =
    "heropend volgens de historie (import)";

// The mapping of a woonoverlast spreadsheet's rows (the columns of kImportColumns) to
// ImportedCase. Pure: no storage, no clock; the domain rules come after (CaseImporter).
//
// Cells: `categorie` holds one or more categories separated by `|`; enum cells (woningtype,
// categorie, status) are matched trimmed and case-insensitively, a space as `_`; `historie`
// is the moves after the registration as `state@date` separated by `|` (what export writes:
// lopend@2024-01-05|afgerond@2024-03-01). Thread-safety: immutable after construction.
class CaseImport {
 public:
  // Maps the header record. Throws DomainError(kInvalid) naming the header for one that names
  // no column (a typo would silently lose a column), a column named twice, or a required
  // column missing.
  explicit CaseImport(const CsvRecord& header);

  // `row` as a casus; nullopt, with one problem per column that is wrong appended to
  // `problems`, when it cannot be one.
  std::optional<ImportedCase> Map(const CsvRecord& row, std::vector<ImportProblem>& problems) const;

  // Whether the file has the column.
  bool Has(ImportColumn column) const;

 private:
  // The index of each column in a record, by ImportColumn; nullopt when absent.
  std::array<std::optional<std::size_t>, kImportColumns.size()> index_{};
  std::size_t width_ = 0;
};

}  // namespace casus::domain
