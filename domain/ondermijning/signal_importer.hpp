#pragma once

#include <string_view>

#include "domain/access/access_gate.hpp"
#include "domain/access/actor.hpp"
#include "domain/clock.hpp"
#include "domain/import_run.hpp"
#include "domain/ondermijning/signal_import.hpp"
#include "domain/ondermijning/signal_repository.hpp"
#include "domain/ondermijning/signal_service.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::domain {

// The use case `casus import signals`: a spreadsheet's rows (SignalImport) through the rules
// every signal meets (SignalService::CheckedNewSignal, CheckedAssessment for a dismissal),
// then stored by StoreImport, audited on signals/import. As CaseImporter: every row checked
// before any is stored, all or nothing unless skip_invalid, rows whose external_ref is stored
// already left alone.
//
// Thread-safety: as the ports; keeps no state between calls. Does not own its collaborators.
class SignalImporter {
 public:
  SignalImporter(SignalService& service, SignalRepository& signals, UnitOfWork& units,
                 AccessGate& gate, const Clock& clock)
      : service_(service), signals_(signals), units_(units), gate_(gate), clock_(clock) {}

  // Throws as CaseImporter::Import.
  ImportSummary Import(const Actor& actor, std::string_view csv, const ImportOptions& options,
                       const ImportProgress& progress = {});

 private:
  SignalService& service_;
  SignalRepository& signals_;
  UnitOfWork& units_;
  AccessGate& gate_;
  const Clock& clock_;
};

}  // namespace casus::domain
