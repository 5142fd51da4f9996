#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace casus::domain {

// The words of a search (`q` on the case list), every one of which a casus must contain in
// its summary, its street or one of its notes: whole words, no prefixes, case-insensitive.
//
// A word is a run of ASCII letters and digits and of non-ASCII characters; every other ASCII
// character separates words, as the full-text indexes split the texts they index (SQLite
// FTS5's unicode61 tokenizer; PostgreSQL's parser, fed the same text with ASCII punctuation
// turned into spaces). So "2711-aa" is the two words 2711 and aa, and `NEAR(` or `"` are
// never anything but words or separators: storage quotes each word, and no search text
// reaches a query syntax.
struct SearchWords {
  static constexpr std::size_t kMaxWords = 10;
  static constexpr std::size_t kMaxBytes = 200;

  // `q` split into words, ASCII letters in lower case, in order, repeats kept. Throws
  // DomainError(kMalformed) when `q` is over kMaxBytes bytes, holds no word or more than
  // kMaxWords.
  static std::vector<std::string> Parse(std::string_view q);

  // `text` split the same way, without limits: what a search matches against.
  static std::vector<std::string> Split(std::string_view text);
};

}  // namespace casus::domain
