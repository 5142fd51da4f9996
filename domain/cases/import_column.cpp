#include "domain/cases/import_column.hpp"

#include "domain/import_cells.hpp"

namespace casus::domain {

std::string_view DutchHeader(ImportColumn column) {
  for (const auto& name : kImportColumns) {
    if (name.column == column) return name.dutch;
  }
  return "?";
}

std::optional<ImportColumn> ImportColumnOf(std::string_view header) {
  const std::string wanted = NormalHeader(header);
  if (wanted.empty()) return std::nullopt;
  for (const auto& name : kImportColumns) {
    if (NormalHeader(name.dutch) == wanted) return name.column;
    for (const auto alias : name.aliases) {
      if (!alias.empty() && NormalHeader(alias) == wanted) return name.column;
    }
  }
  return std::nullopt;
}

}  // namespace casus::domain
