#include "domain/cases/case_importer.hpp"

#include <string>

#include "domain/error.hpp"

namespace casus::domain {

namespace {

constexpr const char* kObject = "cases/import/woonoverlast";

// The column a domain rule's message is about: the rules name the API's field ("unknown
// district 'X'", "summary is empty"), which the mapping knows as a column's alias; the first
// in the mapping's order. Empty when it names none.
std::string ColumnOf(const std::string& message) {
  for (const auto& name : kImportColumns) {
    for (const auto alias : name.aliases) {
      if (!alias.empty() && message.find(alias) != std::string::npos) {
        return std::string(name.dutch);
      }
    }
  }
  return "";
}

// A casus that passed every rule, with the history rows it is stored with.
struct CheckedCase {
  NewCase fields;
  TransitionRecord registration;
  std::vector<TransitionRecord> moves;
};

}  // namespace

ImportSummary CaseImporter::Import(const Actor& actor, std::string_view csv,
                                   const ImportOptions& options, const ImportProgress& progress) {
  gate_.RequireAllowed(actor, Action::kImportData, kObject);
  const std::vector<CsvRecord> records = ReadCsv(csv);
  if (records.empty()) throw DomainError(ErrorCode::kInvalid, "the file has no header row");
  const CaseImport mapping(records.front());
  const std::string moves_column = mapping.Has(ImportColumn::kHistorie) ? "historie" : "status";

  ImportSummary summary;
  summary.rows = static_cast<std::int64_t>(records.size()) - 1;
  ExternalRefFilter new_rows(cases_.ExternalRefs(CaseKind::kWoonoverlast));
  std::vector<CheckedCase> accepted;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto imported = mapping.Map(records[i], summary.problems);
    if (progress && (i % 1000 == 0 || i + 1 == records.size())) {
      progress(ImportStage::kChecking, static_cast<std::int64_t>(i), summary.rows);
    }
    if (!imported) continue;
    const int line = imported->line;
    if (!new_rows.IsNew(imported->fields.external_ref, line, summary)) continue;
    CheckedCase checked;
    try {
      checked.fields = service_.CheckedNewCase(imported->fields);
    } catch (const DomainError& error) {
      summary.problems.push_back({line, ColumnOf(error.what()), error.what()});
      continue;
    }
    checked.registration.to = CaseState::kGemeld;
    checked.registration.on = checked.fields.reported_on;
    checked.registration.recorded_at = clock_.NowUtc();
    // The casus as it would stand after each move, for the next move's check.
    Casus casus;
    casus.kind = checked.fields.kind;
    casus.state = CaseState::kGemeld;
    casus.last_change_on = checked.fields.reported_on;
    try {
      for (const auto& move : imported->moves) {
        checked.moves.push_back(service_.CheckedTransition(casus, move));
        casus.state = move.to;
        casus.last_change_on = move.on;
      }
    } catch (const DomainError& error) {
      summary.problems.push_back({line, moves_column, error.what()});
      continue;
    }
    accepted.push_back(std::move(checked));
  }

  StoreImport(
      actor, gate_, units_, kObject, options, accepted.size(),
      [&](std::size_t i) {
        const CheckedCase& checked = accepted[i];
        const Casus casus = cases_.Create(checked.fields, checked.registration);
        std::int64_t version = casus.version;
        for (const auto& record : checked.moves) {
          if (!cases_.AppendTransition(casus.id, version++, record)) {
            throw DomainError(ErrorCode::kStaleVersion,
                              "casus " + std::to_string(casus.id) + " changed while imported");
          }
        }
      },
      summary, progress);
  return summary;
}

}  // namespace casus::domain
