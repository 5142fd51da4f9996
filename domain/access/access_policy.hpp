#pragma once

#include <optional>

#include "domain/access/action.hpp"
#include "domain/access/role.hpp"
#include "domain/cases/case_kind.hpp"

namespace casus::domain {

// The one place that decides who may do what (the DPIA's "each team sees only its own
// casussen"). Pure functions over a fixed table.
//
//   woonoverlast  read/write woonoverlast casussen; read the woonoverlast report
//   ondermijning  read/write signals, ondermijning casussen and activities; read the
//                 ondermijning report
//   analist       read the year reports only
//   beheerder     tokens, reference data, retention runs, the audit trail; no case content
class AccessPolicy {
 public:
  // Whether `role` may perform `action` at all.
  static bool Allows(Role role, Action action);

  // The kind of casus a role works on, if any: case actions are limited to it.
  static std::optional<CaseKind> TeamKind(Role role);

  // Whether `role` may `action` (kReadCase / kWriteCase) a casus of `kind`. A casus of another
  // team must be answered exactly as a missing one, so that its existence does not leak.
  static bool AllowsCase(Role role, Action action, CaseKind kind);
};

}  // namespace casus::domain
