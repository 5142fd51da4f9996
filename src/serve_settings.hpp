#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "command_line.hpp"
#include "domain/date.hpp"
#include "settings.hpp"
#include "web/server.hpp"

namespace casus::cli {

// What `casus serve` runs with, checked and converted from its Settings.
struct ServeConfiguration {
  std::string db;
  web::ServerOptions server;  // listen, threads, pools, timeouts, limits, trusted proxies
  std::string log_format;     // json or text
  domain::Date earliest_record_date = domain::kDefaultEarliestRecordDate;
  std::optional<std::string> audit_key_file;
  std::optional<web::ServerOptions> metrics_listen;  // its host and port: a second listener
  // Checked together when the server is wired (they load the key file): see OidcOptions.
  std::optional<std::string> oidc_issuer, oidc_audience, oidc_jwks_file, oidc_role_claim,
      oidc_role_map;
};

// One operational setting of `casus serve`: the rules of the option as data.
struct ServeSetting {
  SettingKey key;  // name and default; the environment variable follows from the name
  std::string_view help;
  // Checks `value` and writes it into the configuration; throws UsageError naming `what`
  // (where the value came from: "--threads", "CASUS_THREADS", "casus.conf:3 (threads)").
  void (*apply)(const std::string& value, const std::string& what, ServeConfiguration& into);
};

// Every setting of `casus serve`, in the order `casus config check` prints them.
std::span<const ServeSetting> ServeSettings();
// Their keys, for Settings and ConfigFile.
std::span<const SettingKey> ServeSettingKeys();
std::span<const std::string_view> ServeSettingNames();

// The CASUS_* variables that are no setting but known all the same: the config file's own
// variable and the test harness's.
std::span<const std::string_view> OtherCasusVariables();

// The settings of `casus serve` and `casus config check`: flags of `line`, the process's
// CASUS_* variables, and the config file of --config PATH (or CASUS_CONFIG). Throws
// UsageError for an unknown flag and for a config file that cannot be read or holds an
// unknown key, a key twice or a malformed line.
Settings ServeSettingsOf(const CommandLine& line, const Settings::Environment& environment);

// Every value checked and converted exactly as serve uses them; throws UsageError for the
// first that does not parse or lies outside its range, naming where it came from, and when
// --db is missing. The identity provider's options are checked with their key file later.
ServeConfiguration ServeConfigurationOf(const Settings& settings);

// "HOST:PORT" (an IPv6 host in brackets: [::1]:8080) as a server's host and port.
web::ServerOptions ListenOptions(const std::string& listen, const std::string& what);

}  // namespace casus::cli
