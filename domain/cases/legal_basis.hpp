#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// The legal basis of a temporary closure (sluiting) of premises.
enum class LegalBasis {
  kArt13bOpiumwet,
  kArt174aGemeentewet,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<LegalBasis> = {
    std::pair{LegalBasis::kArt13bOpiumwet, std::string_view{"art_13b_opiumwet"}},
    std::pair{LegalBasis::kArt174aGemeentewet, std::string_view{"art_174a_gemeentewet"}},
    std::pair{LegalBasis::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
