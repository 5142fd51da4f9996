// Settings: flag > environment > config file > default, and the source of each value.

#include "settings.hpp"

#include <array>
#include <string_view>

#include <catch2/catch.hpp>

#include "command_line_of.hpp"

namespace casus::cli {
namespace {

using testing::CommandLineOf;

constexpr std::array kKeys{SettingKey{"listen", "127.0.0.1:8080"},
                           SettingKey{"max-connections", "auto"},
                           SettingKey{"audit-key-file", std::nullopt}};
constexpr std::array<std::string_view, 2> kNames{"listen", "max-connections"};

TEST_CASE("An option's environment variable is its name upper-cased with '-' as '_'",
          "[cli][settings]") {
  CHECK(Settings::EnvironmentName("max-connections") == "CASUS_MAX_CONNECTIONS");
  CHECK(Settings::EnvironmentName("db") == "CASUS_DB");
  CHECK(Settings::EnvironmentName("oidc-jwks-file") == "CASUS_OIDC_JWKS_FILE");
}

TEST_CASE(
    "The flag wins over the environment, the environment over the file, the file over "
    "the default",
    "[cli][settings]") {
  const auto file =
      ConfigFile::Parse("listen = 10.0.0.1:80\nmax-connections = 50\n", "casus.conf", kNames);
  const Settings::Environment environment{{"CASUS_LISTEN", "10.0.0.2:80"},
                                          {"CASUS_MAX_CONNECTIONS", "60"}};

  const Settings all(CommandLineOf({"serve", "--listen", "10.0.0.3:80"}), kKeys, environment,
                     &file);
  CHECK(all.Option("listen") == "10.0.0.3:80");
  CHECK(all.Of("listen").source == SettingSource::kFlag);
  CHECK(all.Of("listen").where == "--listen");
  CHECK(all.Option("max-connections") == "60");
  CHECK(all.Of("max-connections").source == SettingSource::kEnvironment);
  CHECK(all.Of("max-connections").where == "CASUS_MAX_CONNECTIONS");

  const Settings file_only(CommandLineOf({"serve"}), kKeys, {}, &file);
  CHECK(file_only.Option("listen") == "10.0.0.1:80");
  CHECK(file_only.Of("listen").source == SettingSource::kFile);
  CHECK(file_only.Of("listen").where == "casus.conf:1 (listen)");

  const Settings defaults(CommandLineOf({"serve"}), kKeys, {}, nullptr);
  CHECK(defaults.Option("listen") == "127.0.0.1:8080");
  CHECK(defaults.Of("listen").source == SettingSource::kDefault);
  CHECK_FALSE(defaults.Option("audit-key-file").has_value());
}

TEST_CASE("An empty environment variable counts as unset", "[cli][settings]") {
  const Settings settings(CommandLineOf({"serve"}), kKeys, {{"CASUS_LISTEN", ""}});
  CHECK(settings.Option("listen") == "127.0.0.1:8080");
  CHECK(settings.Of("listen").source == SettingSource::kDefault);
}

TEST_CASE("Every key is listed in table order with its value and source", "[cli][settings]") {
  const Settings settings(CommandLineOf({"serve", "--audit-key-file", "/k"}), kKeys, {});
  REQUIRE(settings.values().size() == 3);
  CHECK(settings.values()[0].name == "listen");
  CHECK(settings.values()[2].name == "audit-key-file");
  CHECK(NameOf(settings.values()[2].source) == "flag");
  CHECK(NameOf(settings.values()[0].source) == "default");
}

TEST_CASE("A required option without a value names the flag, the variable and the file",
          "[cli][settings]") {
  const Settings settings(CommandLineOf({"serve"}), kKeys, {});
  CHECK_THROWS_WITH(settings.Required("audit-key-file"),
                    "option --audit-key-file is required (or CASUS_AUDIT_KEY_FILE, or "
                    "`audit-key-file = ...` in the config file)");
}

TEST_CASE("CASUS_ variables that name no setting are reported, others are not", "[cli][settings]") {
  const Settings::Environment environment{{"CASUS_LISTEN", "x"},
                                          {"CASUS_LISTN", "x"},
                                          {"CASUS_TEST_BACKEND", "sqlite"},
                                          {"HOME", "/root"}};
  constexpr std::array<std::string_view, 1> kAlsoKnown{"CASUS_TEST_BACKEND"};
  CHECK(Settings::UnknownVariables(kKeys, environment, kAlsoKnown) ==
        std::vector<std::string>{"CASUS_LISTN"});
}

}  // namespace
}  // namespace casus::cli
