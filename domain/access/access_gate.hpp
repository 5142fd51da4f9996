#pragma once

#include <string>
#include <type_traits>

#include "domain/access/access_policy.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/audit_trail.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"

namespace casus::domain {

// Where access control meets the audit trail: every guarded use case runs through Run, which
// asks AccessPolicy whether the actor's role may perform the action, runs it, and appends one
// audit row with the outcome, refusals and failures included.
//
// Thread-safety: as the AuditTrail. Does not own its collaborators.
class AccessGate {
 public:
  AccessGate(AuditTrail& audit, const Clock& clock) : audit_(audit), clock_(clock) {}

  // Appends one audit row for `actor` (token "-" when unauthenticated).
  void Record(const Actor& actor, Action action, const std::string& object,
              const std::string& result);

  // Records a request refused before anyone was identified (no valid token).
  void RecordUnauthenticated(const std::string& client, Action action, const std::string& object);

  // The audit result name of a failure: denied, not_found, invalid, conflict, ...
  static std::string ResultOf(const DomainError& error);

  // Throws DomainError(kForbidden), after recording the refusal, when AccessPolicy does not
  // allow `action` to the actor's role; does nothing (and records nothing) otherwise.
  void RequireAllowed(const Actor& actor, Action action, const std::string& object);

  // Runs `use_case` when AccessPolicy allows `action` to the actor's role, else throws
  // DomainError(kForbidden). Either way one audit row records the outcome, failures of any
  // kind included ("error" for anything that is not a DomainError).
  template <typename UseCase>
  auto Run(const Actor& actor, Action action, const std::string& object, UseCase&& use_case)
      -> decltype(use_case()) {
    RequireAllowed(actor, action, object);
    try {
      if constexpr (std::is_void_v<decltype(use_case())>) {
        use_case();
        Record(actor, action, object, "ok");
      } else {
        auto result = use_case();
        Record(actor, action, object, "ok");
        return result;
      }
    } catch (const DomainError& error) {
      Record(actor, action, object, ResultOf(error));
      throw;
    } catch (...) {
      Record(actor, action, object, "error");  // e.g. storage failing: still on the record
      throw;
    }
  }

  // Throws DomainError::Hidden unless the actor's team works on casussen of `kind`.
  static void RequireTeam(const Actor& actor, Action action, CaseKind kind,
                          const std::string& missing_message);

 private:
  AuditTrail& audit_;
  const Clock& clock_;
};

}  // namespace casus::domain
