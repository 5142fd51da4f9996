#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// Ondermijning activities: integrated control days, knock-and-talk conversations, HEIT controls.
enum class ActivityType {
  kControlDay,
  kKnockAndTalk,
  kHeitControl,
};

template <>
inline constexpr std::array kEnumNames<ActivityType> = {
    std::pair{ActivityType::kControlDay, std::string_view{"control_day"}},
    std::pair{ActivityType::kKnockAndTalk, std::string_view{"knock_and_talk"}},
    std::pair{ActivityType::kHeitControl, std::string_view{"heit_control"}},
};

}  // namespace casus::domain
