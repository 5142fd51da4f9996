#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/access/api_token.hpp"
#include "domain/cases/case_export.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/cases/district_service.hpp"
#include "domain/ondermijning/activity_service.hpp"
#include "domain/ondermijning/signal_service.hpp"
#include "domain/reports/data_version.hpp"
#include "domain/reports/ondermijning_report_service.hpp"
#include "domain/reports/report_cache.hpp"

namespace casus::domain {

// The use cases as an authenticated caller reaches them: each runs through the AccessGate
// (role check from AccessPolicy, one audit row per call) and limits casussen to the caller's
// team, answering a casus of another team exactly as a missing one. The HTTP API calls only
// these; the unguarded services stay for trusted local work (demo data, tests).
//
// Thread-safety: as the wrapped services and the gate. Own nothing.
class GuardedCaseService {
 public:
  // `tokens` answers who may be assigned a casus (CaseService::Correct); without it only the
  // caller may take one.
  GuardedCaseService(CaseService& cases, AccessGate& gate, TokenStore* tokens = nullptr)
      : cases_(cases), gate_(gate), tokens_(tokens) {}

  Casus Register(const Actor& actor, const NewCase& request);
  Casus Get(const Actor& actor, CaseId id);
  // Only the caller's kind, whatever filter.kind says.
  CasePage List(const Actor& actor, CaseFilter filter);
  Casus Transition(const Actor& actor, CaseId id, const TransitionRequest& request,
                   std::optional<std::int64_t> if_match);
  std::vector<TransitionRecord> History(const Actor& actor, CaseId id);
  // Audited as write_case on cases/{id}; the caller's token name is who corrected it.
  Casus Correct(const Actor& actor, CaseId id, const CaseCorrection& correction,
                std::optional<std::int64_t> if_match);
  // Audited as read_case on cases/{id}/changes.
  std::vector<CaseChange> Changes(const Actor& actor, CaseId id);
  // Notes, audited as "cases/{id}/notes": write_case to add one (author: the actor's name),
  // read_case to read them (personal data, so every read is on the record).
  CaseNote AddNote(const Actor& actor, CaseId id, const std::string& text);
  NotePage Notes(const Actor& actor, CaseId id, std::optional<NoteId> after, int limit);
  // The export file of the caller's team's casussen, to be read piece by piece: request.kind
  // must be the caller's team's (else kForbidden: a woonoverlast token exports woonoverlast
  // only). Audited as read_case on cases/export, with the number of casussen the request
  // covers now as the row's count, before any piece of the file is read.
  CaseExportCursor Export(const Actor& actor, const CaseExportRequest& request);

 private:
  CaseService& cases_;
  AccessGate& gate_;
  TokenStore* tokens_;
};

class GuardedSignalService {
 public:
  GuardedSignalService(SignalService& signals, AccessGate& gate) : signals_(signals), gate_(gate) {}

  Signal Receive(const Actor& actor, const NewSignal& request);
  Signal Get(const Actor& actor, SignalId id);
  SignalPage List(const Actor& actor, const SignalFilter& filter);
  AssessmentOutcome Assess(const Actor& actor, SignalId id, const AssessmentRequest& request);

 private:
  SignalService& signals_;
  AccessGate& gate_;
};

class GuardedActivityService {
 public:
  GuardedActivityService(ActivityService& activities, AccessGate& gate)
      : activities_(activities), gate_(gate) {}

  Activity Record(const Actor& actor, const Activity& request);
  ActivityPage List(const Actor& actor, const ActivityFilter& filter);

 private:
  ActivityService& activities_;
  AccessGate& gate_;
};

// The year reports of the API. With a DataVersion they are cached under it (ReportCache):
// asked for again while nothing they count has changed, they cost a lookup; each request is
// still checked and audited as any other.
class GuardedReportService {
 public:
  GuardedReportService(CaseService& cases, OndermijningReportService& ondermijning,
                       AccessGate& gate, DataVersion* data_version = nullptr);

  WoonoverlastReport Woonoverlast(const Actor& actor, int year);
  OndermijningReport Ondermijning(const Actor& actor, int year);

  // The same tables for any period, audited as "reports/<kind>?from=...&to=...". Throws as
  // RequireReportPeriod.
  WoonoverlastPeriodReport WoonoverlastForPeriod(const Actor& actor, const ReportPeriod& period);
  OndermijningFigures OndermijningForPeriod(const Actor& actor, const ReportPeriod& period);

  // The Totaal of Tabel 5.1 for every year from `from` to `to`, for a trend chart: one audited
  // request, each year's report from the cache when it is there. Throws DomainError(kInvalid)
  // when from > to or the span exceeds kMaxSeriesYears.
  std::vector<WoonoverlastYearTotals> WoonoverlastSeries(const Actor& actor, int from, int to);

  // Whether the report would be answered from the cache at once: computed for the current data
  // version and not still under way (false when uncached). Checks no access and writes no audit
  // row, since it tells nobody anything: it lets the web layer answer such a request on a
  // worker that serves single casussen, and leave the rest to the report workers.
  bool WoonoverlastReady(int year);
  bool WoonoverlastSeriesReady(int from, int to);
  bool OndermijningReady(int year);
  bool WoonoverlastReady(const ReportPeriod& period);
  bool OndermijningReady(const ReportPeriod& period);

  // The caches' answers so far: from memory, and computed. Both 0 when uncached.
  struct CacheCounts {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
  };
  CacheCounts CacheStats() const;

  // Reports computed so far, both kinds (the rest were served from the cache); 0 uncached.
  std::uint64_t Computed() const;

 private:
  WoonoverlastReport CachedWoonoverlast(int year);

  CaseService& cases_;
  OndermijningReportService& ondermijning_;
  AccessGate& gate_;
  std::unique_ptr<ReportCache<WoonoverlastReport>> woonoverlast_cache_;  // null: uncached
  std::unique_ptr<ReportCache<OndermijningReport>> ondermijning_cache_;
  std::unique_ptr<ReportCache<WoonoverlastPeriodReport>> woonoverlast_period_cache_;
  std::unique_ptr<ReportCache<OndermijningFigures>> ondermijning_period_cache_;
};

// The municipality's wijken, for any role (Action::kReadReferenceData), audited as "districts".
class GuardedDistrictService {
 public:
  GuardedDistrictService(DistrictService& districts, AccessGate& gate)
      : districts_(districts), gate_(gate) {}

  std::vector<District> List(const Actor& actor);

 private:
  DistrictService& districts_;
  AccessGate& gate_;
};

class GuardedAuditService {
 public:
  GuardedAuditService(AuditTrail& audit, CaseRepository& cases, AccessGate& gate)
      : audit_(audit), cases_(cases), gate_(gate) {}

  // kMalformed for a limit outside 1..500. A casus among filter.objects ("cases/2") brings
  // the signals linked to it ("signals/5": received, assessed into it), each with everything
  // under it: who touched a casus includes how it came to be.
  AuditPage Query(const Actor& actor, AuditFilter filter);

 private:
  AuditTrail& audit_;
  CaseRepository& cases_;
  AccessGate& gate_;
};

}  // namespace casus::domain
