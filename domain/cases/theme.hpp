#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Themes of ondermijning signals and casussen.
enum class Theme {
  kDrugs,
  kProstitutie,
  kWitwassen,
  kArbeidsuitbuiting,
  kIllegaleBewoning,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<Theme> = {
    std::pair{Theme::kDrugs, std::string_view{"drugs"}},
    std::pair{Theme::kProstitutie, std::string_view{"prostitutie"}},
    std::pair{Theme::kWitwassen, std::string_view{"witwassen"}},
    std::pair{Theme::kArbeidsuitbuiting, std::string_view{"arbeidsuitbuiting"}},
    std::pair{Theme::kIllegaleBewoning, std::string_view{"illegale_bewoning"}},
    std::pair{Theme::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
