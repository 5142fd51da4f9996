#pragma once

#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "config_file.hpp"

namespace casus::cli {

// Where an option's effective value came from, in order of precedence.
enum class SettingSource { kFlag, kEnvironment, kFile, kDefault };

// One option Settings knows: its long name (the flag `--name`, the config file's key, and
// CASUS_NAME in the environment) and its value when nothing gives one (nullopt: none).
struct SettingKey {
  std::string_view name;
  std::optional<std::string_view> default_value;
};

// Settings: the effective value of each option and its source. For each key, the flag wins,
// then the environment variable (the name upper-cased, '-' -> '_', after CASUS_: --max-
// connections is CASUS_MAX_CONNECTIONS; an empty variable counts as unset), then the config
// file, then the key's default. Lookups have CommandLine's shape, so that a command reads its
// options through this instead. Immutable once made; does not read the environment itself.
class Settings {
 public:
  // The environment's variables by name (the CASUS_* ones matter).
  using Environment = std::map<std::string, std::string, std::less<>>;
  // This process's CASUS_* variables.
  static Environment ProcessEnvironment();
  // "max-connections" -> "CASUS_MAX_CONNECTIONS".
  static std::string EnvironmentName(std::string_view name);

  // Reads `keys` only; refusing the flags a command does not know is the command's
  // (CommandLine::Allow). `file`: none, or one read already; not kept.
  Settings(const CommandLine& line, std::span<const SettingKey> keys,
           const Environment& environment, const ConfigFile* file = nullptr);

  struct Value {
    std::string name;
    std::optional<std::string> text;  // nullopt: no value and no default
    SettingSource source = SettingSource::kDefault;
    // Who gave it, for messages: "--threads", "CASUS_THREADS", "/etc/casus.conf:3 (threads)",
    // "the default of threads".
    std::string where;
  };

  std::optional<std::string> Option(std::string_view name) const;
  // Throws UsageError, naming the three ways to give it, when the option has no value.
  std::string Required(std::string_view name) const;
  // The value of `name`, which must be a key.
  const Value& Of(std::string_view name) const;
  // Every key with its value, in the order of the keys.
  const std::vector<Value>& values() const { return values_; }

  // The CASUS_* variables of `environment` that name no key (nor one of `also_known`): a typo
  // that would otherwise go unnoticed.
  static std::vector<std::string> UnknownVariables(std::span<const SettingKey> keys,
                                                   const Environment& environment,
                                                   std::span<const std::string_view> also_known);

 private:
  std::vector<Value> values_;
};

std::string_view NameOf(SettingSource source);  // "flag", "env", "file", "default"

}  // namespace casus::cli
