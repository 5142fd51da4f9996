#include "commands.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <functional>
#include <iomanip>
#include <iostream>
#include <memory>
#include <utility>

#include <malloc.h>
#include <sys/resource.h>

#include "app.hpp"
#include "demo/demo_data_set.hpp"
#include "demo/ondermijning_demo_data.hpp"
#include "demo/synthetic_data.hpp"
#include "demo/zoetermeer.hpp"
#include "domain/access/person_sign_in.hpp"
#include "domain/access/role_mapping.hpp"
#include "domain/error.hpp"
#include "domain/reports/report_paragraph.hpp"
#include "periodic_task.hpp"
#include "persistence/database_copy.hpp"
#include "persistence/database_location.hpp"
#include "persistence/migrator.hpp"
#include "serve_settings.hpp"
#include "settings.hpp"
#include "web/log.hpp"
#include "web/metrics.hpp"
#include "web/oidc/jwt_verifier.hpp"
#include "web/report_html.hpp"
#include "web/report_json.hpp"
#include "web/server.hpp"

namespace casus::cli {

namespace {

std::uint64_t ParseSeed(const std::string& text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw UsageError("--seed must be a whole number from 0 to 2^64-1, not '" + text + "'");
  }
  return value;
}

// Raises the soft open-file limit to the hard one: the usual soft default of 1,024 is far
// below what a server's connections need, and the hard limit is what the system allows. The
// server's connection cap follows from the result.
void RaiseOpenFileLimit() {
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur >= limit.rlim_max) return;
  limit.rlim_cur = limit.rlim_max;
  if (::setrlimit(RLIMIT_NOFILE, &limit) != 0) {
    web::Log::Event("warning", "start",
                    std::string("could not raise the open-file limit: ") + std::strerror(errno));
  }
}

// glibc gives freed memory back to the kernel once 128 KiB lie free at the top of a heap and
// faults it in again on the next request: under POST load a sixth of the writer's time went
// to madvise and page faults (SQLite's temporary b-trees come and go with every statement).
// Each arena now keeps up to 4 MiB, blocks of 1 MiB and more get mappings of their own, and
// four arenas serve all threads, so the memory kept stays bounded (about 16 MiB at most) while
// the churn goes: +18% durable POSTs in the benchmark.
void TuneAllocator() {
  mallopt(M_TRIM_THRESHOLD, 4 << 20);
  mallopt(M_MMAP_THRESHOLD, 1 << 20);
  mallopt(M_ARENA_MAX, 4);
}

// Sign-in with OpenID Connect as `serve` wires it: the verifier with its key set, the domain's
// sign-in on it, and the JWKS file that SIGHUP reads again.
struct OidcSignIn {
  OidcSignIn(web::oidc::JwtVerifierOptions options,
             std::shared_ptr<const web::oidc::JwksKeySet> keys, domain::RoleMapping roles,
             const domain::Clock& clock, std::string jwks)
      : verifier(std::move(options), std::move(keys)),
        people(verifier, std::move(roles), clock),
        jwks_file(std::move(jwks)) {}

  // SIGHUP: the key set in the file now, or, when it cannot be used, the old one kept.
  void Reload() {
    try {
      verifier.ReplaceKeys(web::oidc::JwksKeySet::Load(jwks_file));
      std::cout << "reloaded " << verifier.keys()->size() << " OIDC signing key(s) from "
                << jwks_file << std::endl;
    } catch (const std::exception& error) {
      // On stdout beside "reloaded", so that whoever sent the SIGHUP reads its outcome in
      // one place.
      std::cout << "kept the previous OIDC signing keys: " << error.what() << std::endl;
    }
  }

  web::oidc::JwtVerifier verifier;
  domain::PersonSignIn people;
  std::string jwks_file;
};

// The oidc-* settings: null when none is given. oidc-issuer, oidc-audience and
// oidc-jwks-file go together; the key file must hold a usable key now, so that a typo
// stops the start rather than every sign-in.
std::unique_ptr<OidcSignIn> OidcOptions(const ServeConfiguration& configuration,
                                        const domain::Clock& clock) {
  const auto& issuer = configuration.oidc_issuer;
  const auto& audience = configuration.oidc_audience;
  const auto& jwks_file = configuration.oidc_jwks_file;
  const auto& role_claim = configuration.oidc_role_claim;
  const auto& role_map = configuration.oidc_role_map;
  if (!issuer && !audience && !jwks_file) {
    if (role_claim || role_map) {
      throw UsageError(
          "--oidc-role-claim and --oidc-role-map need --oidc-issuer, "
          "--oidc-audience and --oidc-jwks-file");
    }
    return nullptr;
  }
  if (!issuer || !audience || !jwks_file) {
    throw UsageError("--oidc-issuer, --oidc-audience and --oidc-jwks-file go together");
  }
  if (issuer->empty() || audience->empty()) {
    throw UsageError("--oidc-issuer and --oidc-audience must not be empty");
  }
  web::oidc::JwtVerifierOptions options;
  options.issuer = *issuer;
  options.audience = *audience;
  if (role_claim) {
    if (role_claim->empty()) throw UsageError("--oidc-role-claim must not be empty");
    options.role_claim = *role_claim;
  }
  domain::RoleMapping roles;
  if (role_map) {
    try {
      roles = domain::RoleMapping::Parse(*role_map);
    } catch (const domain::DomainError& error) {
      throw UsageError(std::string("--oidc-role-map: ") + error.what());
    }
  }
  std::shared_ptr<const web::oidc::JwksKeySet> keys;
  try {
    keys = web::oidc::JwksKeySet::Load(*jwks_file);
  } catch (const std::runtime_error& error) {
    throw UsageError(std::string("--oidc-jwks-file: ") + error.what());
  }
  return std::make_unique<OidcSignIn>(std::move(options), std::move(keys), std::move(roles), clock,
                                      *jwks_file);
}

}  // namespace

namespace {

// What /metrics shows of storage and the report caches, beside the server's own counts.
void AddStorageMetrics(web::Metrics& metrics, App& app) {
  metrics.AddGauge("writer_queue_depth", "Units of work waiting for the writer.",
                   [&app] { return static_cast<double>(app.writer.QueueDepth()); });
  metrics.AddCounter("writer_batches_total", "Batches the writer committed.",
                     [&app] { return static_cast<double>(app.writer.BatchesCommitted()); });
  metrics.AddCounter("writer_failed_batches_total",
                     "Batches that failed to commit (their requests were answered 503).",
                     [&app] { return static_cast<double>(app.writer.BatchesFailed()); });
  metrics.AddHistogram("writer_batch_size", "Units of work per committed batch.", [&app] {
    web::HistogramSnapshot histogram;
    std::uint64_t cumulative = 0;
    const auto& bounds = persistence::GroupCommitWriter::kBatchSizeBounds;
    for (std::size_t i = 0; i < bounds.size(); ++i) {
      cumulative += app.writer.BatchesOfSize(i);
      histogram.bounds.push_back(static_cast<double>(bounds[i]));
      histogram.counts.push_back(cumulative);
    }
    histogram.counts.push_back(cumulative + app.writer.BatchesOfSize(bounds.size()));
    histogram.sum = static_cast<double>(app.writer.UnitsCommitted());
    return histogram;
  });
  metrics.AddCounter(
      "report_cache_hits_total", "Year and period reports answered from memory.",
      [&app] { return static_cast<double>(app.services.guarded_reports.CacheStats().hits); });
  metrics.AddCounter("report_cache_misses_total", "Year and period reports computed.", [&app] {
    return static_cast<double>(app.services.guarded_reports.CacheStats().misses);
  });
  metrics.AddCounter("audit_rows_written_total", "Audit rows appended by this process.",
                     [&app] { return static_cast<double>(app.audit_trail.RowsAppended()); });
}

}  // namespace

int Serve(const CommandLine& line) {
  const ServeConfiguration configuration =
      ServeConfigurationOf(ServeSettingsOf(line, Settings::ProcessEnvironment()));
  const std::string& log_format = configuration.log_format;
  web::ServerOptions options = configuration.server;
  options.database_server = persistence::DatabaseLocation::Parse(configuration.db).dialect !=
                            persistence::Dialect::kSqlite;
  domain::SystemClock oidc_clock;  // the App's comes later; checking the options comes first
  const std::unique_ptr<OidcSignIn> oidc = OidcOptions(configuration, oidc_clock);
  // Requests, errors and start and stop on stdout, one line each, in the chosen format.
  web::Log::Configure(stdout, log_format == "text" ? web::LogFormat::kText : web::LogFormat::kJson);
  options.access_log = true;
  RaiseOpenFileLimit();
  TuneAllocator();
  App app(configuration.db, {AuditAccess::Use::kAppends, configuration.audit_key_file},
          options.DatabaseConnections(), configuration.earliest_record_date);
  if (app.applied_migrations > 0) {
    std::cout << "applied " << app.applied_migrations << " migration(s)\n";
  }
  web::Metrics metrics;
  AddStorageMetrics(metrics, app);
  options.metrics = &metrics;
  web::ApiServices api = web::ApiServicesOf(
      app.services, [&app] { return app.writer.Alive() && persistence::AnswersRead(app.database); },
      oidc ? &oidc->people : nullptr, &metrics);
  web::Server server(api, options);
  // --metrics-listen: /metrics alone, for anyone who can reach that address.
  std::unique_ptr<web::Server> metrics_server;
  if (configuration.metrics_listen) {
    web::ServerOptions metrics_options = *configuration.metrics_listen;
    metrics_options.threads = 1;
    metrics_options.workers = 1;
    metrics_options.report_workers = 1;
    web::ApiServices only_metrics = api;
    only_metrics.metrics_public = true;
    only_metrics.metrics_only = true;
    metrics_server = std::make_unique<web::Server>(only_metrics, metrics_options);
    const unsigned short port = metrics_server->Start();
    web::Log::Event(
        "info", "start",
        "metrics on http://" + metrics_options.host + ":" + std::to_string(port) + "/metrics");
  }
  if (oidc) {
    std::cout << "sign-in with OpenID Connect: " << oidc->verifier.keys()->size()
              << " signing key(s) from " << oidc->jwks_file << "\n";
  }
  const bool ipv6 = options.host.find(':') != std::string::npos;
  const std::string host = ipv6 ? "[" + options.host + "]" : options.host;
  {
    // The access log's lines reach stdout within a second, without a write per request, and
    // written by a thread of their own.
    const web::LogWriter log_writer(std::chrono::seconds(1));
    // Refusals without a valid token are written per client and minute once it is over.
    PeriodicTask flush_refusals(std::chrono::seconds(5),
                                [&app] { app.services.gate.FlushRefusals(); });
    // Replies kept for Idempotency-Key expire after 24 hours; each Save removes expired ones
    // too, this clears them when no keyed request comes.
    PeriodicTask expire_idempotency_keys(std::chrono::minutes(10), [&app] {
      app.services.gate.InOneUnit([&app] { app.services.idempotency_keys.RemoveExpired(); });
    });
    server.RunUntilSignal(
        [&](unsigned short port) {
          std::cout << "listening on http://" << host << ':' << port << std::endl;  // scripts wait
          web::Log::Event("info", "start",
                          "listening on http://" + host + ":" + std::to_string(port));
        },
        oidc ? std::function<void()>([&oidc] { oidc->Reload(); }) : std::function<void()>());
  }
  if (metrics_server) metrics_server->Stop();
  app.services.gate.FlushRefusals(/*all=*/true);
  web::Log::Event("info", "stop", "stopped: requests in flight answered, refusals written");
  web::Log::Flush();
  std::cout << "stopped" << std::endl;
  return 0;
}

namespace {

// How `casus config check` shows where a value came from.
std::string SourceOf(const Settings::Value& value) {
  switch (value.source) {
    case SettingSource::kFlag:
      return "flag --" + value.name;
    case SettingSource::kEnvironment:
      return "env " + value.where;
    case SettingSource::kFile: {
      // "file /etc/casus/casus.conf:3" without the key the line already names.
      const std::string where = value.where.substr(0, value.where.rfind(" ("));
      return "file " + where;
    }
    case SettingSource::kDefault:
      return value.text ? "default" : "default: unset";
  }
  return "default";
}

}  // namespace

int Config(const CommandLine& line) {
  const auto& words = line.words();
  if (words.size() != 2 || words[1] != "check") {
    throw UsageError("usage: casus config check [--config PATH] [any serve option...]");
  }
  const Settings::Environment environment = Settings::ProcessEnvironment();
  const Settings settings = ServeSettingsOf(line, environment);
  // Checked exactly as serve checks them, the identity provider's key file included.
  const ServeConfiguration configuration = ServeConfigurationOf(settings);
  domain::SystemClock clock;
  OidcOptions(configuration, clock);
  for (const std::string& variable :
       Settings::UnknownVariables(ServeSettingKeys(), environment, OtherCasusVariables())) {
    std::cerr << "casus: warning: " << variable
              << " is set but is no setting of casus serve; ignored\n";
  }
  for (const Settings::Value& value : settings.values()) {
    std::string shown = value.text.value_or("");
    // A PostgreSQL connection string's password stays off the screen.
    if (value.name == "db" && value.text) {
      shown = persistence::DatabaseLocation::Parse(shown).Describe();
    }
    std::cout << value.name << " = " << shown << "  (" << SourceOf(value) << ")\n";
  }
  return 0;
}

int Migrate(const CommandLine& line) {
  line.Allow({"db"});
  persistence::Database database(DatabaseOption(line));
  const int applied = UpgradeSchema(database);
  std::cout << "applied " << applied << " migration(s); schema version "
            << persistence::CurrentVersion(database) << "\n";
  return 0;
}

int Copy(const CommandLine& line) {
  line.Allow({"from", "to"});
  const std::string from = line.Required("from");
  const std::string to = line.Required("to");
  RequireExistingDatabase(from);
  RequireExistingDatabase(to);
  persistence::Database source(from, 1);
  persistence::Database target(to, 1);
  // Casus databases of an older version are brought to this program's, as serve would; one
  // that no `casus migrate` created stays as it is, and the copy refuses it.
  for (persistence::Database* database : {&source, &target}) {
    if (persistence::CurrentVersion(*database) > 0) UpgradeSchema(*database);
  }
  const auto summary = persistence::CopyDatabase(source, target);
  std::cout << "copied " << persistence::DatabaseLocation::Parse(from).Describe() << " to "
            << persistence::DatabaseLocation::Parse(to).Describe() << ":\n";
  for (const auto& [table, rows] : summary) std::cout << "  " << table << ": " << rows << "\n";
  return 0;
}

int SeedDemo(const CommandLine& line) {
  line.Allow({"db"});
  App app(DatabaseOption(line));
  // Seeding is "make sure the demo data is there": each part fills an empty store and leaves
  // one that already holds data alone, so running it twice changes nothing.
  const auto seed = [](const char* what, const auto& load) {
    try {
      const auto summary = load();
      std::cout << "seeded " << what << ": " << summary.cases << " casussen, "
                << summary.transitions << " transitions";
      if (summary.signals > 0) std::cout << ", " << summary.signals << " signals";
      if (summary.activities > 0) std::cout << ", " << summary.activities << " activities";
      std::cout << "\n";
    } catch (const domain::DomainError& error) {
      if (error.code() != domain::ErrorCode::kConflict) throw;
      std::cout << what << ": the database already holds data; demo data not loaded again\n";
    }
  };
  if (demo::SetUpZoetermeer(app.services.districts)) {
    std::cout << "municipality: Zoetermeer, its eight wijken with their codes\n";
  } else {
    std::cout << "municipality: the wijken are another municipality's; left as they are\n";
  }
  seed("woonoverlast", [&] { return demo::SeedDemoData(app.services.cases); });
  seed("ondermijning", [&] {
    return demo::SeedOndermijningDemoData(app.services.cases, app.services.signals,
                                          app.services.activities);
  });
  return 0;
}

int SeedSynthetic(const CommandLine& line) {
  line.Allow({"db", "cases", "seed"});
  constexpr int kMaxCases = 10'000'000;
  const int cases = ParseWholeNumber(line.Required("cases"), "--cases");
  if (cases < 1 || cases > kMaxCases) {
    throw UsageError("--cases must be between 1 and " + std::to_string(kMaxCases));
  }
  const std::uint64_t seed = ParseSeed(line.Option("seed").value_or("1"));
  App app(DatabaseOption(line));
  const auto started = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  };
  demo::SyntheticProgress progress;
  if (cases >= 10'000) {  // worth watching
    progress = [&](std::int64_t done, std::int64_t total) {
      std::cerr << "seed-synthetic: " << done << "/" << total << " casussen (" << done * 100 / total
                << "%), " << std::fixed << std::setprecision(1) << seconds() << " s" << std::endl;
    };
  }
  const auto summary =
      demo::SeedSynthetic(app.services, app.writer, cases, seed, app.clock.Today(), progress);
  std::cout << "seeded synthetic data (seed " << seed << "): " << summary.cases << " casussen ("
            << summary.woonoverlast << " woonoverlast, " << summary.ondermijning
            << " ondermijning), " << summary.transitions << " transitions, " << summary.signals
            << " signals (" << summary.assessed << " assessed), " << summary.activities
            << " activities in " << summary.batches << " batches; " << std::fixed
            << std::setprecision(1) << seconds() << " s\n";
  return 0;
}

namespace {

// --from and --to as a period, or nullopt when neither is given; refused with --year, or when
// only one of them is given.
std::optional<domain::ReportPeriod> PeriodOption(const CommandLine& line) {
  const auto from = line.Option("from");
  const auto to = line.Option("to");
  if (!from && !to) return std::nullopt;
  if (!from || !to) throw UsageError("--from and --to go together");
  if (line.Option("year")) throw UsageError("--year or --from and --to, not both");
  const auto date = [](const std::string& text, std::string_view option) {
    const auto day = domain::Date::Parse(text);
    if (!day) throw UsageError(std::string(option) + " must be a date YYYY-MM-DD");
    return *day;
  };
  return domain::ReportPeriod{date(*from, "--from"), date(*to, "--to")};
}

}  // namespace

int Report(const CommandLine& line) {
  line.Allow({"db", "year", "from", "to", "format"});
  const auto& words = line.words();
  if (words.size() != 2 || (words[1] != "woonoverlast" && words[1] != "ondermijning")) {
    throw UsageError(
        "usage: casus report woonoverlast|ondermijning (--year Y | --from YYYY-MM-DD --to "
        "YYYY-MM-DD) --db PATH [--format table|csv|json|text|html]");
  }
  const auto period = PeriodOption(line);
  const int year = period ? 0 : ParseWholeNumber(line.Required("year"), "--year");
  const std::string format = line.Option("format").value_or("table");
  if (format != "table" && format != "csv" && format != "json" && format != "text" &&
      format != "html") {
    throw UsageError("--format is table, csv, json, text or html");
  }
  if ((format == "text" || format == "html") && period) {
    throw UsageError("--format " + format + " is written for a year report: give --year");
  }
  const std::string db_path = DatabaseOption(line);
  RequireExistingDatabase(db_path);
  App app(db_path);
  if (words[1] == "woonoverlast" && period) {
    const auto report = app.services.cases.WoonoverlastForPeriod(*period);
    std::cout << (format == "csv"    ? domain::WoonoverlastPeriodReportCsv(report)
                  : format == "json" ? web::WoonoverlastPeriodReportJson(report) + "\n"
                                     : domain::WoonoverlastPeriodReportText(report));
  } else if (words[1] == "woonoverlast") {
    const auto report = app.services.cases.WoonoverlastYearReport(year);
    std::cout << (format == "html"   ? web::WoonoverlastReportHtml(report)
                  : format == "text" ? domain::WoonoverlastParagraph(report)
                  : format == "csv"  ? domain::WoonoverlastReportCsv(report)
                  : format == "json" ? web::WoonoverlastReportJson(report) + "\n"
                                     : domain::WoonoverlastReportText(report));
  } else if (period) {
    const auto figures = app.services.ondermijning_reports.PeriodReport(*period);
    std::cout << (format == "csv"    ? domain::OndermijningFiguresCsv(figures)
                  : format == "json" ? web::OndermijningFiguresJson(figures) + "\n"
                                     : domain::OndermijningPeriodText(figures));
  } else {
    const auto report = app.services.ondermijning_reports.YearReport(year);
    std::cout << (format == "html"   ? web::OndermijningReportHtml(report)
                  : format == "text" ? domain::OndermijningParagraph(report)
                  : format == "csv"  ? domain::OndermijningReportCsv(report)
                  : format == "json" ? web::OndermijningReportJson(report) + "\n"
                                     : domain::OndermijningReportText(report));
  }
  return 0;
}

}  // namespace casus::cli
