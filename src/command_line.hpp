#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"

namespace casus::cli {

// The words of one `casus` invocation: positional words and `--name value` options.
// Throws UsageError for an option without a value, a repeated option or an unknown one.
class CommandLine {
 public:
  CommandLine(int argc, char** argv);

  const std::vector<std::string>& words() const { return words_; }
  std::optional<std::string> Option(const std::string& name) const;
  std::string Required(const std::string& name) const;  // throws UsageError when absent
  bool Flag(const std::string& name) const;             // a `--name` without value

  // Refuses any option not in `allowed` (value options) or `flags` (no value).
  void Allow(const std::vector<std::string>& allowed,
             const std::vector<std::string>& flags = {}) const;

 private:
  std::vector<std::string> words_;
  std::map<std::string, std::string> options_;
};

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Option values. Each throws UsageError naming `what` when the text does not fit.
int ParseWholeNumber(const std::string& text, const std::string& what);
domain::Date ParseDateOption(const std::string& text, const std::string& what);
template <typename E>
E ParseEnumOption(const std::string& text, const std::string& what) {
  if (const auto value = domain::Parse<E>(text)) return *value;
  std::string names;
  for (const auto e : domain::AllOf<E>())
    names += (names.empty() ? "" : ", ") + std::string(domain::Name(e));
  throw UsageError(what + " must be one of: " + names);
}

// The audit key file of a command that appends audit rows: --audit-key-file, else the
// environment's CASUS_AUDIT_KEY_FILE (the option wins), else none.
std::optional<std::string> AuditKeyFileOption(const CommandLine& line);

// The database of a command: --db, else the environment's CASUS_DB (the option wins).
// Throws UsageError when neither is given.
std::string DatabaseOption(const CommandLine& line);

// Only `casus migrate` creates a database: every other command refuses a SQLite path with no
// file there (a typo must not become a new, empty database). A PostgreSQL location passes;
// App checks that it holds a Casus schema.
void RequireExistingDatabase(const std::string& db_path);

}  // namespace casus::cli
