#pragma once

#include <functional>
#include <utility>

#include "domain/access/access_gate.hpp"
#include "domain/access/guarded_services.hpp"
#include "domain/access/person_sign_in.hpp"
#include "domain/access/token_service.hpp"
#include "domain/domain_services.hpp"
#include "web/metrics.hpp"

namespace casus::web {

// The domain services the HTTP API calls: only the guarded ones, so that every request runs
// through AccessPolicy and leaves its audit row. References only: the caller (src/ wiring, or
// a test fixture) owns the services, which must outlive every Router and Server given this.
struct ApiServices {
  domain::TokenService& tokens;  // Authorization: Bearer -> who is asking
  domain::AccessGate& gate;      // audits requests refused before a token was accepted
  domain::GuardedCaseService& cases;
  domain::GuardedSignalService& signals;
  domain::GuardedActivityService& activities;
  domain::GuardedReportService& reports;
  domain::GuardedAuditService& audit;
  domain::GuardedDistrictService& districts;
  // Replies kept for Idempotency-Key (the Router's; not Enabled: keys are checked, not kept).
  domain::IdempotencyKeys& idempotency;
  // /readyz: whether storage answers now; empty means always (the in-memory test wiring).
  std::function<bool()> ready;
  // Sign-in with the identity provider's tokens beside the API tokens; null: API tokens only.
  const domain::PersonSignIn* people = nullptr;
  // GET /metrics renders these; null: /metrics is 404. Answered to loopback clients only,
  // unless `metrics_public` (the listener of --metrics-listen, which `metrics_only` keeps to
  // /metrics alone).
  const Metrics* metrics = nullptr;
  bool metrics_public = false;
  bool metrics_only = false;
};

// The API's share of the wired domain.
inline ApiServices ApiServicesOf(domain::DomainServices& services, std::function<bool()> ready = {},
                                 const domain::PersonSignIn* people = nullptr,
                                 const Metrics* metrics = nullptr) {
  return {services.tokens,
          services.gate,
          services.guarded_cases,
          services.guarded_signals,
          services.guarded_activities,
          services.guarded_reports,
          services.guarded_audit,
          services.guarded_districts,
          services.idempotency_keys,
          std::move(ready),
          people,
          metrics};
}

}  // namespace casus::web
