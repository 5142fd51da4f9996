// The settings of `casus serve`: their defaults, ranges and messages, as serve and
// `casus config check` both read them.

#include "serve_settings.hpp"

#include <fstream>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "command_line_of.hpp"
#include "domain/field_rules.hpp"

namespace casus::cli {
namespace {

using testing::CommandLineOf;

// `casus serve <words...>` with these CASUS_* variables and no config file, checked.
ServeConfiguration Serve(std::vector<std::string> words, const Settings::Environment& env = {}) {
  words.insert(words.begin(), "serve");
  return ServeConfigurationOf(ServeSettingsOf(CommandLineOf(std::move(words)), env));
}

TEST_CASE("The defaults of serve's settings are the server's own", "[cli][serve_settings]") {
  const ServeConfiguration defaults = Serve({"--db", "casus.db"});
  const web::ServerOptions server;
  CHECK(defaults.db == "casus.db");
  CHECK(defaults.server.host == server.host);
  CHECK(defaults.server.port == server.port);
  CHECK(defaults.server.threads == server.threads);
  CHECK(defaults.server.workers == server.workers);
  CHECK(defaults.server.report_workers == server.report_workers);
  CHECK(defaults.server.max_pending_requests == server.max_pending_requests);
  CHECK(defaults.server.max_pending_reports == server.max_pending_reports);
  CHECK(defaults.server.max_connections == server.max_connections);
  CHECK(defaults.server.header_timeout == server.header_timeout);
  CHECK(defaults.server.body_timeout == server.body_timeout);
  CHECK(defaults.server.idle_timeout == server.idle_timeout);
  CHECK(defaults.server.stop_timeout == server.stop_timeout);
  CHECK(defaults.server.header_limit == server.header_limit);
  CHECK(defaults.server.body_limit == server.body_limit);
  CHECK(defaults.server.trusted_proxies.empty());
  CHECK(defaults.earliest_record_date == domain::kDefaultEarliestRecordDate);
  CHECK(defaults.log_format == "json");
  CHECK_FALSE(defaults.audit_key_file.has_value());
  CHECK_FALSE(defaults.metrics_listen.has_value());
  CHECK_FALSE(defaults.oidc_issuer.has_value());
}

TEST_CASE("Every setting has a distinct name, a help text and a rule", "[cli][serve_settings]") {
  std::set<std::string_view> names;
  for (const ServeSetting& setting : ServeSettings()) {
    INFO(setting.key.name);
    CHECK(names.insert(setting.key.name).second);
    CHECK_FALSE(setting.help.empty());
    CHECK(setting.apply != nullptr);
  }
  for (const char* name : {"listen",          "db",
                           "threads",         "workers",
                           "report-workers",  "max-pending-requests",
                           "max-connections", "header-timeout",
                           "body-timeout",    "idle-timeout",
                           "stop-timeout",    "header-limit",
                           "body-limit",      "trusted-proxy",
                           "earliest-date",   "audit-key-file",
                           "log-format",      "metrics-listen",
                           "oidc-issuer",     "oidc-audience",
                           "oidc-jwks-file",  "oidc-role-claim",
                           "oidc-role-map"}) {
    CHECK(names.count(name) == 1);
  }
}

TEST_CASE("Serve's settings come from flags and CASUS_ variables into the server's options",
          "[cli][serve_settings]") {
  const ServeConfiguration configuration =
      Serve({"--listen", "[::1]:9000", "--header-timeout", "5", "--body-limit", "2048",
             "--trusted-proxy", "127.0.0.1/32,10.0.0.0/8", "--workers", "12"},
            {{"CASUS_DB", "env.db"},
             {"CASUS_MAX_CONNECTIONS", "300"},
             {"CASUS_REPORT_WORKERS", "3"},
             {"CASUS_IDLE_TIMEOUT", "90"},
             {"CASUS_HEADER_LIMIT", "16384"},
             {"CASUS_MAX_PENDING_REQUESTS", "100"},
             {"CASUS_LOG_FORMAT", "text"}});
  CHECK(configuration.db == "env.db");
  CHECK(configuration.server.host == "::1");
  CHECK(configuration.server.port == 9000);
  CHECK(configuration.server.header_timeout == std::chrono::seconds(5));
  CHECK(configuration.server.body_limit == 2048);
  CHECK(configuration.server.trusted_proxies.ToString() == "127.0.0.1/32,10.0.0.0/8");
  CHECK(configuration.server.workers == 12);
  CHECK(configuration.server.max_connections == 300);
  CHECK(configuration.server.report_workers == 3);
  CHECK(configuration.server.idle_timeout == std::chrono::seconds(90));
  CHECK(configuration.server.header_limit == 16384);
  CHECK(configuration.server.max_pending_requests == 100);
  CHECK(configuration.log_format == "text");
}

TEST_CASE("A value out of range is refused naming where it came from", "[cli][serve_settings]") {
  CHECK_THROWS_WITH(Serve({"--db", "d", "--threads", "0"}),
                    "--threads must be between 1 and 64, not 0");
  CHECK_THROWS_WITH(Serve({"--db", "d"}, {{"CASUS_HEADER_TIMEOUT", "0"}}),
                    "CASUS_HEADER_TIMEOUT must be between 1 and 3600, not 0");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--body-limit", "ten"}),
                    "--body-limit must be a whole number, not 'ten'");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--max-connections", "0"}),
                    "--max-connections must be between 1 and 1000000, not 0");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--header-limit", "100"}),
                    "--header-limit must be between 1024 and 1048576, not 100");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--log-format", "xml"}),
                    "--log-format must be json or text");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--listen", "8080"}),
                    "--listen takes HOST:PORT, e.g. 127.0.0.1:8080, not '8080'");
  CHECK_THROWS_WITH(Serve({"--db", "d", "--earliest-date", "1800-01-01"}),
                    "--earliest-date lies before 1900");
  CHECK_THROWS_AS(Serve({"--db", "d", "--workers", "257"}), UsageError);
  CHECK_THROWS_AS(Serve({"--db", "d", "--report-workers", "-1"}), UsageError);
  CHECK_THROWS_AS(Serve({"--db", "d", "--stop-timeout", "3601"}), UsageError);
}

TEST_CASE("A malformed trusted proxy stops the start with the entry named",
          "[cli][serve_settings]") {
  CHECK_THROWS_WITH(Serve({"--db", "d", "--trusted-proxy", "127.0.0.1/32,10.0.0.0/40"}),
                    Catch::StartsWith("--trusted-proxy: '10.0.0.0/40' is not a network"));
  CHECK_THROWS_AS(Serve({"--db", "d"}, {{"CASUS_TRUSTED_PROXY", "proxy.example.nl"}}), UsageError);
}

TEST_CASE("Serve needs a database from some source", "[cli][serve_settings]") {
  CHECK_THROWS_WITH(Serve({}), Catch::StartsWith("option --db is required (or CASUS_DB"));
}

TEST_CASE("An option serve does not know is refused", "[cli][serve_settings]") {
  CHECK_THROWS_WITH(Serve({"--db", "d", "--thread", "4"}), "unknown option --thread");
}

TEST_CASE("A config file that does not exist stops serve", "[cli][serve_settings]") {
  CHECK_THROWS_WITH(Serve({"--db", "d", "--config", "/nonexistent.conf"}),
                    "cannot read the config file /nonexistent.conf");
  CHECK_THROWS_WITH(Serve({"--db", "d"}, {{"CASUS_CONFIG", "/nonexistent.conf"}}),
                    "cannot read the config file /nonexistent.conf");
}

// packaging/casus.conf with its `#key = value` lines uncommented: the file an operator gets by
// taking the comment marks off.
std::string SampleWithKeysUncommented() {
  std::ifstream in(std::string(CASUS_SOURCE_DIR) + "/packaging/casus.conf");
  REQUIRE(in);
  std::string text, line;
  while (std::getline(in, line)) {
    const auto equals = line.find(" = ");
    const bool commented_key =
        line.size() > 1 && line[0] == '#' && line[1] != ' ' && equals != std::string::npos;
    text += (commented_key ? line.substr(1) : line) + "\n";
  }
  return text;
}

TEST_CASE("The sample config file names every setting once, at its default where it has one",
          "[cli][serve_settings]") {
  const auto file =
      ConfigFile::Parse(SampleWithKeysUncommented(), "casus.conf", ServeSettingNames());
  for (const ServeSetting& setting : ServeSettings()) {
    INFO(setting.key.name);
    const ConfigFile::Entry* entry = file.Find(setting.key.name);
    REQUIRE(entry != nullptr);
    if (setting.key.default_value) CHECK(entry->value == *setting.key.default_value);
  }
}

}  // namespace
}  // namespace casus::cli
