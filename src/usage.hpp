#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace casus::cli {

// One form of a `casus` command, as `casus help` and the man page show it. Several forms may
// share a command word (`report`, `token`, `audit`, `districts`, `settings`).
struct CommandHelp {
  std::string_view command;      // the first word: "serve", "report", ...
  std::string_view synopsis;     // the form with its options; continuation lines indented
  std::string_view description;  // what it does; lines indented by eight spaces, may be empty
};

// Every command form, in the order `casus help` lists them. Static storage.
const std::vector<CommandHelp>& Commands();

// `casus help`: the preamble (what --db and --audit-key-file take) and every command.
std::string UsageText();

// `casus help COMMAND`, `casus COMMAND --help`: the forms of that command word; nullopt for a
// word that is no command.
std::optional<std::string> HelpFor(std::string_view command);

// `casus --version`: the program's version and the schema version it brings databases to.
std::string VersionText(std::string_view version, int schema_version);

// The manual page casus(1) in roff, written from the same table: the build installs it
// (`casus help --man` writes it), so that it cannot drift from `casus help`.
std::string ManPage(std::string_view version, int schema_version);

}  // namespace casus::cli
