#include <iostream>

#include "app.hpp"
#include "commands.hpp"

namespace casus::cli {

namespace {

std::string Describe(const domain::TokenInfo& token) {
  std::string line =
      token.name + "  " + std::string(domain::Name(token.role)) + "  created " + token.created_at;
  line += token.expires_on ? "  expires " + token.expires_on->ToString() : "  no expiry";
  if (token.revoked_at) line += "  REVOKED " + *token.revoked_at;
  return line;
}

std::string JoinIds(const std::vector<std::int64_t>& ids) {
  std::string joined;
  for (const auto id : ids) joined += (joined.empty() ? "" : " ") + std::to_string(id);
  return joined.empty() ? "none" : joined;
}

}  // namespace

int Token(const CommandLine& line) {
  const auto& words = line.words();
  const std::string action = words.size() == 2 ? words[1] : "";
  const auto actor = App::CommandLineActor();
  if (action == "create") {
    line.Allow({"db", "name", "role", "expires"});
    const auto role = ParseEnumOption<domain::Role>(line.Required("role"), "--role");
    std::optional<domain::Date> expires;
    if (const auto text = line.Option("expires")) expires = ParseDateOption(*text, "--expires");
    const auto name = line.Required("name");
    App app(line.Required("db"));
    const auto issued =
        app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens/" + name,
                              [&] { return app.services.tokens.Create(name, role, expires); });
    std::cout << "created token '" << name << "' (" << domain::Name(role)
              << "); it is shown only now:\n"
              << issued.secret << "\n";
    return 0;
  }
  if (action == "list") {
    line.Allow({"db"});
    RequireExistingDatabase(line.Required("db"));
    App app(line.Required("db"));
    const auto tokens = app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens",
                                              [&] { return app.services.tokens.List(); });
    for (const auto& token : tokens) std::cout << Describe(token) << "\n";
    if (tokens.empty()) std::cout << "no tokens\n";
    return 0;
  }
  if (action == "revoke") {
    line.Allow({"db", "name"});
    RequireExistingDatabase(line.Required("db"));
    const auto name = line.Required("name");
    App app(line.Required("db"));
    app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens/" + name,
                          [&] { app.services.tokens.Revoke(name); });
    std::cout << "revoked token '" << name << "'\n";
    return 0;
  }
  throw UsageError("usage: casus token create|list|revoke --db PATH ...");
}

int Audit(const CommandLine& line) {
  if (line.words().size() != 2 || line.words()[1] != "verify") {
    throw UsageError("usage: casus audit verify --db PATH");
  }
  line.Allow({"db"});
  RequireExistingDatabase(line.Required("db"));
  App app(line.Required("db"));
  const auto result = app.audit_trail.Verify();
  if (result.intact) {
    std::cout << "audit trail intact: " << result.rows_checked << " rows verified\n";
    return 0;
  }
  // The problem names the first bad row, e.g. "row 7: content changed".
  std::cout << "audit trail BROKEN: " << result.problem << " (" << result.rows_checked
            << " rows checked)\n";
  return 1;
}

int Purge(const CommandLine& line) {
  line.Allow({"db", "as-of", "reason"}, {"dry-run", "force"});
  domain::PurgeRequest request;
  request.as_of = ParseDateOption(line.Required("as-of"), "--as-of");
  request.dry_run = line.Flag("dry-run");
  if (line.Flag("force") != line.Option("reason").has_value()) {
    throw UsageError("--force and --reason go together: a purge ahead of its time needs a reason");
  }
  if (line.Flag("force")) request.force_reason = line.Option("reason");
  RequireExistingDatabase(line.Required("db"));
  App app(line.Required("db"));
  const auto report = app.services.retention.Purge(App::CommandLineActor(), request);
  std::cout << (report.dry_run ? "dry run, nothing changed: would purge" : "purged")
            << " the personal data of " << report.cases.size() << " casussen and "
            << report.signals.size() << " signals (retention: woonoverlast "
            << report.policy.woonoverlast_years << " years, ondermijning "
            << report.policy.ondermijning_years << " years after closure, as of "
            << report.as_of.ToString() << ")\n";
  std::cout << "casussen: " << JoinIds(report.cases) << "\nsignals: " << JoinIds(report.signals)
            << "\n";
  if (report.forced) std::cout << "forced ahead of today; the reason is in the audit trail\n";
  // Per kind and the year its retention period began (closed, assessed): what a dry run is for.
  std::cout << "kind          year  count\n";
  for (const auto& row : report.tally) {
    std::cout << row.kind << std::string(14 - row.kind.size(), ' ') << row.year << "  " << row.count
              << "\n";
  }
  return 0;
}

int Retention(const CommandLine& line) {
  const auto& words = line.words();
  const std::string action = words.size() == 2 ? words[1] : "";
  if (action == "show") {
    line.Allow({"db"});
    RequireExistingDatabase(line.Required("db"));
    App app(line.Required("db"));
    const auto policy = app.services.retention.Policy();
    std::cout << "woonoverlast " << policy.woonoverlast_years << " years\nondermijning "
              << policy.ondermijning_years << " years\n";
    return 0;
  }
  if (action == "set") {
    line.Allow({"db", "kind", "years"});
    const auto kind = ParseEnumOption<domain::CaseKind>(line.Required("kind"), "--kind");
    const int years = ParseWholeNumber(line.Required("years"), "--years");
    RequireExistingDatabase(line.Required("db"));
    App app(line.Required("db"));
    app.services.retention.SetYears(App::CommandLineActor(), kind, years);
    std::cout << "retention of " << domain::Name(kind) << " personal data: " << years
              << " years after closure\n";
    return 0;
  }
  throw UsageError("usage: casus retention show|set --db PATH [--kind K --years N]");
}

int Districts(const CommandLine& line) {
  const auto& words = line.words();
  const std::string action = words.size() == 2 ? words[1] : "";
  if (action == "list") {
    line.Allow({"db"});
    RequireExistingDatabase(line.Required("db"));
    App app(line.Required("db"));
    for (const auto& name : app.services.cases.Districts()) std::cout << name << "\n";
    return 0;
  }
  if (action == "add") {
    line.Allow({"db", "name"});
    const auto name = line.Required("name");
    App app(line.Required("db"));
    app.services.gate.Run(App::CommandLineActor(), domain::Action::kManageReferenceData,
                          "districts/" + name, [&] { app.services.cases.AddDistrict(name); });
    std::cout << "added wijk '" << name << "' at the end of the reference order\n";
    return 0;
  }
  throw UsageError("usage: casus districts list|add --db PATH [--name NAME]");
}

}  // namespace casus::cli
