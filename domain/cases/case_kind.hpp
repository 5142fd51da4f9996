#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Which team's process a casus belongs to.
enum class CaseKind {
  kWoonoverlast,
  kOndermijning,
};

template <>
inline constexpr std::array kEnumNames<CaseKind> = {
    std::pair{CaseKind::kWoonoverlast, std::string_view{"woonoverlast"}},
    std::pair{CaseKind::kOndermijning, std::string_view{"ondermijning"}},
};

}  // namespace casus::domain
