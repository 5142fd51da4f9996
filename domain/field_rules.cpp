#include "domain/field_rules.hpp"

#include <algorithm>
#include <cctype>

#include "domain/error.hpp"

namespace casus::domain {

bool IsBlank(const std::string& text) {
  return std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); });
}

void RequireText(const std::string& value, const char* field, std::size_t max_bytes) {
  if (IsBlank(value)) throw DomainError(ErrorCode::kInvalid, std::string(field) + " is empty");
  if (value.size() > max_bytes) {
    throw DomainError(ErrorCode::kInvalid, std::string(field) + " is longer than " +
                                               std::to_string(max_bytes) + " bytes");
  }
}

void RequireAddress(const Address& address) {
  RequireText(address.street, "address.street", kMaxShortTextBytes);
  RequireText(address.number, "address.number", kMaxShortTextBytes);
  RequireText(address.postcode, "address.postcode", kMaxShortTextBytes);
  if (address.city) RequireText(*address.city, "address.city", kMaxShortTextBytes);
}

void RequirePageSize(int limit) {
  if (limit < 1 || limit > kMaxPageSize) {
    throw DomainError(ErrorCode::kMalformed,
                      "limit must be between 1 and " + std::to_string(kMaxPageSize));
  }
}

void RequireYear(int year) {
  if (year < kFirstYear || year > kLastYear) {
    throw DomainError(ErrorCode::kMalformed, "year must be between " + std::to_string(kFirstYear) +
                                                 " and " + std::to_string(kLastYear));
  }
}

}  // namespace casus::domain
