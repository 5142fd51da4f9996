#pragma once

#include <stdexcept>
#include <string>

namespace casus::domain {

// Protocol-neutral reasons a request to the domain can fail.
// When adding an enumerator, add its HTTP status in web/problem.cpp (the one place they meet).
enum class ErrorCode {
  kMalformed,            // the request's shape is wrong: syntax, types, unknown or missing fields
  kInvalid,              // well-formed but semantically unacceptable: unknown wijk, future date
  kNotFound,             // no such object
  kForbiddenTransition,  // the lifecycle table does not allow this state change
  kConflict,             // the object's current state makes the request impossible
  kStaleVersion,         // If-Match named a version that is no longer current
  kDateOutOfOrder,       // an effective date precedes the previous transition's date
  kUnauthenticated,      // no valid token: missing, malformed, unknown, expired or revoked
  kForbidden,            // the caller's role may not do this at all
};

// Thrown by the domain for errors that end a request. what() is safe to show to a client:
// it never contains more than the client itself sent or may see.
class DomainError : public std::runtime_error {
 public:
  DomainError(ErrorCode code, const std::string& detail)
      : std::runtime_error(detail), code_(code) {}

  ErrorCode code() const noexcept { return code_; }

 private:
  ErrorCode code_;
};

}  // namespace casus::domain
