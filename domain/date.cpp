#include "domain/date.hpp"

#include <cstdio>
#include <stdexcept>

namespace casus::domain {

namespace {
std::optional<int> ParseDigits(std::string_view text) {
  int value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}
}  // namespace

Date::Date(int year, unsigned month, unsigned day) {
  const std::chrono::year_month_day ymd{std::chrono::year{year}, std::chrono::month{month},
                                        std::chrono::day{day}};
  if (!ymd.ok()) throw std::invalid_argument("not a calendar date");
  days_ = std::chrono::sys_days{ymd};
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const auto year = ParseDigits(text.substr(0, 4));
  const auto month = ParseDigits(text.substr(5, 2));
  const auto day = ParseDigits(text.substr(8, 2));
  if (!year || !month || !day) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year{*year},
                                        std::chrono::month{static_cast<unsigned>(*month)},
                                        std::chrono::day{static_cast<unsigned>(*day)}};
  if (!ymd.ok()) return std::nullopt;
  return FromSysDays(std::chrono::sys_days{ymd});
}

std::string Date::ToString() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", year(), month(), day());
  return buffer;
}

int Date::year() const { return static_cast<int>(std::chrono::year_month_day{days_}.year()); }
unsigned Date::month() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.month());
}
unsigned Date::day() const {
  return static_cast<unsigned>(std::chrono::year_month_day{days_}.day());
}

Date Date::AddDays(int days) const { return FromSysDays(days_ + std::chrono::days{days}); }

Date Date::FromSysDays(std::chrono::sys_days d) {
  Date date;
  date.days_ = d;
  return date;
}

}  // namespace casus::domain
