#include "domain/import_run.hpp"

#include <algorithm>

#include "domain/error.hpp"

namespace casus::domain {

bool ExternalRefFilter::IsNew(const std::optional<std::string>& ref, int line,
                              ImportSummary& summary) {
  if (!ref) return true;
  if (stored_.contains(*ref)) {
    ++summary.unchanged;
    return false;
  }
  if (!in_file_.insert(*ref).second) {
    summary.problems.push_back(
        {line, "external_ref", "external_ref " + *ref + " appears on an earlier line too"});
    return false;
  }
  return true;
}

void StoreImport(const Actor& actor, AccessGate& gate, UnitOfWork& units, const std::string& object,
                 const ImportOptions& options, std::size_t accepted,
                 const std::function<void(std::size_t)>& store, ImportSummary& summary,
                 const ImportProgress& progress) {
  summary.imported = static_cast<std::int64_t>(accepted);
  if (!summary.problems.empty() && !options.skip_invalid) {
    summary.imported = 0;
    if (!options.dry_run) {
      gate.Record(actor, Action::kImportData, object, std::string(Name(ErrorCode::kInvalid)));
    }
    return;
  }
  if (options.dry_run || accepted == 0) return;

  std::int64_t written = 0;
  try {
    for (std::size_t start = 0; start < accepted; start += kImportBatchSize) {
      const std::size_t end = std::min(accepted, start + kImportBatchSize);
      units.Run([&] {
        // An import of several batches is on the record from its first commit on, "started"
        // with the rows it is to store: one stopped half way (a crash) leaves no casus without
        // a row before it.
        if (start == 0 && end < accepted) {
          gate.Record(actor, Action::kImportData, object, "started", summary.imported);
        }
        for (std::size_t i = start; i < end; ++i) store(i);
        // The last batch commits with the import's row: a file of one batch is stored with its
        // audit row or not at all, and no import is whole without its row.
        if (end == accepted) {
          gate.Record(actor, Action::kImportData, object, "ok", summary.imported);
        }
      });
      written = static_cast<std::int64_t>(end);
      summary.written = true;
      if (progress) progress(ImportStage::kWriting, written, summary.imported);
    }
  } catch (const DomainError& error) {
    gate.Record(actor, Action::kImportData, object, AccessGate::ResultOf(error),
                std::max<std::int64_t>(written, 1));
    throw;
  } catch (...) {
    gate.Record(actor, Action::kImportData, object, "error", std::max<std::int64_t>(written, 1));
    throw;
  }
}

}  // namespace casus::domain
