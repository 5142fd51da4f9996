#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace casus::domain {

// How the import of an old spreadsheet reads its cells and headers, the same for every kind
// of row (CaseImport, SignalImport). Pure functions.

// `text` without the spaces, tabs and line breaks around it.
std::string_view TrimmedCell(std::string_view text);

// A header as it is compared: trimmed, lower case (ASCII: every header is), `_` as a space, so
// that "Datum_Melding ", "datum melding" and "DATUM MELDING" are one header.
std::string NormalHeader(std::string_view text);

// The parts of a cell separated by `|`, each trimmed.
std::vector<std::string_view> SplitCell(std::string_view text);

// A date as spreadsheets write it: YYYY-MM-DD or DD-MM-YYYY; nullopt for anything else.
std::optional<Date> ParseImportDate(std::string_view text);

// An enum cell by its wire name: trimmed, lower case, a space as `_` ("Verward gedrag").
template <typename E>
std::optional<E> ParseEnumCell(std::string_view text) {
  std::string normal;
  for (const char c : TrimmedCell(text)) {
    normal += c == ' ' ? '_' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  }
  return Parse<E>(normal);
}

// The wire names of E, for messages: "koop, corporatie, particulier".
template <typename E>
std::string EnumNamesOf() {
  std::string names;
  for (const auto value : AllOf<E>()) {
    names += (names.empty() ? "" : ", ") + std::string(Name(value));
  }
  return names;
}

}  // namespace casus::domain
