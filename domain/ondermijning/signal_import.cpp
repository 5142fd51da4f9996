#include "domain/ondermijning/signal_import.hpp"

#include "domain/import_cells.hpp"

namespace casus::domain {

SignalImport::SignalImport(const CsvRecord& header)
    : index_(MapImportHeader(header, kSignalColumns)), width_(header.fields.size()) {}

std::optional<ImportedSignal> SignalImport::Map(const CsvRecord& row,
                                                std::vector<ImportProblem>& problems) const {
  const std::size_t problems_before = problems.size();
  const auto problem = [&](SignalColumn column, std::string reason) {
    problems.push_back({row.line,
                        std::string(kSignalColumns[static_cast<std::size_t>(column)].dutch),
                        std::move(reason)});
  };
  if (row.fields.size() != width_) {
    problems.push_back({row.line, "",
                        "the row has " + std::to_string(row.fields.size()) +
                            " fields where the header has " + std::to_string(width_)});
    return std::nullopt;
  }
  const auto cell = [&](SignalColumn column) -> std::string_view {
    const auto& index = index_[static_cast<std::size_t>(column)];
    return index ? TrimmedCell(row.fields[*index]) : std::string_view{};
  };
  const auto date = [&](SignalColumn column) -> std::optional<Date> {
    const auto parsed = ParseImportDate(cell(column));
    if (!parsed) {
      problem(column, "'" + std::string(cell(column)) + "' is not a date YYYY-MM-DD or DD-MM-YYYY");
    }
    return parsed;
  };

  ImportedSignal imported;
  imported.line = row.line;
  NewSignal& fields = imported.fields;
  if (const auto received_on = date(SignalColumn::kDatumOntvangst)) {
    fields.received_on = *received_on;
  }
  if (const auto source = ParseEnumCell<SignalSource>(cell(SignalColumn::kBron))) {
    fields.source = *source;
  } else {
    problem(SignalColumn::kBron, "'" + std::string(cell(SignalColumn::kBron)) +
                                     "' is not a source (" + EnumNamesOf<SignalSource>() + ")");
  }
  if (const auto text = cell(SignalColumn::kThema); !text.empty()) {
    for (const auto part : SplitCell(text)) {
      const auto theme = ParseEnumCell<Theme>(part);
      if (!theme) {
        problem(SignalColumn::kThema,
                "'" + std::string(part) + "' is not a theme (" + EnumNamesOf<Theme>() + ")");
        break;
      }
      fields.themes.push_back(*theme);
    }
  }
  fields.summary = std::string(cell(SignalColumn::kOmschrijving));
  if (const auto wijk = cell(SignalColumn::kWijk); !wijk.empty())
    fields.district = std::string(wijk);
  if (const auto ref = cell(SignalColumn::kExternalRef); !ref.empty()) {
    fields.external_ref = std::string(ref);
  }

  const auto status_text = cell(SignalColumn::kStatus);
  const auto status =
      status_text.empty() ? SignalStatus::kOpen : ParseEnumCell<SignalStatus>(status_text);
  if (!status || *status == SignalStatus::kLinked) {
    problem(SignalColumn::kStatus, "'" + std::string(status_text) +
                                       "' is not a status import takes (open, dismissed): a "
                                       "linked signal's casus is not in the file");
  } else if (*status == SignalStatus::kDismissed) {
    AssessmentRequest dismissal;
    dismissal.decision = AssessmentDecision::kDismiss;
    dismissal.on = date(SignalColumn::kDatumBeoordeling);
    if (const auto reason = cell(SignalColumn::kReden); !reason.empty()) {
      dismissal.reason = std::string(reason);
    }
    imported.dismissal = dismissal;
  } else if (!cell(SignalColumn::kDatumBeoordeling).empty() ||
             !cell(SignalColumn::kReden).empty()) {
    problem(SignalColumn::kStatus, "an open signal has no datum beoordeling or reden");
  }
  if (problems.size() != problems_before) return std::nullopt;
  return imported;
}

}  // namespace casus::domain
