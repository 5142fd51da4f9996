#include "domain/access/access_policy.hpp"

#include <catch2/catch.hpp>
#include <set>
#include <string>

using namespace casus::domain;  // NOLINT: test file

TEST_CASE("Each role is granted exactly the actions the DPIA lists", "[domain][access]") {
  // Written out independently of the policy's own table.
  const std::set<std::pair<std::string, std::string>> expected = {
      {"woonoverlast", "read_case"},
      {"woonoverlast", "write_case"},
      {"woonoverlast", "read_woonoverlast_report"},
      {"ondermijning", "read_case"},
      {"ondermijning", "write_case"},
      {"ondermijning", "read_signal"},
      {"ondermijning", "write_signal"},
      {"ondermijning", "read_activity"},
      {"ondermijning", "write_activity"},
      {"ondermijning", "read_ondermijning_report"},
      {"analist", "read_woonoverlast_report"},
      {"analist", "read_ondermijning_report"},
      {"beheerder", "manage_tokens"},
      {"beheerder", "manage_reference_data"},
      {"beheerder", "run_retention"},
      {"beheerder", "read_audit"},
      {"beheerder", "import_data"},  // casus import, run by the command line
      {"woonoverlast", "read_reference_data"},
      {"ondermijning", "read_reference_data"},
      {"analist", "read_reference_data"},
      {"beheerder", "read_reference_data"},
  };
  for (const auto role : AllOf<Role>()) {
    for (const auto action : AllOf<Action>()) {
      const std::pair<std::string, std::string> pair{std::string(Name(role)),
                                                     std::string(Name(action))};
      INFO(pair.first << " " << pair.second);
      CHECK(AccessPolicy::Allows(role, action) == (expected.count(pair) == 1));
    }
  }
}

TEST_CASE("A team reaches only casussen of its own kind", "[domain][access]") {
  CHECK(AccessPolicy::AllowsCase(Role::kWoonoverlast, Action::kReadCase, CaseKind::kWoonoverlast));
  CHECK_FALSE(
      AccessPolicy::AllowsCase(Role::kWoonoverlast, Action::kReadCase, CaseKind::kOndermijning));
  CHECK(AccessPolicy::AllowsCase(Role::kOndermijning, Action::kWriteCase, CaseKind::kOndermijning));
  CHECK_FALSE(
      AccessPolicy::AllowsCase(Role::kOndermijning, Action::kWriteCase, CaseKind::kWoonoverlast));
  for (const auto kind : AllOf<CaseKind>()) {
    CHECK_FALSE(AccessPolicy::AllowsCase(Role::kAnalist, Action::kReadCase, kind));
    CHECK_FALSE(AccessPolicy::AllowsCase(Role::kBeheerder, Action::kReadCase, kind));
  }
}
