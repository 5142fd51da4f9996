#include "settings.hpp"

#include <algorithm>
#include <cctype>
#include <stdexcept>

extern char** environ;  // POSIX: the process's environment, NAME=value strings

namespace casus::cli {

namespace {

constexpr std::string_view kPrefix = "CASUS_";

}  // namespace

Settings::Environment Settings::ProcessEnvironment() {
  Environment environment;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto equals = text.find('=');
    if (equals == std::string_view::npos || !text.starts_with(kPrefix)) continue;
    environment.emplace(text.substr(0, equals), text.substr(equals + 1));
  }
  return environment;
}

std::string Settings::EnvironmentName(std::string_view name) {
  std::string variable(kPrefix);
  for (const char c : name) {
    variable += c == '-' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return variable;
}

Settings::Settings(const CommandLine& line, std::span<const SettingKey> keys,
                   const Environment& environment, const ConfigFile* file) {
  for (const SettingKey& key : keys) {
    const std::string name(key.name);
    const std::string variable = EnvironmentName(key.name);
    Value value{name, std::nullopt, SettingSource::kDefault, "the default of " + name};
    if (auto flag = line.Option(name)) {
      value = {name, std::move(flag), SettingSource::kFlag, "--" + name};
    } else if (const auto it = environment.find(variable);
               it != environment.end() && !it->second.empty()) {
      value = {name, it->second, SettingSource::kEnvironment, variable};
    } else if (const ConfigFile::Entry* entry = file ? file->Find(name) : nullptr) {
      value = {name, entry->value, SettingSource::kFile,
               file->path() + ":" + std::to_string(entry->line) + " (" + name + ")"};
    } else if (key.default_value) {
      value.text = std::string(*key.default_value);
    }
    values_.push_back(std::move(value));
  }
}

const Settings::Value& Settings::Of(std::string_view name) const {
  const auto it = std::find_if(values_.begin(), values_.end(),
                               [name](const Value& value) { return value.name == name; });
  // A name outside the table is the program's mistake, never the operator's.
  if (it == values_.end()) throw std::logic_error("no setting " + std::string(name));
  return *it;
}

std::optional<std::string> Settings::Option(std::string_view name) const { return Of(name).text; }

std::string Settings::Required(std::string_view name) const {
  const Value& value = Of(name);
  if (!value.text || value.text->empty()) {
    throw UsageError("option --" + value.name + " is required (or " + EnvironmentName(value.name) +
                     ", or `" + value.name + " = ...` in the config file)");
  }
  return *value.text;
}

std::vector<std::string> Settings::UnknownVariables(std::span<const SettingKey> keys,
                                                    const Environment& environment,
                                                    std::span<const std::string_view> also_known) {
  std::vector<std::string> unknown;
  for (const auto& [variable, text] : environment) {
    if (!variable.starts_with(kPrefix)) continue;
    const bool known =
        std::any_of(keys.begin(), keys.end(),
                    [&](const SettingKey& key) { return EnvironmentName(key.name) == variable; }) ||
        std::find(also_known.begin(), also_known.end(), variable) != also_known.end();
    if (!known) unknown.push_back(variable);
  }
  return unknown;
}

std::string_view NameOf(SettingSource source) {
  switch (source) {
    case SettingSource::kFlag:
      return "flag";
    case SettingSource::kEnvironment:
      return "env";
    case SettingSource::kFile:
      return "file";
    case SettingSource::kDefault:
      return "default";
  }
  return "default";
}

}  // namespace casus::cli
