#include "domain/access/role_mapping.hpp"

#include <catch2/catch.hpp>

#include "domain/access/person_sign_in.hpp"
#include "domain/error.hpp"

namespace casus::domain {
namespace {

TEST_CASE("Without a map our four role names are the values that count", "[domain][oidc]") {
  const RoleMapping roles;
  CHECK(roles.RoleOf({"offline_access", "analist"}) == Role::kAnalist);
  CHECK(roles.RoleOf({"beheerder", "beheerder"}) == Role::kBeheerder);
  CHECK_FALSE(roles.RoleOf({}));
  CHECK_FALSE(roles.RoleOf({"Analist", "admin"}));           // exact names only
  CHECK_FALSE(roles.RoleOf({"woonoverlast", "beheerder"}));  // ambiguous: refused, not guessed
}

TEST_CASE("A role map names the provider's values that count and nothing else", "[domain][oidc]") {
  const RoleMapping roles = RoleMapping::Parse(
      " /casus/woonoverlast = woonoverlast,cn=casus-admins=beheerder,casus-wo=woonoverlast");
  CHECK(roles.RoleOf({"/casus/woonoverlast"}) == Role::kWoonoverlast);
  CHECK(roles.RoleOf({"/casus/woonoverlast", "casus-wo"}) == Role::kWoonoverlast);
  CHECK(roles.RoleOf({"cn=casus-admins"}) == Role::kBeheerder);  // '=' within a value
  CHECK_FALSE(roles.RoleOf({"woonoverlast"}));
  CHECK_FALSE(roles.RoleOf({"casus-wo", "cn=casus-admins"}));
}

TEST_CASE("A malformed role map is refused naming the entry", "[domain][oidc]") {
  for (const char* text :
       {"", "analist", "=analist", "x=admin", "x=analist,x=beheerder", "x=analist,"}) {
    INFO(text);
    CHECK_THROWS_AS(RoleMapping::Parse(text), DomainError);
  }
  CHECK_NOTHROW(RoleMapping::Parse("x=analist,x=analist"));
}

TEST_CASE("The sign-in reads the clock's instant as seconds since 1970", "[domain][oidc]") {
  CHECK(PersonSignIn::UnixSeconds("1970-01-01T00:00:00Z") == 0);
  CHECK(PersonSignIn::UnixSeconds("2025-01-15T12:00:00Z") == 1'736'942'400);
  CHECK_THROWS(PersonSignIn::UnixSeconds("2025-01-15 12:00:00"));
}

}  // namespace
}  // namespace casus::domain
