#pragma once

#include <stdexcept>
#include <string>

#include "domain/enum_names.hpp"

namespace casus::domain {

// Protocol-neutral reasons a request to the domain can fail.
// When adding an enumerator, add its audit name below and its row in web/problem.cpp's table
// (the one place they meet HTTP); a static_assert there names a forgotten one.
enum class ErrorCode {
  kMalformed,             // the request's shape is wrong: syntax, types, unknown or missing fields
  kInvalid,               // well-formed but semantically unacceptable: unknown wijk, future date
  kNotFound,              // no such object
  kForbiddenTransition,   // the lifecycle table does not allow this state change
  kConflict,              // the object's current state makes the request impossible
  kStaleVersion,          // If-Match named a version that is no longer current
  kDateOutOfOrder,        // an effective date precedes the previous transition's date
  kUnauthenticated,       // no valid token: missing, malformed, unknown, expired or revoked
  kForbidden,             // the caller's role may not do this at all
  kUnavailable,           // storage cannot take the request now (locked, overloaded); retry later
  kPreconditionRequired,  // a change that must name the version it applies to (If-Match) did not
};

// The audit trail's result names of the failures ("ok" and "error" are the gate's own).
template <>
inline constexpr std::array kEnumNames<ErrorCode> = {
    std::pair{ErrorCode::kMalformed, std::string_view{"malformed"}},
    std::pair{ErrorCode::kInvalid, std::string_view{"invalid"}},
    std::pair{ErrorCode::kNotFound, std::string_view{"not_found"}},
    std::pair{ErrorCode::kForbiddenTransition, std::string_view{"forbidden_transition"}},
    std::pair{ErrorCode::kConflict, std::string_view{"conflict"}},
    std::pair{ErrorCode::kStaleVersion, std::string_view{"stale_version"}},
    std::pair{ErrorCode::kDateOutOfOrder, std::string_view{"date_out_of_order"}},
    std::pair{ErrorCode::kUnauthenticated, std::string_view{"unauthenticated"}},
    std::pair{ErrorCode::kForbidden, std::string_view{"denied"}},
    std::pair{ErrorCode::kUnavailable, std::string_view{"unavailable"}},
    std::pair{ErrorCode::kPreconditionRequired, std::string_view{"precondition_required"}},
};

// Thrown by the domain for errors that end a request. what() is safe to show to a client:
// it never contains more than the client itself sent or may see.
class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorCode code, const std::string& detail)
      : std::runtime_error(detail), code_(code), audited_as_(code) {}

  // An object of another team: the caller sees exactly what a missing object gives
  // (kNotFound, same message shape), while the audit trail records the refusal (kForbidden).
  static DomainError Hidden(const std::string& detail) {
    return DomainError(ErrorCode::kNotFound, detail, ErrorCode::kForbidden);
  }

  ErrorCode code() const noexcept { return code_; }              // what the caller is told
  ErrorCode audited_as() const noexcept { return audited_as_; }  // what the audit row says

  // Whether its audit row is written already (by the AccessGate), so that an outer layer that
  // audits refusals of its own (the router's checks of query and body) does not write two.
  bool audited() const noexcept { return audited_; }
  void MarkAudited() noexcept { audited_ = true; }

 private:
  DomainError(ErrorCode code, const std::string& detail, ErrorCode audited_as)
      : std::runtime_error(detail), code_(code), audited_as_(audited_as) {}

  ErrorCode code_;
  ErrorCode audited_as_;
  bool audited_ = false;
};

}  // namespace casus::domain
