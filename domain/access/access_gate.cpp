#include "domain/access/access_gate.hpp"

namespace casus::domain {

void AccessGate::Record(const Actor& actor, Action action, const std::string& object,
                        const std::string& result, std::int64_t count) {
  const AuditEvent event{clock_.NowUtc(),
                         actor.token_name,
                         std::string(Name(actor.role)),
                         std::string(Name(action)),
                         object,
                         result,
                         actor.client,
                         count};
  units_.Run([&] { audit_.Append(event); });
}

void AccessGate::RecordUnauthenticated(const std::string& client, Action action,
                                       const std::string& object) {
  const AuditEvent event{clock_.NowUtc(),   "-",   "-", std::string(Name(action)), object,
                         "unauthenticated", client};
  WriteRefusals(refusals_.Add(event));
}

void AccessGate::FlushRefusals(bool all) {
  WriteRefusals(all ? refusals_.TakeAll() : refusals_.TakeFinished(clock_.NowUtc()));
}

void AccessGate::WriteRefusals(std::vector<AuditEvent> rows) {
  if (rows.empty()) return;
  try {
    units_.Run([&] {
      for (const AuditEvent& row : rows) audit_.Append(row);
    });
  } catch (...) {
    refusals_.PutBack(rows);  // e.g. the database is locked: the count is kept, not lost
  }
}

void AccessGate::RequireAllowed(const Actor& actor, Action action, const std::string& object) {
  if (AccessPolicy::Allows(actor.role, action)) return;
  Record(actor, action, object, "denied");
  DomainError refusal(ErrorCode::kForbidden, "the role " + std::string(Name(actor.role)) +
                                                 " may not " + std::string(Name(action)));
  refusal.MarkAudited();
  throw refusal;
}

void AccessGate::RefuseWithoutRole(const std::string& person, const std::string& client,
                                   Action action, const std::string& object) {
  const AuditEvent event{clock_.NowUtc(), person,   "-",   std::string(Name(action)),
                         object,          "denied", client};
  units_.Run([&] { audit_.Append(event); });
  DomainError refusal(ErrorCode::kForbidden, "your account has no single Casus role");
  refusal.MarkAudited();
  throw refusal;
}

std::string AccessGate::ResultOf(const DomainError& error) {
  return std::string(Name(error.audited_as()));
}

void AccessGate::RequireTeam(const Actor& actor, Action action, CaseKind kind,
                             const std::string& missing_message) {
  if (!AccessPolicy::AllowsCase(actor.role, action, kind))
    throw DomainError::Hidden(missing_message);
}

}  // namespace casus::domain
