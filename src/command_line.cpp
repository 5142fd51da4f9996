#include "command_line.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <filesystem>

#include "persistence/database_location.hpp"
#include "settings.hpp"

namespace casus::cli {

namespace {
// Options that stand alone; every other option takes the next word as its value.
bool IsFlag(const std::string& name) {
  return name == "dry-run" || name == "help" || name == "force" || name == "replace" ||
         name == "version" || name == "man" || name == "skip-invalid";
}
}  // namespace

CommandLine::CommandLine(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.rfind("--", 0) != 0) {
      words_.push_back(word);
      continue;
    }
    std::string name = word.substr(2);
    std::string value;
    if (const auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
    } else if (!IsFlag(name)) {
      if (i + 1 >= argc) throw UsageError("option --" + name + " needs a value");
      value = argv[++i];
    }
    if (!options_.emplace(name, value).second) {
      throw UsageError("option --" + name + " given twice");
    }
  }
}

std::optional<std::string> CommandLine::Option(const std::string& name) const {
  const auto it = options_.find(name);
  if (it == options_.end()) return std::nullopt;
  return it->second;
}

std::string CommandLine::Required(const std::string& name) const {
  auto value = Option(name);
  if (!value || value->empty()) throw UsageError("option --" + name + " is required");
  return *value;
}

bool CommandLine::Flag(const std::string& name) const { return options_.count(name) == 1; }

void CommandLine::Allow(const std::vector<std::string>& allowed,
                        const std::vector<std::string>& flags) const {
  for (const auto& [name, value] : options_) {
    const bool known = std::find(allowed.begin(), allowed.end(), name) != allowed.end() ||
                       std::find(flags.begin(), flags.end(), name) != flags.end();
    if (!known) throw UsageError("unknown option --" + name);
  }
}

int ParseWholeNumber(const std::string& text, const std::string& what) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw UsageError(what + " must be a whole number, not '" + text + "'");
  }
  return value;
}

domain::Date ParseDateOption(const std::string& text, const std::string& what) {
  const auto date = domain::Date::Parse(text);
  if (!date) throw UsageError(what + " must be a date YYYY-MM-DD, not '" + text + "'");
  return *date;
}

std::optional<std::string> AuditKeyFileOption(const CommandLine& line) {
  // The one setting these commands share with serve, resolved the same way (no config file).
  static constexpr std::array kKeys{SettingKey{"audit-key-file", std::nullopt}};
  const Settings settings(line, kKeys, Settings::ProcessEnvironment());
  const auto key_file = settings.Option("audit-key-file");
  if (key_file && key_file->empty()) throw UsageError("option --audit-key-file needs a path");
  return key_file;
}

std::string DatabaseOption(const CommandLine& line) {
  static constexpr std::array kKeys{SettingKey{"db", std::nullopt}};
  const auto db = Settings(line, kKeys, Settings::ProcessEnvironment()).Option("db");
  if (!db || db->empty()) throw UsageError("option --db is required (or CASUS_DB)");
  return *db;
}

void RequireExistingDatabase(const std::string& db_path) {
  // A PostgreSQL server is asked when connecting; only a file can be created by mistake.
  if (persistence::DatabaseLocation::Parse(db_path).dialect != persistence::Dialect::kSqlite) {
    return;
  }
  if (!std::filesystem::exists(db_path)) {
    throw UsageError("no database at " + db_path + " (run `casus migrate --db " + db_path +
                     "` to create one)");
  }
}

}  // namespace casus::cli
