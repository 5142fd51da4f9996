// casus: the command line of the Casus case-management backend. Wiring only: every rule
// lives in domain/, storage in persistence/, HTTP in web/.
#include <exception>
#include <iostream>
#include <string>

#include "command_line.hpp"
#include "commands.hpp"
#include "domain/error.hpp"
#include "persistence/migrator.hpp"
#include "usage.hpp"

namespace {

int Dispatch(const casus::cli::CommandLine& line) {
  const auto& words = line.words();
  if (line.Flag("version") || (words.size() == 1 && words[0] == "version")) {
    std::cout << casus::cli::VersionText(CASUS_VERSION, casus::persistence::LatestSchemaVersion());
    return 0;
  }
  if (words.empty() || words[0] == "help") {
    if (line.Flag("man")) {
      std::cout << casus::cli::ManPage(CASUS_VERSION, casus::persistence::LatestSchemaVersion());
      return 0;
    }
    if (words.size() >= 2) {
      const auto help = casus::cli::HelpFor(words[1]);
      if (!help) throw casus::cli::UsageError("no command '" + words[1] + "'");
      std::cout << *help;
      return 0;
    }
    std::cout << casus::cli::UsageText();
    return words.empty() && !line.Flag("help") ? 2 : 0;
  }
  if (line.Flag("help")) {
    const auto help = casus::cli::HelpFor(words[0]);
    std::cout << help.value_or(casus::cli::UsageText());
    return 0;
  }
  const std::string& command = words[0];
  const bool has_subcommand = command == "report" || command == "token" || command == "audit" ||
                              command == "retention" || command == "districts" ||
                              command == "settings" || command == "config" || command == "import" ||
                              command == "export";
  if (!has_subcommand && words.size() != 1) {
    throw casus::cli::UsageError("unexpected argument '" + words[1] + "'");
  }
  if (command == "serve") return casus::cli::Serve(line);
  if (command == "config") return casus::cli::Config(line);
  if (command == "import") return casus::cli::Import(line);
  if (command == "export") return casus::cli::Export(line);
  if (command == "migrate") return casus::cli::Migrate(line);
  if (command == "copy") return casus::cli::Copy(line);
  if (command == "backup") return casus::cli::Backup(line);
  if (command == "seed-demo") return casus::cli::SeedDemo(line);
  if (command == "seed-synthetic") return casus::cli::SeedSynthetic(line);
  if (command == "report") return casus::cli::Report(line);
  if (command == "token") return casus::cli::Token(line);
  if (command == "audit") return casus::cli::Audit(line);
  if (command == "purge") return casus::cli::Purge(line);
  if (command == "retention") return casus::cli::Retention(line);
  if (command == "districts") return casus::cli::Districts(line);
  if (command == "settings") return casus::cli::MunicipalitySettings(line);
  throw casus::cli::UsageError("unknown command '" + command + "'");
}

// The help of the command named on the command line, or all of it when none is named.
std::string HelpAfterError(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (argv[i][0] == '-' || std::string_view(argv[i]) == "help") continue;
    if (const auto help = casus::cli::HelpFor(argv[i])) return *help;
    break;
  }
  return casus::cli::UsageText();
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Dispatch(casus::cli::CommandLine(argc, argv));
  } catch (const casus::cli::UsageError& error) {
    std::cerr << "casus: " << error.what() << "\n\n" << HelpAfterError(argc, argv);
    return 2;
  } catch (const casus::domain::DomainError& error) {
    std::cerr << "casus: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "casus: " << error.what() << "\n";
    return 1;
  }
}
