#include "domain/ondermijning/signal_importer.hpp"

#include <string>

#include "domain/error.hpp"

namespace casus::domain {

namespace {

constexpr const char* kObject = "signals/import";

// The column a domain rule's message is about: the rules name the API's field ("themes needs a
// theme", "unknown district 'X'"), which the mapping knows as a column's alias.
std::string ColumnOf(const std::string& message) {
  for (const auto& name : kSignalColumns) {
    for (const auto alias : name.aliases) {
      if (alias.size() > 2 && message.find(alias) != std::string::npos) {
        return std::string(name.dutch);
      }
    }
  }
  return "";
}

struct CheckedSignal {
  NewSignal fields;
  std::optional<SignalAssessment> dismissal;
};

}  // namespace

ImportSummary SignalImporter::Import(const Actor& actor, std::string_view csv,
                                     const ImportOptions& options, const ImportProgress& progress) {
  gate_.RequireAllowed(actor, Action::kImportData, kObject);
  const std::vector<CsvRecord> records = ReadCsv(csv);
  if (records.empty()) throw DomainError(ErrorCode::kInvalid, "the file has no header row");
  const SignalImport mapping(records.front());

  ImportSummary summary;
  summary.rows = static_cast<std::int64_t>(records.size()) - 1;
  ExternalRefFilter new_rows(signals_.ExternalRefs());
  std::vector<CheckedSignal> accepted;
  for (std::size_t i = 1; i < records.size(); ++i) {
    const auto imported = mapping.Map(records[i], summary.problems);
    if (progress && (i % 1000 == 0 || i + 1 == records.size())) {
      progress(ImportStage::kChecking, static_cast<std::int64_t>(i), summary.rows);
    }
    if (!imported) continue;
    if (!new_rows.IsNew(imported->fields.external_ref, imported->line, summary)) continue;
    CheckedSignal checked;
    try {
      checked.fields = service_.CheckedNewSignal(imported->fields);
    } catch (const DomainError& error) {
      summary.problems.push_back({imported->line, ColumnOf(error.what()), error.what()});
      continue;
    }
    try {
      if (imported->dismissal) {
        checked.dismissal =
            service_.CheckedAssessment(checked.fields.received_on, *imported->dismissal);
      }
    } catch (const DomainError& error) {
      // Its date ("on ...") or its reason.
      const std::string message = error.what();
      summary.problems.push_back(
          {imported->line, message.starts_with("on ") ? "datum beoordeling" : "reden", message});
      continue;
    }
    accepted.push_back(std::move(checked));
  }

  StoreImport(
      actor, gate_, units_, kObject, options, accepted.size(),
      [&](std::size_t i) {
        const CheckedSignal& checked = accepted[i];
        const Signal signal = signals_.Create(checked.fields, clock_.NowUtc());
        if (checked.dismissal && !signals_.Assess(signal.id, *checked.dismissal)) {
          throw DomainError(ErrorCode::kConflict,
                            "signal " + std::to_string(signal.id) + " changed while imported");
        }
      },
      summary, progress);
  return summary;
}

}  // namespace casus::domain
