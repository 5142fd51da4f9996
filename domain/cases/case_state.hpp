#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Lifecycle states of a casus; the allowed moves between them are in lifecycle.hpp.
enum class CaseState {
  kGemeld,
  kLopend,
  kHandhaving,
  kSluiting,
  kOntkracht,
  kAfgerond,
};

template <>
inline constexpr std::array kEnumNames<CaseState> = {
    std::pair{CaseState::kGemeld, std::string_view{"gemeld"}},
    std::pair{CaseState::kLopend, std::string_view{"lopend"}},
    std::pair{CaseState::kHandhaving, std::string_view{"handhaving"}},
    std::pair{CaseState::kSluiting, std::string_view{"sluiting"}},
    std::pair{CaseState::kOntkracht, std::string_view{"ontkracht"}},
    std::pair{CaseState::kAfgerond, std::string_view{"afgerond"}},
};

}  // namespace casus::domain
