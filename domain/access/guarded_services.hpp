#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/access/access_gate.hpp"
#include "domain/cases/case_service.hpp"
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
  GuardedCaseService(CaseService& cases, AccessGate& gate) : cases_(cases), gate_(gate) {}

  Casus Register(const Actor& actor, const NewCase& request);
  Casus Get(const Actor& actor, CaseId id);
  // Only the caller's kind, whatever filter.kind says.
  CasePage List(const Actor& actor, CaseFilter filter);
  Casus Transition(const Actor& actor, CaseId id, const TransitionRequest& request,
                   std::optional<std::int64_t> if_match);
  std::vector<TransitionRecord> History(const Actor& actor, CaseId id);
  // Notes, audited as "cases/{id}/notes": write_case to add one (author: the actor's name),
  // read_case to read them (personal data, so every read is on the record).
  CaseNote AddNote(const Actor& actor, CaseId id, const std::string& text);
  NotePage Notes(const Actor& actor, CaseId id, std::optional<NoteId> after, int limit);

 private:
  CaseService& cases_;
  AccessGate& gate_;
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

class GuardedAuditService {
 public:
  GuardedAuditService(AuditTrail& audit, AccessGate& gate) : audit_(audit), gate_(gate) {}

  // kMalformed for a limit outside 1..500.
  AuditPage Query(const Actor& actor, const AuditFilter& filter);

 private:
  AuditTrail& audit_;
  AccessGate& gate_;
};

}  // namespace casus::domain
