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

bool IsDateOrInstant(std::string_view text) {
  constexpr std::size_t kDay = 10;  // "YYYY-MM-DD"
  if (text.size() < kDay || !Date::Parse(text.substr(0, kDay))) return false;
  if (text.size() == kDay) return true;
  const std::string_view time = text.substr(kDay);  // "THH:MM:SSZ"
  // Two digits at `at` with a value from 0 to `max`.
  const auto two_digits = [&time](std::size_t at, int max) {
    const auto value = ParseDigits(time.substr(at, 2));
    return value && *value <= max;
  };
  return time.size() == 10 && time[0] == 'T' && two_digits(1, 23) && time[3] == ':' &&
         two_digits(4, 59) && time[6] == ':' && two_digits(7, 59) && time[9] == 'Z';
}

}  // namespace casus::domain
