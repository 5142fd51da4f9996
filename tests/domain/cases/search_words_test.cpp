#include "domain/cases/search_words.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "domain/cases/case_note.hpp"
#include "domain/error.hpp"

namespace casus::domain {
namespace {

using Words = std::vector<std::string>;

ErrorCode CodeOf(std::string_view q) {
  try {
    SearchWords::Parse(q);
  } catch (const DomainError& error) {
    return error.code();
  }
  FAIL("no error for " << q);
  return ErrorCode::kInvalid;
}

TEST_CASE("Search words are runs of letters and digits in lower case", "[domain][search]") {
  CHECK(SearchWords::Parse("Harde  MUZIEK") == (Words{"harde", "muziek"}));
  CHECK(SearchWords::Parse("2711-aa") == (Words{"2711", "aa"}));
  CHECK(SearchWords::Parse("NEAR(\"hond\"*") == (Words{"near", "hond"}));
  CHECK(SearchWords::Parse("café") == Words{"café"});
  CHECK(SearchWords::Split("'s nachts; buren!") == (Words{"s", "nachts", "buren"}));
}

TEST_CASE("A search without words, with more than ten or over 200 bytes is malformed",
          "[domain][search]") {
  CHECK(CodeOf("") == ErrorCode::kMalformed);
  CHECK(CodeOf("  \"() ") == ErrorCode::kMalformed);
  CHECK(CodeOf("a b c d e f g h i j k") == ErrorCode::kMalformed);
  CHECK(SearchWords::Parse("a b c d e f g h i j").size() == 10);
  CHECK(CodeOf(std::string(201, 'a')) == ErrorCode::kMalformed);
  CHECK(SearchWords::Parse(std::string(200, 'a')).size() == 1);
}

TEST_CASE("A note's text is counted in code points and must not be blank", "[domain][notes]") {
  CHECK(CodePoints("caf\xC3\xA9") == 4);
  std::string text;
  for (std::size_t i = 0; i < kMaxNoteCharacters; ++i) text += "\xE2\x82\xAC";  // €
  CHECK_NOTHROW(RequireNoteText(text));
  CHECK_THROWS_AS(RequireNoteText(text + "x"), DomainError);
  CHECK_THROWS_AS(RequireNoteText(" \n\t"), DomainError);
}

}  // namespace
}  // namespace casus::domain
