#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// What a token may do; decided by AccessPolicy (access_policy.hpp), the one place for it.
enum class Role {
  kWoonoverlast,
  kOndermijning,
  kAnalist,
  kBeheerder,
};

template <>
inline constexpr std::array kEnumNames<Role> = {
    std::pair{Role::kWoonoverlast, std::string_view{"woonoverlast"}},
    std::pair{Role::kOndermijning, std::string_view{"ondermijning"}},
    std::pair{Role::kAnalist, std::string_view{"analist"}},
    std::pair{Role::kBeheerder, std::string_view{"beheerder"}},
};

}  // namespace casus::domain
