#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Why a casus was closed, recorded on the closing transition.
enum class CloseResult {
  kOpgelost,
  kOnvoldoendeAanknopingspunten,
  kDoorverwezen,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<CloseResult> = {
    std::pair{CloseResult::kOpgelost, std::string_view{"opgelost"}},
    std::pair{CloseResult::kOnvoldoendeAanknopingspunten,
              std::string_view{"onvoldoende_aanknopingspunten"}},
    std::pair{CloseResult::kDoorverwezen, std::string_view{"doorverwezen"}},
    std::pair{CloseResult::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
