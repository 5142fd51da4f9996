#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Kinds of woonoverlast the team meets in daily practice (annual report, doelstelling 5.1).
enum class NuisanceCategory {
  kGeluid,
  kZorg,
  kWederzijds,
  kVerwardGedrag,
  kVerslaving,
  kVerzamelwoede,
  kVervuiling,
  kHuisdieren,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<NuisanceCategory> = {
    std::pair{NuisanceCategory::kGeluid, std::string_view{"geluid"}},
    std::pair{NuisanceCategory::kZorg, std::string_view{"zorg"}},
    std::pair{NuisanceCategory::kWederzijds, std::string_view{"wederzijds"}},
    std::pair{NuisanceCategory::kVerwardGedrag, std::string_view{"verward_gedrag"}},
    std::pair{NuisanceCategory::kVerslaving, std::string_view{"verslaving"}},
    std::pair{NuisanceCategory::kVerzamelwoede, std::string_view{"verzamelwoede"}},
    std::pair{NuisanceCategory::kVervuiling, std::string_view{"vervuiling"}},
    std::pair{NuisanceCategory::kHuisdieren, std::string_view{"huisdieren"}},
    std::pair{NuisanceCategory::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
