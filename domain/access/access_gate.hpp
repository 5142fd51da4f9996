#pragma once

#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include "domain/access/access_policy.hpp"
#include "domain/access/actor.hpp"
#include "domain/access/audit_trail.hpp"
#include "domain/access/refusal_tally.hpp"
#include "domain/clock.hpp"
#include "domain/error.hpp"
#include "domain/unit_of_work.hpp"

namespace casus::domain {

// Where access control meets the audit trail: every guarded use case runs through Run, which
// asks AccessPolicy whether the actor's role may perform the action, runs it, and appends one
// audit row with the outcome, refusals and failures included.
//
// Units of work: a use case that changes something runs in one unit with its "ok" audit row,
// so the change and its row commit together or not at all; a read-only one (IsReadOnly) reads
// outside and only its row is a unit. Either way the result is returned only once its audit
// row is committed. A failure's row is a unit of its own, after the failed unit rolled back.
//
// Thread-safety: as the AuditTrail and UnitOfWork. Does not own its collaborators.
class AccessGate {
 public:
  AccessGate(AuditTrail& audit, UnitOfWork& units, const Clock& clock)
      : audit_(audit), units_(units), clock_(clock) {}

  // Runs `work` as one unit of work: e.g. several guarded calls whose rows belong together.
  void InOneUnit(const std::function<void()>& work) { units_.Run(work); }

  // Appends one audit row for `actor` (token "-" when unauthenticated), as a unit of its own
  // (or as part of the unit running on this thread).
  // `count`: what the row stands for when it is more than one (an import's casussen).
  void Record(const Actor& actor, Action action, const std::string& object,
              const std::string& result, std::int64_t count = 1);

  // Counts a request refused before anyone was identified (no valid token). Such refusals
  // are written as one row per client and minute, with their count (RefusalTally), once the
  // minute is over; never throws for want of a database (the rows wait and are written later).
  void RecordUnauthenticated(const std::string& client, Action action, const std::string& object);

  // Writes the counted refusals whose minute is over, or all of them with `all`. The server
  // calls it every few seconds, and with `all` when it stops.
  void FlushRefusals(bool all = false);

  // The audit result name of a failure: denied, not_found, invalid, conflict, ...
  static std::string ResultOf(const DomainError& error);

  // Throws DomainError(kForbidden), after recording the refusal, when AccessPolicy does not
  // allow `action` to the actor's role; does nothing (and records nothing) otherwise.
  void RequireAllowed(const Actor& actor, Action action, const std::string& object);

  // Throws DomainError(kForbidden), after recording the refusal (role "-", result "denied"),
  // for a person the identity provider vouches for but who has no single Casus role
  // (PersonSignIn): authenticated, so on the record with their name like any other refusal.
  [[noreturn]] void RefuseWithoutRole(const std::string& person, const std::string& client,
                                      Action action, const std::string& object);

  // Runs `use_case` when AccessPolicy allows `action` to the actor's role, else throws
  // DomainError(kForbidden). Either way one audit row records the outcome, failures of any
  // kind included ("error" for anything that is not a DomainError).
  template <typename UseCase>
  auto Run(const Actor& actor, Action action, const std::string& object, UseCase&& use_case)
      -> decltype(use_case()) {
    return RunNaming(actor, action, object, std::forward<UseCase>(use_case),
                     [&object](const auto&...) { return object; });
  }

  // Run for a use case that creates something: its "ok" row names what it created,
  // `created_object(result)` ("cases/17"), so that the audit trail of an object begins with
  // its creation; a refusal or failure is recorded on `object` ("cases"), as nothing exists.
  template <typename UseCase, typename NameCreated>
  auto RunNaming(const Actor& actor, Action action, const std::string& object, UseCase&& use_case,
                 NameCreated&& created_object) -> decltype(use_case()) {
    return RunRecording(actor, action, object, std::forward<UseCase>(use_case),
                        std::forward<NameCreated>(created_object),
                        [](const auto&...) { return std::int64_t{1}; });
  }

  // Run for a use case that shows many items at once (an export): its "ok" row's count is
  // `count_of(result)`.
  template <typename UseCase, typename CountOf>
  auto RunCounting(const Actor& actor, Action action, const std::string& object, UseCase&& use_case,
                   CountOf&& count_of) -> decltype(use_case()) {
    return RunRecording(
        actor, action, object, std::forward<UseCase>(use_case),
        [&object](const auto&...) { return object; }, std::forward<CountOf>(count_of));
  }

  // Throws DomainError::Hidden unless the actor's team works on casussen of `kind`.
  static void RequireTeam(const Actor& actor, Action action, CaseKind kind,
                          const std::string& missing_message);

 private:
  template <typename UseCase, typename NameCreated, typename CountOf>
  auto RunRecording(const Actor& actor, Action action, const std::string& object,
                    UseCase&& use_case, NameCreated&& created_object, CountOf&& count_of)
      -> decltype(use_case()) {
    RequireAllowed(actor, action, object);
    using Result = decltype(use_case());
    constexpr bool kVoid = std::is_void_v<Result>;
    std::optional<std::conditional_t<kVoid, bool, Result>> result;
    const auto run = [&] {
      if constexpr (kVoid) {
        use_case();
        result = true;
      } else {
        result.emplace(use_case());
      }
    };
    const auto record_ok = [&] {
      if constexpr (kVoid) {
        Record(actor, action, created_object(), "ok", count_of());
      } else {
        Record(actor, action, created_object(*result), "ok", count_of(*result));
      }
    };
    try {
      if (IsReadOnly(action)) {
        run();
        record_ok();
      } else {
        units_.Run([&] {
          run();
          record_ok();
        });
      }
    } catch (DomainError& error) {
      // Unavailable: nothing was done or shown, and the audit trail could not take a row now.
      if (error.code() != ErrorCode::kUnavailable) Record(actor, action, object, ResultOf(error));
      error.MarkAudited();
      throw;
    } catch (...) {
      Record(actor, action, object, "error");  // e.g. storage failing: still on the record
      throw;
    }
    if constexpr (!kVoid) return std::move(*result);
  }

  // Appends `rows` in one unit; when that fails they go back to the tally for the next try.
  void WriteRefusals(std::vector<AuditEvent> rows);

  AuditTrail& audit_;
  UnitOfWork& units_;
  const Clock& clock_;
  RefusalTally refusals_;
};

}  // namespace casus::domain
