#include "domain/cases/import_column.hpp"

#include <cctype>

namespace casus::domain {

namespace {

// `text` trimmed, lower case (ASCII: every header is), `_` as a space, so that "Datum_Melding ",
// "datum melding" and "DATUM MELDING" are one header.
std::string Normal(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  text = text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
  std::string normal;
  normal.reserve(text.size());
  for (const char c : text) {
    normal += c == '_' ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return normal;
}

}  // namespace

std::string_view DutchHeader(ImportColumn column) {
  for (const auto& name : kImportColumns) {
    if (name.column == column) return name.dutch;
  }
  return "?";
}

std::optional<ImportColumn> ImportColumnOf(std::string_view header) {
  const std::string wanted = Normal(header);
  if (wanted.empty()) return std::nullopt;
  for (const auto& name : kImportColumns) {
    if (Normal(name.dutch) == wanted) return name.column;
    for (const auto alias : name.aliases) {
      if (!alias.empty() && Normal(alias) == wanted) return name.column;
    }
  }
  return std::nullopt;
}

}  // namespace casus::domain
