#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// The measure a partner took when a casus went into handhaving.
enum class EnforcementMeasure {
  kBestuurlijkeWaarschuwing,
  kLastOnderDwangsom,
  kSluiting,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<EnforcementMeasure> = {
    std::pair{EnforcementMeasure::kBestuurlijkeWaarschuwing,
              std::string_view{"bestuurlijke_waarschuwing"}},
    std::pair{EnforcementMeasure::kLastOnderDwangsom, std::string_view{"last_onder_dwangsom"}},
    std::pair{EnforcementMeasure::kSluiting, std::string_view{"sluiting"}},
    std::pair{EnforcementMeasure::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
