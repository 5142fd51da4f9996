#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace casus::domain {

// Each vocabulary enum declares, next to itself, the one table of its wire names:
//   template <> inline constexpr std::array kEnumNames<CaseState> = {...};
// Parse and Name below are then the only conversions, so a name is written once.
template <typename E>
inline constexpr auto kEnumNames = nullptr;

template <typename E>
std::string_view Name(E value) {
  for (const auto& [enumerator, name] : kEnumNames<E>) {
    if (enumerator == value) return name;
  }
  return "?";
}

template <typename E>
std::optional<E> Parse(std::string_view name) {
  for (const auto& [enumerator, wire] : kEnumNames<E>) {
    if (wire == name) return enumerator;
  }
  return std::nullopt;
}

// All enumerators, in declaration order (for validation messages and exhaustive tests).
template <typename E>
constexpr auto AllOf() {
  std::array<E, kEnumNames<E>.size()> values{};
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = kEnumNames<E>[i].first;
  return values;
}

}  // namespace casus::domain
