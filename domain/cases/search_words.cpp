#include "domain/cases/search_words.hpp"

#include "domain/error.hpp"

namespace casus::domain {

namespace {

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

}  // namespace

std::vector<std::string> SearchWords::Split(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (IsWordByte(byte)) {
      word += (byte >= 'A' && byte <= 'Z') ? static_cast<char>(byte | 0x20) : c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::vector<std::string> SearchWords::Parse(std::string_view q) {
  if (q.size() > kMaxBytes) {
    throw DomainError(ErrorCode::kMalformed,
                      "q holds at most " + std::to_string(kMaxBytes) + " bytes");
  }
  std::vector<std::string> words = Split(q);
  if (words.empty()) {
    throw DomainError(ErrorCode::kMalformed, "q holds no word (letters or digits)");
  }
  if (words.size() > kMaxWords) {
    throw DomainError(ErrorCode::kMalformed,
                      "q holds at most " + std::to_string(kMaxWords) + " words");
  }
  return words;
}

}  // namespace casus::domain
