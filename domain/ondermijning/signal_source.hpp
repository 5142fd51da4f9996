#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Where an ondermijning signal came from. Signals from Meld Misdaad Anoniem (mma) are anonymous by
// law.
enum class SignalSource {
  kMma,
  kMeldpunt,
  kPartner,
  kOverig,
};

template <>
inline constexpr std::array kEnumNames<SignalSource> = {
    std::pair{SignalSource::kMma, std::string_view{"mma"}},
    std::pair{SignalSource::kMeldpunt, std::string_view{"meldpunt"}},
    std::pair{SignalSource::kPartner, std::string_view{"partner"}},
    std::pair{SignalSource::kOverig, std::string_view{"overig"}},
};

}  // namespace casus::domain
