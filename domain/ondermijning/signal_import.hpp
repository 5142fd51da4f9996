#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include "domain/cases/import_problem.hpp"
#include "domain/csv.hpp"
#include "domain/ondermijning/signal.hpp"
#include "domain/ondermijning/signal_service.hpp"

namespace casus::domain {

// The columns of an ondermijning signals spreadsheet that `casus import signals` reads.
enum class SignalColumn {
  kDatumOntvangst,
  kBron,
  kThema,
  kOmschrijving,
  kWijk,
  kStatus,
  kDatumBeoordeling,
  kReden,
  kExternalRef,
};

// One column: its Dutch header, the other headers accepted (the API's JSON field names), and
// whether a file must have it.
struct SignalColumnName {
  SignalColumn column;
  std::string_view dutch;
  std::array<std::string_view, 2> aliases;
  bool required;
};

// The mapping as data, in the order of SignalColumn (SignalImport indexes it by enumerator).
inline constexpr std::array<SignalColumnName, 9> kSignalColumns = {{
    {SignalColumn::kDatumOntvangst, "datum ontvangst", {"received_on", ""}, true},
    {SignalColumn::kBron, "bron", {"source", ""}, true},
    {SignalColumn::kThema, "thema", {"themes", "theme"}, true},
    {SignalColumn::kOmschrijving, "omschrijving", {"summary", ""}, true},
    {SignalColumn::kWijk, "wijk", {"district", ""}, false},
    {SignalColumn::kStatus, "status", {"", ""}, false},
    {SignalColumn::kDatumBeoordeling, "datum beoordeling", {"assessed_on", "on"}, false},
    {SignalColumn::kReden, "reden", {"reason", ""}, false},
    {SignalColumn::kExternalRef, "external_ref", {"externe referentie", ""}, false},
}};

// One row of a signals spreadsheet: the signal as received and, for a dismissed one, its
// dismissal. Not yet checked against the domain rules (SignalImporter does that).
struct ImportedSignal {
  int line = 0;
  NewSignal fields;
  std::optional<AssessmentRequest> dismissal;
};

// The mapping of a signals spreadsheet's rows to ImportedSignal. Pure. Cells as in CaseImport
// (import_cells.hpp): `thema` one or more themes separated by `|`; `bron` mma, meldpunt,
// partner or overig; `status` open (the default) or dismissed, which needs `datum
// beoordeling` and `reden`. A signal linked to a casus, or opening one, is not imported: the
// casus is not in the file (assess it after the import). The reporter and address are
// personal data and not read. Thread-safety: immutable after construction.
class SignalImport {
 public:
  // Throws DomainError(kInvalid) as MapImportHeader.
  explicit SignalImport(const CsvRecord& header);

  // `row` as a signal; nullopt, with one problem per wrong column appended to `problems`,
  // when it cannot be one.
  std::optional<ImportedSignal> Map(const CsvRecord& row,
                                    std::vector<ImportProblem>& problems) const;

 private:
  std::array<std::optional<std::size_t>, kSignalColumns.size()> index_{};
  std::size_t width_ = 0;
};

}  // namespace casus::domain
