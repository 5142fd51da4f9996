#pragma once

#include <string>

#include "domain/enum_names.hpp"

namespace casus::web {

// "koop, corporatie, particulier": the wire names of E in declaration order, for the detail of
// a problem that refuses a name outside them.
template <typename E>
std::string Vocabulary() {
  std::string names;
  for (const E candidate : domain::AllOf<E>()) {
    if (!names.empty()) names += ", ";
    names += domain::Name(candidate);
  }
  return names;
}

}  // namespace casus::web
