#pragma once

#include <optional>
#include <string>

namespace casus::domain {

// A Dutch postal address. Personal data: it identifies a household.
struct Address {
  std::string street;
  std::string number;    // house number with any addition, e.g. "12a"
  std::string postcode;  // "1234 AB" or "1234AB"
  std::optional<std::string> city;

  friend bool operator==(const Address&, const Address&) = default;
};

}  // namespace casus::domain
