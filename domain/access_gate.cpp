#include "domain/access_gate.hpp"

namespace casus::domain {

void AccessGate::Record(const Actor& actor, Action action, const std::string& object,
                        const std::string& result) {
  audit_.Append({clock_.NowUtc(), actor.token_name, std::string(Name(actor.role)),
                 std::string(Name(action)), object, result, actor.client});
}

void AccessGate::RecordUnauthenticated(const std::string& client, Action action,
                                       const std::string& object) {
  audit_.Append(
      {clock_.NowUtc(), "-", "-", std::string(Name(action)), object, "unauthenticated", client});
}

void AccessGate::RequireAllowed(const Actor& actor, Action action, const std::string& object) {
  if (AccessPolicy::Allows(actor.role, action)) return;
  Record(actor, action, object, "denied");
  throw DomainError(ErrorCode::kForbidden, "the role " + std::string(Name(actor.role)) +
                                               " may not " + std::string(Name(action)));
}

std::string AccessGate::ResultOf(const DomainError& error) {
  if (dynamic_cast<const HiddenObject*>(&error) != nullptr) return "denied";
  switch (error.code()) {
    case ErrorCode::kMalformed:
      return "malformed";
    case ErrorCode::kInvalid:
      return "invalid";
    case ErrorCode::kNotFound:
      return "not_found";
    case ErrorCode::kForbiddenTransition:
      return "forbidden_transition";
    case ErrorCode::kConflict:
      return "conflict";
    case ErrorCode::kStaleVersion:
      return "stale_version";
    case ErrorCode::kDateOutOfOrder:
      return "date_out_of_order";
    case ErrorCode::kUnauthenticated:
      return "unauthenticated";
    case ErrorCode::kForbidden:
      return "denied";
  }
  return "error";
}

void AccessGate::RequireTeam(const Actor& actor, Action action, CaseKind kind,
                             const std::string& missing_message) {
  if (!AccessPolicy::AllowsCase(actor.role, action, kind)) throw HiddenObject(missing_message);
}

}  // namespace casus::domain
