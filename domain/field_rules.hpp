#pragma once

#include <cstddef>
#include <set>
#include <string>
#include <vector>

#include "domain/address.hpp"
#include "domain/error.hpp"

namespace casus::domain {

// Checks shared by the services on free-text fields. Each throws DomainError(kInvalid) naming
// `field` when the value is unacceptable.
inline constexpr std::size_t kMaxTextBytes = 10000;     // summaries, reasons, findings
inline constexpr std::size_t kMaxShortTextBytes = 200;  // names, address parts

bool IsBlank(const std::string& text);
void RequireText(const std::string& value, const char* field, std::size_t max_bytes);
void RequireAddress(const Address& address);

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
