#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/csv.hpp"
#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/error.hpp"

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

// Where each of a mapping's columns is in a file's header record: `names[i]` (each with
// `dutch`, `aliases` and `required`, compared as NormalHeader) at index result[i], nullopt when
// absent. Throws DomainError(kInvalid) naming the header for one that names no column (a typo
// would silently lose a column), a column named twice, or a required column missing.
template <typename Name, std::size_t N>
std::array<std::optional<std::size_t>, N> MapImportHeader(const CsvRecord& header,
                                                          const std::array<Name, N>& names) {
  const auto refuse = [&](const std::string& what) {
    throw DomainError(ErrorCode::kInvalid, "line " + std::to_string(header.line) + ": " + what);
  };
  std::array<std::optional<std::size_t>, N> index{};
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    const std::string wanted = NormalHeader(header.fields[i]);
    std::optional<std::size_t> found;
    for (std::size_t n = 0; n < N && !found && !wanted.empty(); ++n) {
      if (NormalHeader(names[n].dutch) == wanted) found = n;
      for (const auto alias : names[n].aliases) {
        if (!alias.empty() && NormalHeader(alias) == wanted) found = n;
      }
    }
    if (!found) {
      refuse("column '" + header.fields[i] +
             "' is not one import reads (see the column mapping in README)");
    }
    if (index[*found]) refuse("column '" + std::string(names[*found].dutch) + "' appears twice");
    index[*found] = i;
  }
  for (std::size_t n = 0; n < N; ++n) {
    if (names[n].required && !index[n]) {
      refuse("the required column '" + std::string(names[n].dutch) + "' is missing");
    }
  }
  return index;
}

}  // namespace casus::domain
