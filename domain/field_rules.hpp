#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/address.hpp"
#include "domain/date.hpp"
#include "domain/error.hpp"

namespace casus::domain {

// Checks shared by the services on free-text fields. Each throws DomainError(kInvalid) naming
// `field` when the value is unacceptable.
inline constexpr std::size_t kMaxTextBytes = 10000;     // summaries, reasons, findings
inline constexpr std::size_t kMaxShortTextBytes = 200;  // names, address parts

bool IsBlank(const std::string& text);
void RequireText(const std::string& value, const char* field, std::size_t max_bytes);
// `address` with its postcode in the one form Casus stores and searches, "2711AA": a Dutch
// postcode is four digits, the first not 0, and two letters, written with or without one space
// and in either case. Throws DomainError(kInvalid) naming the field that is unacceptable.
Address CheckedAddress(Address address);
// "2711 aa" -> "2711AA"; DomainError(kInvalid) for anything that is not a Dutch postcode.
std::string NormalPostcode(std::string_view postcode);

// The dates of what happened -- a casus reported, a transition, a signal received or assessed,
// an activity -- lie between an earliest date and today. The earliest date keeps typos such as
// 0001-01-01 or 1204-05-06 out of every later report; a municipality that takes in older files
// sets it earlier (`casus serve --earliest-date`).
inline const Date kDefaultEarliestRecordDate = Date(1990, 1, 1);
// Throws DomainError(kInvalid) naming `field` when `value` lies before `earliest` or after
// `today`.
void RequireRecordDate(Date value, const char* field, Date earliest, Date today);

// Every list a request carries (categories, themes, partners, case_ids) holds at most this
// many items, each once: DomainError(kInvalid) names `field` otherwise.
inline constexpr std::size_t kMaxListItems = 50;
template <typename T>
void RequireDistinctList(const std::vector<T>& items, const char* field) {
  if (items.size() > kMaxListItems) {
    throw DomainError(ErrorCode::kInvalid, std::string(field) + " holds at most " +
                                               std::to_string(kMaxListItems) + " items");
  }
  if (std::set<T>(items.begin(), items.end()).size() != items.size()) {
    throw DomainError(ErrorCode::kInvalid, std::string(field) + " contains a duplicate");
  }
}

// A page size of the list endpoints; throws DomainError(kMalformed) outside 1..kMaxPageSize.
inline constexpr int kMaxPageSize = 500;
void RequirePageSize(int limit);

// The years Casus reports on and filters by, the one range every layer checks against.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2999;
// Throws DomainError(kMalformed) outside kFirstYear..kLastYear.
void RequireYear(int year);

}  // namespace casus::domain
