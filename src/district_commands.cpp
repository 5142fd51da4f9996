// casus districts ... and casus settings ...: the municipality's reference data.
#include <fstream>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

#include "app.hpp"
#include "commands.hpp"

namespace casus::cli {

namespace {

// A wijken file is a few kilobytes; anything much larger is not one.
constexpr std::streamsize kMaxFileBytes = 1 << 20;

std::string ReadSmallFile(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw std::runtime_error("cannot read " + path);
  std::string text(static_cast<std::size_t>(kMaxFileBytes) + 1, '\0');
  file.read(text.data(), kMaxFileBytes + 1);
  if (file.gcount() > kMaxFileBytes) throw std::runtime_error(path + " is larger than 1 MiB");
  text.resize(static_cast<std::size_t>(file.gcount()));
  return text;
}

// The wijk an option names: --code WK063701 or --name Centrum, exactly one of them.
std::string Which(const CommandLine& line) {
  const auto code = line.Option("code");
  const auto name = line.Option("name");
  if (code.has_value() == name.has_value()) {
    throw UsageError("name the wijk with either --code CODE or --name NAME");
  }
  return code ? *code : *name;
}

std::string Describe(const domain::District& district) {
  std::string line = district.name + "\t" + district.code.value_or("-") + "\t" +
                     std::to_string(district.position) + "\t" +
                     (district.retired_on ? "opgeheven per " + district.retired_on->ToString()
                                          : std::string("actief"));
  for (const auto& former : district.former_names) {
    line += "\ttot en met " + former.until.ToString() + ": " + former.name;
  }
  return line;
}

// The file format `districts load` reads back.
std::string CsvField(const std::string& text) {
  if (text.find_first_of(",\";\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
  return quoted + "\"";
}

// Runs `change` as the command line's beheerder, audited on `object`.
template <typename Change>
auto Managed(App& app, const std::string& object, Change&& change) {
  return app.services.gate.Run(App::CommandLineActor(), domain::Action::kManageReferenceData,
                               object, std::forward<Change>(change));
}

}  // namespace

int Districts(const CommandLine& line) {
  const auto& words = line.words();
  const std::string action = words.size() == 2 ? words[1] : "";
  if (action == "list") {
    line.Allow({"db", "format"});
    const std::string format = line.Option("format").value_or("names");
    if (format != "names" && format != "table" && format != "csv") {
      throw UsageError("--format must be names, table or csv");
    }
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line));
    const auto districts = app.services.districts.List();
    if (format == "csv") {
      std::cout << "naam,code,volgorde\n";
      for (const auto& district : districts) {
        std::cout << CsvField(district.name) << "," << district.code.value_or("") << ","
                  << district.position << "\n";
      }
    }
    for (const auto& district : districts) {
      if (format == "table") std::cout << Describe(district) << "\n";
      if (format == "names") std::cout << district.name << "\n";
    }
    return 0;
  }
  if (action == "add") {
    line.Allow({"db", "name", "audit-key-file"});
    const auto name = line.Required("name");
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    Managed(app, "districts/" + name, [&] { app.services.districts.Add(name); });
    std::cout << "added wijk '" << name << "' at the end of the reference order\n";
    return 0;
  }
  if (action == "load") {
    line.Allow({"db", "file", "audit-key-file"}, {"replace"});
    const auto rows = domain::ReadDistrictFile(ReadSmallFile(line.Required("file")));
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const bool replace = line.Flag("replace");
    const auto summary =
        Managed(app, "districts", [&] { return app.services.districts.Load(rows, replace); });
    std::cout << "loaded " << rows.size() << " wijken: " << summary.added << " added, "
              << summary.changed << " changed, " << summary.unchanged << " unchanged";
    if (replace) std::cout << ", " << summary.removed << " removed";
    std::cout << "\n";
    for (const auto& name : summary.kept_retired) {
      std::cout << "kept the retired wijk '" << name << "': it has casussen\n";
    }
    return 0;
  }
  if (action == "rename") {
    line.Allow({"db", "code", "name", "to", "on", "audit-key-file"});
    const std::string which = Which(line);
    const std::string to = line.Required("to");
    std::optional<domain::Date> on;
    if (const auto text = line.Option("on")) on = ParseDateOption(*text, "--on");
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto renamed = Managed(app, "districts/" + which,
                                 [&] { return app.services.districts.Rename(which, to, on); });
    std::cout << "renamed: " << Describe(renamed) << "\n";
    return 0;
  }
  if (action == "retire") {
    line.Allow({"db", "code", "name", "on", "audit-key-file"});
    const std::string which = Which(line);
    std::optional<domain::Date> on;
    if (const auto text = line.Option("on")) on = ParseDateOption(*text, "--on");
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto retired = Managed(app, "districts/" + which,
                                 [&] { return app.services.districts.Retire(which, on); });
    std::cout << "retired: " << Describe(retired) << "\n";
    return 0;
  }
  if (action == "reorder") {
    line.Allow({"db", "code", "name", "position", "audit-key-file"});
    const std::string which = Which(line);
    const int position = ParseWholeNumber(line.Required("position"), "--position");
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto moved = Managed(app, "districts/" + which,
                               [&] { return app.services.districts.Reorder(which, position); });
    std::cout << "moved: " << Describe(moved) << "\n";
    return 0;
  }
  throw UsageError(
      "usage: casus districts list|add|load|rename|retire|reorder --db PATH [...] (casus help)");
}

int MunicipalitySettings(const CommandLine& line) {
  const auto& words = line.words();
  const std::string action = words.size() == 2 ? words[1] : "";
  if (action == "show") {
    line.Allow({"db"});
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line));
    const auto municipality = app.services.districts.GetMunicipality();
    std::cout << "municipality: " << municipality.name << "\n"
              << "woonoverlast-table-title: " << municipality.woonoverlast_table_title << "\n";
    return 0;
  }
  if (action == "set") {
    line.Allow({"db", "municipality", "woonoverlast-table-title", "audit-key-file"});
    const auto name = line.Option("municipality");
    const auto title = line.Option("woonoverlast-table-title");
    if (!name && !title) {
      throw UsageError("settings set needs --municipality or --woonoverlast-table-title");
    }
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto municipality = Managed(
        app, "settings", [&] { return app.services.districts.SetMunicipality(name, title); });
    std::cout << "municipality: " << municipality.name << "\n"
              << "woonoverlast-table-title: " << municipality.woonoverlast_table_title << "\n";
    return 0;
  }
  throw UsageError(
      "usage: casus settings show --db PATH | settings set --db PATH [--municipality NAME] "
      "[--woonoverlast-table-title TITLE]");
}

}  // namespace casus::cli
