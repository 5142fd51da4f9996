#pragma once

#include <string>

#include "domain/access/role.hpp"

namespace casus::domain {

// Who is asking, as the audit trail records it: the token's name and role, and where the
// request came from (an IP address for HTTP, "cli" for the command line).
struct Actor {
  std::string token_name;
  Role role = Role::kAnalist;
  std::string client;
};

}  // namespace casus::domain
