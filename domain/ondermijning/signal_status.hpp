#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// A signal is open until it is assessed: linked to a casus or dismissed.
enum class SignalStatus {
  kOpen,
  kLinked,
  kDismissed,
};

template <>
inline constexpr std::array kEnumNames<SignalStatus> = {
    std::pair{SignalStatus::kOpen, std::string_view{"open"}},
    std::pair{SignalStatus::kLinked, std::string_view{"linked"}},
    std::pair{SignalStatus::kDismissed, std::string_view{"dismissed"}},
};

}  // namespace casus::domain
