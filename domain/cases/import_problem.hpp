#pragma once

#include <string>

namespace casus::domain {

// Why one row of an import file cannot be imported: its line in the file (1 is the header),
// the column (its Dutch header; empty for the row as a whole) and the reason.
struct ImportProblem {
  int line = 0;
  std::string column;
  std::string reason;

  friend bool operator==(const ImportProblem&, const ImportProblem&) = default;
};

}  // namespace casus::domain
