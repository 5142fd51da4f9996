#include "domain/cases/case_note.hpp"

#include <algorithm>

#include "domain/error.hpp"
#include "domain/field_rules.hpp"

namespace casus::domain {

std::size_t CodePoints(const std::string& text) {
  // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void RequireNoteText(const std::string& text) {
  if (IsBlank(text)) throw DomainError(ErrorCode::kInvalid, "text is empty");
  if (CodePoints(text) > kMaxNoteCharacters) {
    throw DomainError(ErrorCode::kInvalid,
                      "text is longer than " + std::to_string(kMaxNoteCharacters) + " characters");
  }
}

}  // namespace casus::domain
