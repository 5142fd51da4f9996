#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Woningtype, the column groups of Tabel 5.1.
enum class HousingType {
  kKoop,
  kCorporatie,
  kParticulier,
};

template <>
inline constexpr std::array kEnumNames<HousingType> = {
    std::pair{HousingType::kKoop, std::string_view{"koop"}},
    std::pair{HousingType::kCorporatie, std::string_view{"corporatie"}},
    std::pair{HousingType::kParticulier, std::string_view{"particulier"}},
};

}  // namespace casus::domain
