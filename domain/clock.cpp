#include "domain/clock.hpp"

#include <chrono>
#include <cstdio>

namespace casus::domain {

Date SystemClock::Today() const {
  return Date::FromSysDays(std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()));
}

std::string SystemClock::NowUtc() const {
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  const auto day = std::chrono::floor<std::chrono::days>(now);
  const std::chrono::hh_mm_ss time{now - day};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%sT%02d:%02d:%02dZ",
                Date::FromSysDays(day).ToString().c_str(), static_cast<int>(time.hours().count()),
                static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
  return buffer;
}

}  // namespace casus::domain
