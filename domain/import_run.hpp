#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/access/actor.hpp"
#include "domain/cases/import_problem.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::domain {

struct ImportOptions {
  bool dry_run = false;       // check every row, change nothing
  bool skip_invalid = false;  // import the good rows even when some are refused
};

// What an import found and did.
struct ImportSummary {
  std::int64_t rows = 0;                // data rows in the file
  std::int64_t imported = 0;            // rows stored (on a dry run: that would be stored)
  std::int64_t unchanged = 0;           // rows whose external_ref is stored already
  std::vector<ImportProblem> problems;  // the refused rows' reasons, in file order
  bool written = false;                 // whether anything was stored
};

// Which rows of an import are new, by their external_ref: a ref stored already leaves its row
// alone (counted in summary.unchanged), one that appeared on an earlier line of the file refuses
// the row (a problem in column external_ref). A row without a ref is always new. Not
// thread-safe: one per import.
class ExternalRefFilter {
 public:
  explicit ExternalRefFilter(const std::vector<std::string>& stored)
      : stored_(stored.begin(), stored.end()) {}

  // Whether the row on `line` with `ref` is to be checked and stored; otherwise `summary` says
  // why not.
  bool IsNew(const std::optional<std::string>& ref, int line, ImportSummary& summary);

 private:
  const std::set<std::string> stored_;
  std::set<std::string> in_file_;
};

// Where an import stands: checking rows, then writing them; `done` of `total`.
enum class ImportStage { kChecking, kWriting };
using ImportProgress =
    std::function<void(ImportStage stage, std::int64_t done, std::int64_t total)>;

// How many rows one unit of work stores.
inline constexpr std::size_t kImportBatchSize = 500;

// The end every import shares, once its rows are checked (summary.problems) and `accepted` of
// them passed: all or nothing unless skip_invalid, nothing on a dry run, else `store(i)` for
// i in 0..accepted, kImportBatchSize to a unit of work. Audited as one Action::kImportData row
// on `object`: "ok" with the number stored as its count, in the last batch's unit so that it
// commits with the last rows (a file of one batch is stored with its row or not at all);
// "invalid" for an import refused for its rows (none on a dry run); or the failure's result,
// with what was stored before it (storage failing half way, not a rule: those were checked;
// the batches before stay, and importing the file again with external_ref completes it). An
// import of more than one batch also has a "started" row, with the number it is to store, in
// its first batch's unit, so that a crash half way leaves no stored row without an audit row
// before it. Sets summary.imported and .written; rethrows what `store` or the unit throws.
void StoreImport(const Actor& actor, AccessGate& gate, UnitOfWork& units, const std::string& object,
                 const ImportOptions& options, std::size_t accepted,
                 const std::function<void(std::size_t)>& store, ImportSummary& summary,
                 const ImportProgress& progress);

}  // namespace casus::domain
