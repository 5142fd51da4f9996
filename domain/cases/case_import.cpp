#include "domain/cases/case_import.hpp"

#include <algorithm>

#include "domain/cases/lifecycle.hpp"
#include "domain/error.hpp"

namespace casus::domain {

namespace {

std::array<CaseState, 3> PathTo(CaseState state, std::size_t& length) {
  for (const auto& [target, path] : kImportPaths) {
    if (target != state) continue;
    length = static_cast<std::size_t>(std::find(path.begin(), path.end(), CaseState::kGemeld) -
                                      path.begin());
    return path;
  }
  length = 0;
  return {};
}

}  // namespace

CaseImport::CaseImport(const CsvRecord& header)
    : index_(MapImportHeader(header, kImportColumns)), width_(header.fields.size()) {}

bool CaseImport::Has(ImportColumn column) const {
  return index_[static_cast<std::size_t>(column)].has_value();
}

std::optional<ImportedCase> CaseImport::Map(const CsvRecord& row,
                                            std::vector<ImportProblem>& problems) const {
  const std::size_t problems_before = problems.size();
  const auto problem = [&](ImportColumn column, std::string reason) {
    problems.push_back({row.line, std::string(DutchHeader(column)), std::move(reason)});
  };
  if (row.fields.size() != width_) {
    problems.push_back({row.line, "",
                        "the row has " + std::to_string(row.fields.size()) +
                            " fields where the header has " + std::to_string(width_)});
    return std::nullopt;
  }
  const auto cell = [&](ImportColumn column) -> std::string_view {
    const auto& index = index_[static_cast<std::size_t>(column)];
    return index ? TrimmedCell(row.fields[*index]) : std::string_view{};
  };

  ImportedCase imported;
  imported.line = row.line;
  NewCase& fields = imported.fields;
  fields.kind = CaseKind::kWoonoverlast;
  if (!cell(ImportColumn::kWijk).empty()) fields.district = std::string(cell(ImportColumn::kWijk));
  // Empty cells are left to the domain rules, which say what is required.
  if (const auto text = cell(ImportColumn::kWoningtype); !text.empty()) {
    fields.housing_type = ParseEnumCell<HousingType>(text);
    if (!fields.housing_type) {
      problem(ImportColumn::kWoningtype, "'" + std::string(text) + "' is not a woningtype (" +
                                             EnumNamesOf<HousingType>() + ")");
    }
  }
  const auto reported_on = ParseImportDate(cell(ImportColumn::kDatumMelding));
  if (reported_on) {
    fields.reported_on = *reported_on;
  } else {
    problem(ImportColumn::kDatumMelding, "'" + std::string(cell(ImportColumn::kDatumMelding)) +
                                             "' is not a date YYYY-MM-DD or DD-MM-YYYY");
  }
  if (const auto text = cell(ImportColumn::kCategorie); !text.empty()) {
    for (const auto part : SplitCell(text)) {
      const auto category = ParseEnumCell<NuisanceCategory>(part);
      if (!category) {
        problem(ImportColumn::kCategorie, "'" + std::string(part) + "' is not a category (" +
                                              EnumNamesOf<NuisanceCategory>() + ")");
        break;
      }
      fields.categories.push_back(*category);
    }
  }
  fields.summary = std::string(cell(ImportColumn::kOmschrijving));
  if (const auto ref = cell(ImportColumn::kExternalRef); !ref.empty()) {
    fields.external_ref = std::string(ref);
  }

  std::optional<CaseState> status;
  if (const auto text = cell(ImportColumn::kStatus); !text.empty()) {
    status = ParseEnumCell<CaseState>(text);
    if (!status) {
      problem(ImportColumn::kStatus,
              "'" + std::string(text) + "' is not a status (" + EnumNamesOf<CaseState>() + ")");
    }
  }
  std::optional<Date> closed_on;
  if (const auto text = cell(ImportColumn::kDatumAfgerond); !text.empty()) {
    closed_on = ParseImportDate(text);
    if (!closed_on) {
      problem(ImportColumn::kDatumAfgerond,
              "'" + std::string(text) + "' is not a date YYYY-MM-DD or DD-MM-YYYY");
    }
  }
  if (problems.size() != problems_before) return std::nullopt;

  if (const auto history = cell(ImportColumn::kHistorie); !history.empty()) {
    // The moves as written; the lifecycle rules judge them later.
    for (const auto part : SplitCell(history)) {
      const auto at = part.find('@');
      const auto to = at == std::string_view::npos ? std::nullopt
                                                   : ParseEnumCell<CaseState>(part.substr(0, at));
      const auto on =
          at == std::string_view::npos ? std::nullopt : ParseImportDate(part.substr(at + 1));
      if (!to || !on) {
        problem(ImportColumn::kHistorie,
                "'" + std::string(part) + "' is not a move state@YYYY-MM-DD");
        return std::nullopt;
      }
      TransitionRequest move;
      move.to = *to;
      move.on = *on;
      const CaseState from = imported.moves.empty() ? CaseState::kGemeld : imported.moves.back().to;
      if (IsReopening(from, move.to)) move.reason = std::string(kImportedReopeningReason);
      imported.moves.push_back(move);
    }
    const CaseState last = imported.moves.back().to;
    if (status && *status != last) {
      problem(ImportColumn::kStatus, "status " + std::string(Name(*status)) +
                                         " is not where the historie ends (" +
                                         std::string(Name(last)) + ")");
    } else if (closed_on && (!IsClosed(last) || *closed_on != imported.moves.back().on)) {
      problem(ImportColumn::kDatumAfgerond,
              "datum afgerond " + closed_on->ToString() +
                  " is not the date the historie closes the casus on");
    }
    if (problems.size() != problems_before) return std::nullopt;
    return imported;
  }

  const CaseState target = status.value_or(CaseState::kGemeld);
  if (IsClosed(target) && !closed_on) {
    problem(ImportColumn::kDatumAfgerond,
            "status " + std::string(Name(target)) + " needs the date it was closed on");
    return std::nullopt;
  }
  if (!IsClosed(target) && closed_on) {
    problem(ImportColumn::kDatumAfgerond,
            "a casus in status " + std::string(Name(target)) + " has no datum afgerond");
    return std::nullopt;
  }
  std::size_t length = 0;
  const auto path = PathTo(target, length);
  for (std::size_t i = 0; i < length; ++i) {
    TransitionRequest move;
    move.to = path[i];
    move.on = (i + 1 == length && IsClosed(path[i])) ? *closed_on : fields.reported_on;
    imported.moves.push_back(move);
  }
  return imported;
}

}  // namespace casus::domain
