#include "usage.hpp"

#include <algorithm>
#include <sstream>

namespace casus::cli {

namespace {

constexpr std::string_view kPreamble = R"(usage: casus COMMAND [OPTIONS]

--db (and copy's --from, --to) is a SQLite file path, or a PostgreSQL connection string: a URI
(postgresql://user@host:5432/dbname) or libpq's key=value form ("host=... dbname=..."). Every
command takes --db from CASUS_DB when the option is not given.

--audit-key-file PATH (or CASUS_AUDIT_KEY_FILE; the option wins): the audit key of a keyed
audit chain, for every command that appends audit rows: serve, token, purge, retention set,
districts add|load|rename|retire|reorder, settings set, import and export. Such a command refuses to run with a key that does not fit the chain.
)";

}  // namespace

const std::vector<CommandHelp>& Commands() {
  static const std::vector<CommandHelp> commands = {
      {"help", R"(help [COMMAND] | COMMAND --help | help --man)",
       R"(        what the commands take and do; one command's forms; the manual page casus(1) in
        roff)"},
      {"version", R"(--version | version)",
       R"(        the version of casus and the schema version it brings databases to)"},
      {"serve",
       R"(serve [--config PATH] --db PATH [--listen HOST:PORT] [--threads N|auto] [--workers N|auto]
        [--report-workers N] [--max-pending-requests N] [--max-pending-reports N]
        [--max-connections N|auto] [--header-timeout S] [--body-timeout S] [--idle-timeout S]
        [--stop-timeout S] [--header-limit BYTES] [--body-limit BYTES]
        [--trusted-proxy CIDR[,CIDR...]] [--earliest-date YYYY-MM-DD] [--audit-key-file PATH]
        [--log-format json|text] [--metrics-listen HOST:PORT]
        [--oidc-issuer URL --oidc-audience AUD --oidc-jwks-file PATH
         [--oidc-role-claim CLAIM] [--oidc-role-map IDP=ROLE,...]])",
       R"(        bring an older schema up to date, then serve the HTTP API (default 127.0.0.1:8080),
        logging each request, error and start and stop as one line on stdout (JSON, or text);
        every option may also come from the environment, CASUS_ and its name upper-cased
        with - as _ (CASUS_MAX_CONNECTIONS), or from the config file of --config (or
        CASUS_CONFIG): `name = value` lines, # comments; a flag wins over the environment,
        the environment over the file, the file over the default (casus config check);
        timeouts are in seconds, limits in bytes (larger headers get 431, bodies 413);
        only requests from a --trusted-proxy network have their X-Forwarded-For (or
        Forwarded) believed: the client is then the rightmost address in it that is not a
        trusted proxy, for the audit trail, the access log and /metrics;
        GET /metrics (Prometheus) answers local clients, and anyone on --metrics-listen;
        dates of what happened before --earliest-date (default 1990-01-01) are refused;
        with --oidc-*, staff also sign in with the identity provider's RS256/ES256 access
        tokens, checked against the JWKS file (read again on SIGHUP); the role comes from
        the claim (default groups; a dotted path like realm_access.roles), whose values are
        our role names unless --oidc-role-map maps the provider's values to them)"},
      {"config", R"(config check [--config PATH] [any serve option...])",
       R"(        print the settings serve would run with, one per line as `name = value  (source)`,
        the source being flag, env, file (with its line) or default; checked exactly as
        serve checks them: exit 2 on an unknown key, a malformed line or a value that does
        not parse; warns of CASUS_* variables that are no setting)"},
      {"migrate", R"(migrate --db PATH)",
       R"(        create the database, or apply pending schema migrations; the only command that
        creates one (the others refuse a missing or unmigrated database). Before any command
        migrates a SQLite database, it copies it beside itself (DB.schema-N.TIME.PID.bak) and
        checks the copy; stderr says where. PostgreSQL: pg_dump before upgrading)"},
      {"backup", R"(backup --db PATH --to FILE [--key-file PATH])",
       R"(        a consistent copy of a SQLite database while the server runs (VACUUM INTO), then
        checked: PRAGMA integrity_check and the audit chain (a keyed one with --key-file);
        exit 1 when the copy is not sound. PostgreSQL: use pg_dump (README))"},
      {"copy", R"(copy --from DB --to DB)",
       R"(        copy every casus, transition, signal, activity, token and audit row (with their ids)
        into a freshly migrated, empty database, e.g. a SQLite trial to PostgreSQL)"},
      {"seed-demo", R"(seed-demo --db PATH)",
       R"(        load the demo data set (reproduces Zoetermeer's 2024 Tabel 5.1 and ondermijning
        figures) into an empty, migrated database; leaves data already there alone)"},
      {"seed-synthetic", R"(seed-synthetic --db PATH --cases N [--seed S])",
       R"(        add N synthetic casussen of both kinds (2019-2025, every wijk, full histories) with
        ondermijning signals and activities, through the domain rules, in batches; the same
        seed (default 1) gives the same data)"},
      {"report", R"(report woonoverlast --year Y --db PATH [--format table|csv|json|text|html])",
       R"(        print the woonoverlast year report (Tabel 5.1) for year Y; text: the jaarverslag's
        paragraph in Dutch, written from the same figures; html: one self-contained page
        with the table, the previous year and a chart)"},
      {"report", R"(report ondermijning --year Y --db PATH [--format table|csv|json|text|html])",
       R"(        print the ondermijning year figures for year Y)"},
      {"report",
       R"(report woonoverlast|ondermijning --from YYYY-MM-DD --to YYYY-MM-DD --db PATH [--format ...])",
       R"(        the same for any period of at most 10 years (a quarter, four months), peildatum --to)"},
      {"token", R"(token create --db PATH --name NAME --role ROLE [--expires YYYY-MM-DD])",
       R"(        create an API token (roles: woonoverlast, ondermijning, analist, beheerder); the
        token is printed once, alone on the last line)"},
      {"token", R"(token list --db PATH | token revoke --db PATH --name NAME)", R"()"},
      {"audit",
       R"(audit list --db PATH [--object OBJECT] [--token NAME] [--action ACTION] [--result RESULT]
        [--from DATE|INSTANT] [--to DATE|INSTANT] [--limit N] [--format text|json])",
       R"(        the audit trail's rows, oldest first, as GET /api/v1/audit has them: --object cases/2
        is the casus with everything under it and the signals linked to it (audited))"},
      {"audit", R"(audit init-key --key-file PATH)",
       R"(        create a new audit key file (mode 0600); never overwrites an existing file)"},
      {"audit", R"(audit rekey --db PATH --key-file PATH [--old-key-file PATH])",
       R"(        key an unkeyed audit chain (or, with its current key, move a keyed one to a new key):
        verify it, then rewrite every row's hash as an HMAC under the key, in one
        transaction; prints the head before and after)"},
      {"audit", R"(audit verify --db PATH [--key-file PATH] [--expect-head N:HASH])",
       R"(        check the audit trail's hash chain (a keyed chain needs its key); names the first row
        that does not verify; --expect-head also fails when the chain no longer reaches a
        head recorded earlier (rows cut off, or rewritten))"},
      {"audit", R"(audit head --db PATH)",
       R"(        print the chain's head as N:HASH (0:000...0 while empty), to record outside the system)"},
      {"purge", R"(purge --db PATH --as-of YYYY-MM-DD [--dry-run] [--force --reason TEXT])",
       R"(        remove the personal data of casussen and signals past their retention period, and
        list them per kind and year; --as-of after today needs --force and a --reason
        (audited), except on a dry run)"},
      {"retention", R"(retention show --db PATH | retention set --db PATH --kind KIND --years N)",
       R"()"},
      {"import",
       R"(import woonoverlast|signals --db PATH --file FILE.csv [--errors PATH] [--dry-run]
        [--skip-invalid] [--audit-key-file PATH])",
       R"(        import an old spreadsheet of woonoverlast casussen (`,` or `;` separated, UTF-8, the
        columns in README: wijk, woningtype, datum melding, categorie, omschrijving, status,
        datum afgerond, historie, external_ref) through the domain rules; refused rows go to
        the error file (default FILE.csv.errors.csv: line,column,reason) and then nothing is
        imported, unless --skip-invalid; --dry-run checks and changes nothing; rows whose
        external_ref is stored already are left alone; audited as one import_data row
        (beyond 500 rows, a `started` row first, so that each batch has a row before it);
        signals: datum ontvangst, bron, thema, omschrijving, wijk, status (open|dismissed),
        datum beoordeling, reden, external_ref)"},
      {"export",
       R"(export cases --db PATH --kind woonoverlast [--from YYYY-MM-DD --to YYYY-MM-DD]
        [--delimiter ,|;] --out FILE.csv [--audit-key-file PATH])",
       R"(        the kind's casussen reported in the period (default all), one line each with their
        history, in the columns import reads, so the file imports again as it is; audited as
        one read_case row on cases/export/KIND with the count)"},
      {"districts", R"(districts list --db PATH [--format names|table|csv])",
       R"(        the municipality's wijken in reference order (the rows of the year reports), retired
        ones included: their names; as a table with the CBS code, position, actief or
        opgeheven, and earlier names (tab-separated); or csv as `districts load` reads it)"},
      {"districts", R"(districts load --db PATH --file wijken.csv [--replace])",
       R"(        load a municipality's wijken: columns naam,code,volgorde (or name,code,order), `,` or
        `;` separated; matched on the code (a wijk without one on its name), renamed as of
        today where the file names it otherwise; --replace removes the wijken not in the file,
        refused while one still has casussen (retire it instead))"},
      {"districts", R"(districts add --db PATH --name NAME)",
       R"(        add a wijk without a code at the end of the reference order)"},
      {"districts",
       R"(districts rename --db PATH (--code CODE | --name NAME) --to NEW [--on YYYY-MM-DD])",
       R"(        from --on (default today) the wijk is called NEW; reports with an earlier peildatum
        keep the old name)"},
      {"districts", R"(districts retire --db PATH (--code CODE | --name NAME) [--on YYYY-MM-DD])",
       R"(        from --on (default today) no casus or signal reported may name the wijk; its casussen
        keep it, and the reports of years it had any still show it)"},
      {"districts", R"(districts reorder --db PATH (--code CODE | --name NAME) --position N)",
       R"(        move the wijk to row N of the reports)"},
      {"settings", R"(settings show --db PATH)", R"()"},
      {"settings",
       R"(settings set --db PATH [--municipality NAME] [--woonoverlast-table-title TITLE])",
       R"(        the municipality's name and the title of its woonoverlast table (used by the reports'
        table and JSON); a new database holds Zoetermeer's)"},
  };
  return commands;
}

std::string UsageText() {
  std::string text(kPreamble);
  text += "\ncommands:\n";
  for (const CommandHelp& help : Commands()) {
    text += "  " + std::string(help.synopsis) + "\n";
    if (!help.description.empty()) text += std::string(help.description) + "\n";
  }
  return text;
}

std::optional<std::string> HelpFor(std::string_view command) {
  std::string text;
  for (const CommandHelp& help : Commands()) {
    if (help.command != command) continue;
    text += "usage: casus " + std::string(help.synopsis) + "\n";
    if (!help.description.empty()) text += std::string(help.description) + "\n";
  }
  if (text.empty()) return std::nullopt;
  return text;
}

std::string VersionText(std::string_view version, int schema_version) {
  return "casus " + std::string(version) + " (schema version " + std::to_string(schema_version) +
         ")\n";
}

namespace {

// `text` as roff: its lines trimmed and joined by `separator` (a synopsis goes on one line
// for .B), a line that starts with `.` or `'` escaped (roff would take it for a request),
// backslashes and hyphens escaped.
std::string Roff(std::string_view text, char separator = '\n') {
  std::string joined;
  std::istringstream lines{std::string(text)};
  for (std::string line; std::getline(lines, line);) {
    const auto start = line.find_first_not_of(' ');
    if (start == std::string::npos) continue;
    if (!joined.empty()) joined += separator;
    joined += line.substr(start);
  }
  std::string out;
  bool line_start = true;
  for (const char c : joined) {
    if (line_start && (c == '.' || c == '\'')) out += "\\&";
    if (c == '\\')
      out += "\\e";
    else if (c == '-')
      out += "\\-";
    else
      out += c;
    line_start = c == '\n';
  }
  return out;
}

}  // namespace

std::string ManPage(std::string_view version, int schema_version) {
  std::string page = ".TH CASUS 1 \"\" \"casus " + std::string(version) + "\" \"Casus\"\n";
  page +=
      ".SH NAME\ncasus \\- case management for Dutch municipalities: woonoverlast and "
      "ondermijning, their year reports and audit trail\n";
  page += ".SH SYNOPSIS\n.B casus\n.I COMMAND\n[\\fIOPTIONS\\fR]\n";
  page += ".SH DESCRIPTION\n";
  // The preamble without its first line (the synopsis above says it).
  std::string_view preamble = kPreamble;
  preamble.remove_prefix(std::min(preamble.size(), preamble.find('\n') + 1));
  std::istringstream paragraphs{std::string(preamble)};
  std::string paragraph;
  for (std::string line; std::getline(paragraphs, line);) {
    if (line.empty()) {
      if (!paragraph.empty()) page += ".PP\n" + Roff(paragraph) + "\n";
      paragraph.clear();
    } else {
      paragraph += line + "\n";
    }
  }
  if (!paragraph.empty()) page += ".PP\n" + Roff(paragraph) + "\n";
  page += ".PP\nThis casus brings databases to schema version " + std::to_string(schema_version) +
          ".\n";
  page += ".SH COMMANDS\n";
  for (const CommandHelp& help : Commands()) {
    page += ".TP\n.B " + Roff(help.synopsis, ' ') + "\n";
    if (!help.description.empty()) page += Roff(help.description) + "\n";
  }
  page +=
      ".SH FILES\n.TP\n.I /etc/casus/casus.conf\nthe service's settings (casus.service)\n"
      ".TP\n.I /var/lib/casus\nthe service's state directory: its SQLite database and the "
      "copies taken before migrations\n";
  page += ".SH SEE ALSO\nREADME.md of the Casus sources, \"Production set-up\"\n";
  return page;
}

}  // namespace casus::cli
