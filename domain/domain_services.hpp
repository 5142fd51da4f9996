#pragma once

#include "domain/access/access_gate.hpp"
#include "domain/access/api_token.hpp"
#include "domain/access/guarded_services.hpp"
#include "domain/access/idempotency_keys.hpp"
#include "domain/access/token_service.hpp"
#include "domain/cases/case_service.hpp"
#include "domain/cases/district_service.hpp"
#include "domain/clock.hpp"
#include "domain/ondermijning/activity_service.hpp"
#include "domain/ondermijning/signal_service.hpp"
#include "domain/reports/data_version.hpp"
#include "domain/reports/ondermijning_report_service.hpp"
#include "domain/retention/retention_service.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::domain {

// The adapters the domain needs, all on the same storage. References only.
struct Ports {
  CaseRepository& cases;
  DistrictRepository& districts;
  SignalRepository& signals;
  ActivityRepository& activities;
  TokenStore& tokens;
  TokenCrypto& token_crypto;
  AuditTrail& audit;
  PersonalDataStore& personal_data;
  const Clock& clock;
  // Groups each change with its audit row; null: every port call stands alone (the in-memory
  // fakes of the tests, which are atomic per call anyway).
  UnitOfWork* units = nullptr;
  // Changes whenever report data changes; null: the API's reports are computed every time.
  DataVersion* data_version = nullptr;
  // The replies kept for Idempotency-Key; null: keys are not kept (commands serving no HTTP).
  IdempotencyStore* idempotency = nullptr;
};

// Every use case of the domain, wired once on a set of ports: the plain services for trusted
// local work (demo data, reports on the command line) and the guarded ones the HTTP API calls.
// The one place that knows which service needs which port; the casus binary and the test
// fixtures all build this. Not copyable or movable (the services refer to each other); the
// ports must outlive it. Thread-safety: as the ports.
class DomainServices {
  DirectUnitOfWork direct_units_;  // when Ports::units is null; first, as the gate uses it

 public:
  // `earliest_record_date`: see RequireRecordDate (domain/field_rules.hpp).
  explicit DomainServices(const Ports& ports,
                          Date earliest_record_date = kDefaultEarliestRecordDate);
  DomainServices(const DomainServices&) = delete;
  DomainServices& operator=(const DomainServices&) = delete;

  CaseService cases;
  DistrictService districts;
  SignalService signals;
  ActivityService activities;
  OndermijningReportService ondermijning_reports;
  TokenService tokens;
  AccessGate gate;
  GuardedCaseService guarded_cases;
  GuardedSignalService guarded_signals;
  GuardedActivityService guarded_activities;
  GuardedReportService guarded_reports;
  GuardedAuditService guarded_audit;
  GuardedDistrictService guarded_districts;
  RetentionService retention;
  IdempotencyKeys idempotency_keys;
};

}  // namespace casus::domain
