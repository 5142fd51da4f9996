#include "domain/access/role_mapping.hpp"

#include "domain/error.hpp"

namespace casus::domain {

namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

[[noreturn]] void Refuse(std::string_view entry, const std::string& why) {
  throw DomainError(ErrorCode::kInvalid, "role map entry '" + std::string(entry) + "': " + why);
}

}  // namespace

RoleMapping::RoleMapping() {
  for (const Role role : AllOf<Role>()) entries_.emplace_back(std::string(Name(role)), role);
}

RoleMapping RoleMapping::Parse(std::string_view text) {
  std::vector<std::pair<std::string, Role>> entries;
  while (true) {
    const auto comma = text.find(',');
    const std::string_view entry = Trimmed(text.substr(0, comma));
    // '=' may occur in a provider's value (an LDAP DN as a group), so the role is what
    // follows the last one.
    const auto equals = entry.rfind('=');
    if (equals == std::string_view::npos) Refuse(entry, "expected idp-value=role");
    const std::string value(Trimmed(entry.substr(0, equals)));
    const std::string_view role_name = Trimmed(entry.substr(equals + 1));
    if (value.empty()) Refuse(entry, "the identity provider's value is empty");
    const auto role = domain::Parse<Role>(role_name);
    if (!role) {
      Refuse(entry, "'" + std::string(role_name) +
                        "' is not a role (woonoverlast, ondermijning, analist, beheerder)");
    }
    for (const auto& [known, known_role] : entries) {
      if (known == value && known_role != *role) Refuse(entry, "the value is mapped twice");
    }
    entries.emplace_back(value, *role);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return RoleMapping(std::move(entries));
}

std::optional<Role> RoleMapping::RoleOf(const std::vector<std::string>& values) const {
  std::optional<Role> found;
  for (const std::string& value : values) {
    for (const auto& [mapped, role] : entries_) {
      if (value != mapped) continue;
      if (found && *found != role) return std::nullopt;  // two roles: ambiguous
      found = role;
    }
  }
  return found;
}

}  // namespace casus::domain
