#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "domain/access/role.hpp"

namespace casus::domain {

// Which Casus role a person signed in through the identity provider has, from the values of
// their role claim (their groups or realm roles): rules as data. By default a value that is
// one of our role names ("woonoverlast", ...) names that role; with a map ("idp-value=role"),
// only the mapped values count. Every other value is ignored, since a provider sends groups
// that mean nothing to Casus.
//
// A person must end up with exactly one role. None means the provider knows them but Casus
// gives them no access; two different roles are ambiguous (AccessPolicy grants per role, and
// guessing the "larger" one would hand out more than was meant). Either way RoleOf is
// nullopt, and the sign-in refuses with 403: the person is authenticated, not authorised.
//
// Immutable once built; thread-safe to share.
class RoleMapping {
 public:
  RoleMapping();  // our four role names, each to itself

  // "idp-value=role,idp-value=role": e.g. "/casus/analisten=analist,casus-admin=beheerder".
  // A value may hold '=' (the role follows the last one) but no ','. Values may repeat with the
  // same role; a value mapped to two roles, an unknown role name, an empty value or a malformed
  // entry throws DomainError(kInvalid) naming the entry.
  static RoleMapping Parse(std::string_view text);

  std::optional<Role> RoleOf(const std::vector<std::string>& values) const;

  const std::vector<std::pair<std::string, Role>>& entries() const { return entries_; }

 private:
  explicit RoleMapping(std::vector<std::pair<std::string, Role>> entries)
      : entries_(std::move(entries)) {}

  std::vector<std::pair<std::string, Role>> entries_;
};

}  // namespace casus::domain
