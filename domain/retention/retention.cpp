#include "domain/retention/retention.hpp"

namespace casus::domain {

Date YearsBefore(Date day, int years) {
  const int year = day.year() - years;
  unsigned last_day = day.day();
  if (day.month() == 2 && day.day() == 29) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) last_day = 28;
  }
  return Date(year, day.month(), last_day);
}

}  // namespace casus::domain
