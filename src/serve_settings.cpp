#include "serve_settings.hpp"

#include <array>
#include <chrono>
#include <stdexcept>

#include "domain/field_rules.hpp"
#include "web/trusted_proxies.hpp"

namespace casus::cli {

namespace {

int WholeNumberIn(const std::string& value, const std::string& what, int low, int high) {
  const int number = ParseWholeNumber(value, what);
  if (number < low || number > high) {
    throw UsageError(what + " must be between " + std::to_string(low) + " and " +
                     std::to_string(high) + ", not " + value);
  }
  return number;
}

// "auto" (the value's default, worked out from the machine), else a number in range; 0 means
// auto to the server.
int AutoOrNumberIn(const std::string& value, const std::string& what, int low, int high) {
  return value == "auto" ? 0 : WholeNumberIn(value, what, low, high);
}

constexpr int kMaxSeconds = 3600;

std::chrono::seconds Seconds(const std::string& value, const std::string& what) {
  return std::chrono::seconds(WholeNumberIn(value, what, 1, kMaxSeconds));
}

std::optional<std::string> NotEmpty(const std::string& value, const std::string& what) {
  if (value.empty()) throw UsageError(what + " must not be empty");
  return value;
}

using Into = ServeConfiguration;
using What = const std::string&;

// The table: each setting's name, default, help and rule. A default is applied through its own
// rule, so that it is valid by construction and `config check` shows it as the server uses it.
const std::array kServeSettings{
    ServeSetting{{"db", std::nullopt},
                 "SQLite file path or PostgreSQL connection string (required)",
                 [](const std::string& v, What w, Into& c) { c.db = *NotEmpty(v, w); }},
    ServeSetting{{"listen", "127.0.0.1:8080"},
                 "HOST:PORT to serve the API on ([::1]:8080 for IPv6; port 0: any free one)",
                 [](const std::string& v, What w, Into& c) {
                   const auto listen = ListenOptions(v, w);
                   c.server.host = listen.host;
                   c.server.port = listen.port;
                 }},
    ServeSetting{{"threads", "auto"},
                 "I/O threads, which parse and write HTTP (1-64; auto: one per core)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.threads = AutoOrNumberIn(v, w, 1, 64);
                 }},
    ServeSetting{
        {"workers", "auto"},
        "threads that run requests on the database (1-256; auto: 16 per core, at least 16; on "
        "PostgreSQL 4 per core, at least 8)",
        [](const std::string& v, What w, Into& c) {
          c.server.workers = AutoOrNumberIn(v, w, 1, 256);
        }},
    ServeSetting{{"report-workers", "2"},
                 "threads that compute year reports, apart from the workers (1-64)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.report_workers = WholeNumberIn(v, w, 1, 64);
                 }},
    ServeSetting{{"max-pending-requests", "1024"},
                 "requests queued or running on the workers at most; more get 503 (1-1000000)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.max_pending_requests =
                       static_cast<std::size_t>(WholeNumberIn(v, w, 1, 1'000'000));
                 }},
    ServeSetting{{"max-pending-reports", "64"},
                 "report requests queued or running at most; more get 503 (1-100000)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.max_pending_reports =
                       static_cast<std::size_t>(WholeNumberIn(v, w, 1, 100'000));
                 }},
    ServeSetting{{"max-connections", "auto"},
                 "open connections at most (1-1000000; auto: the open-file limit less the "
                 "database's and 64)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.max_connections =
                       static_cast<std::size_t>(AutoOrNumberIn(v, w, 1, 1'000'000));
                 }},
    ServeSetting{
        {"header-timeout", "10"},
        "seconds a client has to send a request's header (1-3600)",
        [](const std::string& v, What w, Into& c) { c.server.header_timeout = Seconds(v, w); }},
    ServeSetting{
        {"body-timeout", "30"},
        "seconds to read a request body, and to write a response (1-3600)",
        [](const std::string& v, What w, Into& c) { c.server.body_timeout = Seconds(v, w); }},
    ServeSetting{
        {"idle-timeout", "60"},
        "seconds a kept-alive connection may wait for its next request (1-3600)",
        [](const std::string& v, What w, Into& c) { c.server.idle_timeout = Seconds(v, w); }},
    ServeSetting{
        {"stop-timeout", "10"},
        "seconds a stop waits for requests in flight (1-3600)",
        [](const std::string& v, What w, Into& c) { c.server.stop_timeout = Seconds(v, w); }},
    ServeSetting{{"header-limit", "8192"},
                 "bytes of a request header at most; larger: 431 (1024-1048576)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.header_limit =
                       static_cast<std::size_t>(WholeNumberIn(v, w, 1024, 1 << 20));
                 }},
    ServeSetting{{"body-limit", "1048576"},
                 "bytes of a request body at most; larger: 413 (1024-1073741824)",
                 [](const std::string& v, What w, Into& c) {
                   c.server.body_limit =
                       static_cast<std::size_t>(WholeNumberIn(v, w, 1024, 1 << 30));
                 }},
    ServeSetting{{"trusted-proxy", std::nullopt},
                 "CIDR[,CIDR...] of reverse proxies whose X-Forwarded-For/Forwarded is believed",
                 [](const std::string& v, What w, Into& c) {
                   try {
                     c.server.trusted_proxies = web::TrustedProxies::Parse(v);
                   } catch (const std::invalid_argument& error) {
                     throw UsageError(w + ": " + error.what());
                   }
                 }},
    ServeSetting{{"earliest-date", "1990-01-01"},
                 "dates of what happened before it are refused (YYYY-MM-DD)",
                 [](const std::string& v, What w, Into& c) {
                   c.earliest_record_date = ParseDateOption(v, w);
                   if (c.earliest_record_date.year() < domain::kFirstYear) {
                     throw UsageError(w + " lies before " + std::to_string(domain::kFirstYear));
                   }
                 }},
    ServeSetting{{"audit-key-file", std::nullopt},
                 "the key of a keyed audit chain",
                 [](const std::string& v, What w, Into& c) {
                   if (v.empty()) throw UsageError(w + " needs a path");
                   c.audit_key_file = v;
                 }},
    ServeSetting{{"log-format", "json"},
                 "json or text: one line per request, error, start and stop on stdout",
                 [](const std::string& v, What w, Into& c) {
                   if (v != "json" && v != "text") throw UsageError(w + " must be json or text");
                   c.log_format = v;
                 }},
    ServeSetting{
        {"metrics-listen", std::nullopt},
        "HOST:PORT of a second listener that serves /metrics to anyone",
        [](const std::string& v, What w, Into& c) { c.metrics_listen = ListenOptions(v, w); }},
    ServeSetting{{"oidc-issuer", std::nullopt},
                 "the identity provider's issuer (iss); with oidc-audience and oidc-jwks-file",
                 [](const std::string& v, What w, Into& c) { c.oidc_issuer = NotEmpty(v, w); }},
    ServeSetting{{"oidc-audience", std::nullopt},
                 "the audience (aud) its access tokens must carry",
                 [](const std::string& v, What w, Into& c) { c.oidc_audience = NotEmpty(v, w); }},
    ServeSetting{{"oidc-jwks-file", std::nullopt},
                 "file with its signing keys (JWKS), read again on SIGHUP",
                 [](const std::string& v, What w, Into& c) { c.oidc_jwks_file = NotEmpty(v, w); }},
    ServeSetting{
        {"oidc-role-claim", std::nullopt},
        "claim holding the role (when unset: groups; a dotted path like realm_access.roles)",
        [](const std::string& v, What w, Into& c) { c.oidc_role_claim = NotEmpty(v, w); }},
    ServeSetting{{"oidc-role-map", std::nullopt},
                 "IDP=ROLE,... mapping the provider's values to Casus roles",
                 [](const std::string& v, What w, Into& c) { c.oidc_role_map = NotEmpty(v, w); }},
};

template <typename T, typename Of>
std::vector<T> Column(Of of) {
  std::vector<T> column;
  for (const ServeSetting& setting : kServeSettings) column.push_back(of(setting));
  return column;
}

}  // namespace

std::span<const ServeSetting> ServeSettings() { return kServeSettings; }

std::span<const SettingKey> ServeSettingKeys() {
  static const auto keys = Column<SettingKey>([](const ServeSetting& s) { return s.key; });
  return keys;
}

std::span<const std::string_view> ServeSettingNames() {
  static const auto names =
      Column<std::string_view>([](const ServeSetting& s) { return s.key.name; });
  return names;
}

std::span<const std::string_view> OtherCasusVariables() {
  static constexpr std::array<std::string_view, 5> kOthers{
      "CASUS_CONFIG", "CASUS_TEST_BACKEND", "CASUS_RESPONSE_LOG", "CASUS_REQUIRE_POSTGRES",
      "CASUS_REQUIRE_CHROMIUM"};
  return kOthers;
}

Settings ServeSettingsOf(const CommandLine& line, const Settings::Environment& environment) {
  std::vector<std::string> allowed{"config"};
  for (const std::string_view name : ServeSettingNames()) allowed.emplace_back(name);
  line.Allow(allowed);
  std::optional<ConfigFile> file;
  std::optional<std::string> path = line.Option("config");
  if (!path) {
    if (const auto it = environment.find("CASUS_CONFIG");
        it != environment.end() && !it->second.empty()) {
      path = it->second;
    }
  }
  if (path) {
    if (path->empty()) throw UsageError("option --config needs a path");
    file = ConfigFile::Read(*path, ServeSettingNames());
  }
  return Settings(line, ServeSettingKeys(), environment, file ? &*file : nullptr);
}

ServeConfiguration ServeConfigurationOf(const Settings& settings) {
  ServeConfiguration configuration;
  settings.Required("db");
  for (const ServeSetting& setting : kServeSettings) {
    const Settings::Value& value = settings.Of(setting.key.name);
    if (value.text) setting.apply(*value.text, value.where, configuration);
  }
  return configuration;
}

web::ServerOptions ListenOptions(const std::string& listen, const std::string& what) {
  const auto colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) {
    throw UsageError(what + " takes HOST:PORT, e.g. 127.0.0.1:8080, not '" + listen + "'");
  }
  web::ServerOptions options;
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']') {
    options.host = options.host.substr(1, options.host.size() - 2);  // [::1]:8080
  }
  const int port = ParseWholeNumber(listen.substr(colon + 1), what + "'s port");
  if (port < 0 || port > 65535) throw UsageError(what + ": the port must be between 0 and 65535");
  options.port = static_cast<unsigned short>(port);
  return options;
}

}  // namespace casus::cli
