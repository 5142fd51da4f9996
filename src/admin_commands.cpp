#include <algorithm>
#include <charconv>
#include <iostream>
#include <optional>
#include <string>

#include "app.hpp"
#include "commands.hpp"
#include "persistence/database_backup.hpp"
#include "web/audit_json.hpp"

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
    line.Allow({"db", "name", "role", "expires", "audit-key-file"});
    const auto role = ParseEnumOption<domain::Role>(line.Required("role"), "--role");
    std::optional<domain::Date> expires;
    if (const auto text = line.Option("expires")) expires = ParseDateOption(*text, "--expires");
    const auto name = line.Required("name");
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto issued =
        app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens/" + name,
                              [&] { return app.services.tokens.Create(name, role, expires); });
    std::cout << "created token '" << name << "' (" << domain::Name(role)
              << "); it is shown only now:\n"
              << issued.secret << "\n";
    return 0;
  }
  if (action == "list") {
    line.Allow({"db", "audit-key-file"});
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    const auto tokens = app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens",
                                              [&] { return app.services.tokens.List(); });
    for (const auto& token : tokens) std::cout << Describe(token) << "\n";
    if (tokens.empty()) std::cout << "no tokens\n";
    return 0;
  }
  if (action == "revoke") {
    line.Allow({"db", "name", "audit-key-file"});
    RequireExistingDatabase(DatabaseOption(line));
    const auto name = line.Required("name");
    App app(DatabaseOption(line), AppendingAudit(line));
    app.services.gate.Run(actor, domain::Action::kManageTokens, "tokens/" + name,
                          [&] { app.services.tokens.Revoke(name); });
    std::cout << "revoked token '" << name << "'\n";
    return 0;
  }
  throw UsageError("usage: casus token create|list|revoke --db PATH ...");
}

namespace {

// --expect-head's "N:HASH" (what `casus audit head` prints).
persistence::AuditHead ParseAnchor(const std::string& text) {
  const auto colon = text.find(':');
  persistence::AuditHead anchor;
  const bool hex = colon != std::string::npos && text.size() - colon - 1 == 64 &&
                   text.find_first_not_of("0123456789abcdef", colon + 1) == std::string::npos;
  const auto [end, error] = std::from_chars(text.data(), text.data() + colon, anchor.id);
  if (!hex || colon == 0 || error != std::errc{} || end != text.data() + colon || anchor.id < 0) {
    throw UsageError("--expect-head takes N:HASH as `casus audit head` prints it, not '" + text +
                     "'");
  }
  anchor.hash = text.substr(colon + 1);
  return anchor;
}

std::string KeyState(const persistence::AuditHead& head) {
  return head.key_id ? "keyed, key id " + *head.key_id
                     : "NOT keyed: plain SHA-256, which whoever can write the database can "
                       "recompute; see `casus audit rekey`";
}

int AuditVerify(const CommandLine& line) {
  line.Allow({"db", "key-file", "expect-head"});
  std::optional<persistence::AuditHead> anchor;
  if (const auto text = line.Option("expect-head")) anchor = ParseAnchor(*text);
  RequireExistingDatabase(DatabaseOption(line));
  App app(DatabaseOption(line), {AuditAccess::Use::kReads, line.Option("key-file")});
  const auto result = app.audit_trail.VerifyAgainst(anchor);
  if (result.intact) {
    std::cout << "audit trail intact: " << result.rows_checked << " rows verified ("
              << KeyState(app.audit_trail.Head()) << ")";
    if (anchor) std::cout << "; it reaches the anchored head " << anchor->ToString();
    std::cout << "\n";
    return 0;
  }
  // The problem names the first bad row, e.g. "row 7: content changed", or the key's trouble.
  // No bad row: the chain could not be checked with the key given (or without one).
  std::cout << (result.first_bad_row ? "audit trail BROKEN: " : "audit trail NOT VERIFIED: ")
            << result.problem << " (" << result.rows_checked << " rows checked)\n";
  return 1;
}

int AuditInitKey(const CommandLine& line) {
  line.Allow({"key-file"});
  const std::string path = line.Required("key-file");
  const auto key = persistence::AuditKey::CreateFile(path);
  std::cout << "created audit key " << path << " (key id " << key.Id()
            << ", readable by you only)\n"
               "keep it outside the database and back it up apart from it: without it the "
               "audit trail can be neither verified nor appended to\n";
  return 0;
}

int AuditHeadCommand(const CommandLine& line) {
  line.Allow({"db"});
  RequireExistingDatabase(DatabaseOption(line));
  App app(DatabaseOption(line));
  // Alone on its line, for scripts that record it outside the system.
  std::cout << app.audit_trail.Head().ToString() << "\n";
  return 0;
}

int AuditRekey(const CommandLine& line) {
  line.Allow({"db", "key-file", "old-key-file"});
  RequireExistingDatabase(DatabaseOption(line));
  const std::string key_file = line.Required("key-file");
  App app(DatabaseOption(line), {AuditAccess::Use::kReads, key_file});
  std::optional<persistence::AuditKey> old_key;
  if (const auto old_key_file = line.Option("old-key-file")) {
    old_key = persistence::AuditKey::ReadFile(*old_key_file);
  }
  const auto rekeying = app.audit_trail.Rekey(old_key);
  std::cout << "keyed the audit chain (" << rekeying.after.id << " rows) with key id "
            << *rekeying.after.key_id << "\nhead before: " << rekeying.before.ToString()
            << "\nhead now:    " << rekeying.after.ToString()
            << "\nrecord the new head wherever the old one was anchored; from now on give "
               "--audit-key-file "
            << key_file << " to serve and every command that writes\n";
  return 0;
}

// `casus audit list`: the rows GET /api/v1/audit answers, with the same filters, read as the
// local beheerder (so the reading is on the record too), every page in turn.
int AuditList(const CommandLine& line) {
  line.Allow({"db", "object", "token", "action", "result", "from", "to", "limit", "format",
              "audit-key-file"});
  domain::AuditFilter filter;
  if (const auto object = line.Option("object")) filter.objects.push_back(*object);
  filter.token = line.Option("token");
  if (const auto action = line.Option("action")) {
    filter.action = std::string(domain::Name(ParseEnumOption<domain::Action>(*action, "--action")));
  }
  filter.result = line.Option("result");
  for (const char* bound : {"from", "to"}) {
    const auto value = line.Option(bound);
    if (value && !domain::IsDateOrInstant(*value)) {
      throw UsageError(std::string("--") + bound +
                       " takes a date YYYY-MM-DD or an instant YYYY-MM-DDTHH:MM:SSZ");
    }
  }
  filter.from = line.Option("from");
  filter.to = line.Option("to");
  std::optional<int> limit;
  if (const auto text = line.Option("limit")) {
    limit = ParseWholeNumber(*text, "--limit");
    if (*limit < 1) throw UsageError("--limit must be at least 1");
  }
  const std::string format = line.Option("format").value_or("text");
  if (format != "text" && format != "json") throw UsageError("--format must be text or json");
  RequireExistingDatabase(DatabaseOption(line));
  App app(DatabaseOption(line), AppendingAudit(line));

  // One audited read per page of at most kMaxPageSize rows, as the API's paging would be.
  std::vector<domain::AuditRecord> rows;
  for (;;) {
    const int wanted = limit ? *limit - static_cast<int>(rows.size()) : domain::kMaxPageSize;
    filter.limit = std::min(wanted, domain::kMaxPageSize);
    auto page = app.services.guarded_audit.Query(App::CommandLineActor(), filter);
    rows.insert(rows.end(), page.items.begin(), page.items.end());
    if (!page.next || (limit && static_cast<int>(rows.size()) >= *limit)) break;
    filter.after = page.next;
  }
  if (format == "json") {
    std::cout << web::AuditPageJson({rows, std::nullopt}) << "\n";
    return 0;
  }
  // Tab-separated, one row a line, under a header: for grep, cut and a spreadsheet.
  std::cout << "id\tat\ttoken\trole\taction\tobject\tresult\tclient\tcount\n";
  for (const auto& row : rows) {
    const auto& event = row.event;
    std::cout << row.id << '\t' << event.at << '\t' << event.token << '\t' << event.role << '\t'
              << event.action << '\t' << event.object << '\t' << event.result << '\t'
              << event.client << '\t' << event.count << '\n';
  }
  return 0;
}

}  // namespace

int Audit(const CommandLine& line) {
  const std::string action = line.words().size() == 2 ? line.words()[1] : "";
  if (action == "list") return AuditList(line);
  if (action == "verify") return AuditVerify(line);
  if (action == "head") return AuditHeadCommand(line);
  if (action == "init-key") return AuditInitKey(line);
  if (action == "rekey") return AuditRekey(line);
  throw UsageError(
      "usage: casus audit list|verify|head|init-key|rekey ... (see casus help for the options)");
}

int Purge(const CommandLine& line) {
  line.Allow({"db", "as-of", "reason", "audit-key-file"}, {"dry-run", "force"});
  domain::PurgeRequest request;
  request.as_of = ParseDateOption(line.Required("as-of"), "--as-of");
  request.dry_run = line.Flag("dry-run");
  if (line.Flag("force") != line.Option("reason").has_value()) {
    throw UsageError("--force and --reason go together: a purge ahead of its time needs a reason");
  }
  if (line.Flag("force")) request.force_reason = line.Option("reason");
  RequireExistingDatabase(DatabaseOption(line));
  App app(DatabaseOption(line), AppendingAudit(line));
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
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line));
    const auto policy = app.services.retention.Policy();
    std::cout << "woonoverlast " << policy.woonoverlast_years << " years\nondermijning "
              << policy.ondermijning_years << " years\n";
    return 0;
  }
  if (action == "set") {
    line.Allow({"db", "kind", "years", "audit-key-file"});
    const auto kind = ParseEnumOption<domain::CaseKind>(line.Required("kind"), "--kind");
    const int years = ParseWholeNumber(line.Required("years"), "--years");
    RequireExistingDatabase(DatabaseOption(line));
    App app(DatabaseOption(line), AppendingAudit(line));
    app.services.retention.SetYears(App::CommandLineActor(), kind, years);
    std::cout << "retention of " << domain::Name(kind) << " personal data: " << years
              << " years after closure\n";
    return 0;
  }
  throw UsageError("usage: casus retention show|set --db PATH [--kind K --years N]");
}

int Backup(const CommandLine& line) {
  line.Allow({"db", "to", "key-file"});
  const std::string db_path = DatabaseOption(line);
  const std::string to = line.Required("to");
  RequireExistingDatabase(db_path);
  {
    App app(db_path);
    persistence::BackupTo(app.database, to);
  }
  // The copy, checked as a restore would need it: the file whole, the audit chain intact.
  App copy(to, {AuditAccess::Use::kReads, line.Option("key-file")});
  const std::string integrity = persistence::IntegrityCheck(copy.database);
  const auto audit = copy.audit_trail.VerifyAgainst(std::nullopt);
  std::cout << "backed up " << db_path << " to " << to << "\n"
            << "integrity check: " << integrity << "\n"
            << "audit trail: "
            << (audit.intact ? "intact, " + std::to_string(audit.rows_checked) +
                                   " rows verified, head " + copy.audit_trail.Head().ToString()
                             : "NOT VERIFIED: " + audit.problem)
            << "\n";
  if (integrity == "ok" && audit.intact) return 0;
  std::cout << "the backup in " << to << " is not sound: keep the database as it is and look\n";
  return 1;
}

}  // namespace casus::cli
