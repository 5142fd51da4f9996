#include "domain/access/access_policy.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace casus::domain {

namespace {

// Every (role, action) pair that is allowed. Anything not listed is refused.
constexpr std::array<std::pair<Role, Action>, 21> kGrants = {{
    {Role::kWoonoverlast, Action::kReadCase},
    {Role::kWoonoverlast, Action::kWriteCase},
    {Role::kWoonoverlast, Action::kReadWoonoverlastReport},
    {Role::kOndermijning, Action::kReadCase},
    {Role::kOndermijning, Action::kWriteCase},
    {Role::kOndermijning, Action::kReadSignal},
    {Role::kOndermijning, Action::kWriteSignal},
    {Role::kOndermijning, Action::kReadActivity},
    {Role::kOndermijning, Action::kWriteActivity},
    {Role::kOndermijning, Action::kReadOndermijningReport},
    {Role::kAnalist, Action::kReadWoonoverlastReport},
    {Role::kAnalist, Action::kReadOndermijningReport},
    {Role::kBeheerder, Action::kManageTokens},
    {Role::kBeheerder, Action::kManageReferenceData},
    {Role::kBeheerder, Action::kRunRetention},
    {Role::kBeheerder, Action::kReadAudit},
    {Role::kBeheerder, Action::kImportData},
    // The wijken are what every client needs to fill in or read a casus or a report.
    {Role::kWoonoverlast, Action::kReadReferenceData},
    {Role::kOndermijning, Action::kReadReferenceData},
    {Role::kAnalist, Action::kReadReferenceData},
    {Role::kBeheerder, Action::kReadReferenceData},
}};

}  // namespace

bool AccessPolicy::Allows(Role role, Action action) {
  return std::find(kGrants.begin(), kGrants.end(), std::pair{role, action}) != kGrants.end();
}

std::optional<CaseKind> AccessPolicy::TeamKind(Role role) {
  switch (role) {
    case Role::kWoonoverlast:
      return CaseKind::kWoonoverlast;
    case Role::kOndermijning:
      return CaseKind::kOndermijning;
    case Role::kAnalist:
    case Role::kBeheerder:
      return std::nullopt;
  }
  return std::nullopt;
}

bool AccessPolicy::AllowsCase(Role role, Action action, CaseKind kind) {
  return Allows(role, action) && TeamKind(role) == kind;
}

}  // namespace casus::domain
