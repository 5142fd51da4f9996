#pragma once

#include <string>
#include <string_view>

namespace casus::domain {

// What an audit row's object is about, for the audit query "everything that touched X": the
// object up to its second path segment, without a query ("cases/2/history" -> "cases/2",
// "signals/5/assessment" -> "signals/5", "reports/woonoverlast/2024" and
// "reports/woonoverlast?from=..." -> "reports/woonoverlast", "cases" -> "cases"). Stored
// beside each row (persistence) so that the question is one index lookup, not a pattern over
// every row; derived from the object alone, so the chain's hash need not cover it.
std::string AuditSubjectOf(std::string_view object);

// Whether asking for `object` means its whole subtree (it is its own subject: "cases/2") or
// that one object exactly ("cases/2/history").
inline bool IsAuditSubject(std::string_view object) { return AuditSubjectOf(object) == object; }

}  // namespace casus::domain
