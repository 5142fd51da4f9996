#include "domain/import_cells.hpp"

#include <cctype>

namespace casus::domain {

std::string_view TrimmedCell(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string NormalHeader(std::string_view text) {
  std::string normal;
  for (const char c : TrimmedCell(text)) {
    normal += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return normal;
}

std::vector<std::string_view> SplitCell(std::string_view text) {
  std::vector<std::string_view> parts;
  while (true) {
    const auto bar = text.find('|');
    parts.push_back(TrimmedCell(text.substr(0, bar)));
    if (bar == std::string_view::npos) return parts;
    text.remove_prefix(bar + 1);
  }
}

std::optional<Date> ParseImportDate(std::string_view text) {
  text = TrimmedCell(text);
  if (auto iso = Date::Parse(text)) return iso;
  // DD-MM-YYYY, as Dutch spreadsheets write it.
  if (text.size() != 10 || text[2] != '-' || text[5] != '-') return std::nullopt;
  const std::string iso = std::string(text.substr(6, 4)) + "-" + std::string(text.substr(3, 2)) +
                          "-" + std::string(text.substr(0, 2));
  return Date::Parse(iso);
}

}  // namespace casus::domain
