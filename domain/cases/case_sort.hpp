#pragma once

#include "domain/enum_names.hpp"

namespace casus::domain {

// The orders of the case list. Every order ends in the id, so that it is total and a page's
// cursor (the id of its last casus) says exactly where the next page starts.
enum class CaseSort {
  kId,                   // ascending id: the order of registration
  kReportedOn,           // oldest report first, ties by ascending id
  kReportedOnDescending  // newest report first, ties by descending id
};

template <>
inline constexpr std::array kEnumNames<CaseSort> = {
    std::pair{CaseSort::kId, std::string_view{"id"}},
    std::pair{CaseSort::kReportedOn, std::string_view{"reported_on"}},
    std::pair{CaseSort::kReportedOnDescending, std::string_view{"-reported_on"}},
};

}  // namespace casus::domain
