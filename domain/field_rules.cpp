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

Address CheckedAddress(Address address) {
  RequireText(address.street, "address.street", kMaxShortTextBytes);
  RequireText(address.number, "address.number", kMaxShortTextBytes);
  address.postcode = NormalPostcode(address.postcode);
  if (address.city) RequireText(*address.city, "address.city", kMaxShortTextBytes);
  return address;
}

std::string NormalPostcode(std::string_view postcode) {
  const std::string_view letters = postcode.size() == 7 && postcode[4] == ' ' ? postcode.substr(5)
                                   : postcode.size() == 6                     ? postcode.substr(4)
                                                                              : std::string_view();
  const std::string_view digits = postcode.substr(0, 4);
  const auto is_digit = [](char c) { return c >= '0' && c <= '9'; };
  const auto is_letter = [](char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); };
  if (letters.size() != 2 || digits.size() != 4 || digits[0] == '0' ||
      !std::all_of(digits.begin(), digits.end(), is_digit) ||
      !std::all_of(letters.begin(), letters.end(), is_letter)) {
    throw DomainError(ErrorCode::kInvalid,
                      "address.postcode must be a Dutch postcode, four digits and two letters "
                      "(e.g. 2711AA)");
  }
  std::string normal(digits);
  for (const char c : letters) normal += static_cast<char>(c & ~0x20);  // ASCII upper case
  return normal;
}

void RequireRecordDate(Date value, const char* field, Date earliest, Date today) {
  if (value < earliest) {
    throw DomainError(ErrorCode::kInvalid, std::string(field) + " " + value.ToString() +
                                               " lies before " + earliest.ToString() +
                                               ", the earliest date Casus records");
  }
  if (value > today) {
    throw DomainError(ErrorCode::kInvalid,
                      std::string(field) + " " + value.ToString() + " lies in the future");
  }
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
