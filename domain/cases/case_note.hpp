#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/cases/casus.hpp"

namespace casus::domain {

using NoteId = std::int64_t;

// What happened at a house visit, a phone call, a talk with a partner: free text written by
// a team member on their casus. Personal data: shown only to the team that owns the casus
// and removed with the casus's personal data by the retention purge. A note is not a change
// to the casus: adding one needs no If-Match and leaves its version as it is. Notes are
// never edited or removed by hand.
struct CaseNote {
  NoteId id = 0;
  CaseId case_id = 0;
  std::string text;
  std::string author;  // the token's name, or the signed-in person's
  std::string at;      // "YYYY-MM-DDTHH:MM:SSZ", UTC
};

// The notes of one casus, oldest first (ascending id), keyset-paged as the other lists.
struct NotePage {
  std::vector<CaseNote> items;
  std::optional<NoteId> next;  // cursor for the following page; nullopt on the last page
};

// A note's text holds at most this many characters (Unicode code points, not bytes: a
// Dutch text with accents should not come up short).
inline constexpr std::size_t kMaxNoteCharacters = 10000;

// The number of code points in `text`, which must be valid UTF-8 (the JSON reader's).
std::size_t CodePoints(const std::string& text);

// Throws DomainError(kInvalid) for a blank text or one over kMaxNoteCharacters.
void RequireNoteText(const std::string& text);

}  // namespace casus::domain
