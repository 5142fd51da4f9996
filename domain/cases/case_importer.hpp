#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/access/actor.hpp"
#include "domain/cases/case_import.hpp"
#include "domain/cases/case_repository.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/cases/import_problem.hpp"
#include "domain/clock.hpp"
#include "domain/import_run.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::domain {

// The use case `casus import woonoverlast`: a spreadsheet's rows (CaseImport) through the rules
// every casus meets (CaseService::CheckedNewCase, CheckedTransition on the lifecycle), then
// stored (StoreImport) in units of kImportBatchSize casussen, each with its history.
//
// All or nothing: every row is checked before the first is stored; a refused row stops the
// import unless skip_invalid. A row whose external_ref is stored already is left alone, so a
// second import of the same file changes nothing. Writing is batched: should storage fail
// half way (not a rule: those were checked), the batches before stay, and importing the file
// again (with external_ref) completes it. One audit row (Action::kImportData) records an
// import that stored something, with the number of casussen as its count; a refused import
// records one row with its result.
//
// Thread-safety: as the ports; keeps no state between calls. Does not own its collaborators.
class CaseImporter {
 public:
  CaseImporter(CaseService& service, CaseRepository& cases, UnitOfWork& units, AccessGate& gate,
               const Clock& clock)
      : service_(service), cases_(cases), units_(units), gate_(gate), clock_(clock) {}

  // Imports the CSV text (ReadCsv). Throws DomainError(kForbidden) when the actor may not
  // import, DomainError(kInvalid) for a text that is not a readable import file (quoting, the
  // header); refused rows are in the summary's problems, not thrown.
  ImportSummary Import(const Actor& actor, std::string_view csv, const ImportOptions& options,
                       const ImportProgress& progress = {});

 private:
  CaseService& service_;
  CaseRepository& cases_;
  UnitOfWork& units_;
  AccessGate& gate_;
  const Clock& clock_;
};

}  // namespace casus::domain
