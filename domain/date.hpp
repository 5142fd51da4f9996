#pragma once

#include <chrono>
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace casus::domain {

// A calendar date without time zone (the municipality's working day), e.g. 2024-12-31.
// A value type: cheap to copy, totally ordered.
class Date {
 public:
  Date() = default;  // 1970-01-01
  Date(int year, unsigned month,
       unsigned day);  // throws std::invalid_argument when not a real date

  // Parses exactly "YYYY-MM-DD" (ISO 8601 calendar date); nullopt for anything else.
  static std::optional<Date> Parse(std::string_view text);

  std::string ToString() const;  // "YYYY-MM-DD"
  int year() const;
  unsigned month() const;
  unsigned day() const;
  Date AddDays(int days) const;
  std::chrono::sys_days days() const { return days_; }

  static Date FromSysDays(std::chrono::sys_days d);
  static Date LastDayOfYear(int year) { return Date(year, 12, 31); }
  static Date FirstDayOfYear(int year) { return Date(year, 1, 1); }

  friend bool operator==(const Date&, const Date&) = default;
  friend auto operator<=>(const Date&, const Date&) = default;

 private:
  std::chrono::sys_days days_{};
};

// Whether `text` is a date "YYYY-MM-DD" or a UTC instant "YYYY-MM-DDTHH:MM:SSZ", as the audit
// trail records its instants (Clock::NowUtc): what its queries take as bounds.
bool IsDateOrInstant(std::string_view text);

}  // namespace casus::domain
