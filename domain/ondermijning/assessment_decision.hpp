#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// What the ondermijning cluster decided about a signal.
enum class AssessmentDecision {
  kLink,
  kNewCase,
  kDismiss,
};

template <>
inline constexpr std::array kEnumNames<AssessmentDecision> = {
    std::pair{AssessmentDecision::kLink, std::string_view{"link"}},
    std::pair{AssessmentDecision::kNewCase, std::string_view{"new_case"}},
    std::pair{AssessmentDecision::kDismiss, std::string_view{"dismiss"}},
};

}  // namespace casus::domain
