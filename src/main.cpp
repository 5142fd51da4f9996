// casus: the command line of the Casus case-management backend. Wiring only: every rule
// lives in domain/, storage in persistence/, HTTP in web/.
#include <exception>
#include <iostream>
#include <string>

#include "command_line.hpp"
#include "commands.hpp"
#include "domain/error.hpp"

namespace {

constexpr const char* kUsage = R"(usage: casus COMMAND [OPTIONS]

--db (and copy's --from, --to) is a SQLite file path, or a PostgreSQL connection string: a URI
(postgresql://user@host:5432/dbname) or libpq's key=value form ("host=... dbname=...").

--audit-key-file PATH (or CASUS_AUDIT_KEY_FILE; the option wins): the audit key of a keyed
audit chain, for every command that appends audit rows: serve, token, purge, retention set,
districts add|load|rename|retire|reorder, settings set and import. Such a command refuses to run with a key that does not fit the chain.

commands:
  serve --db PATH [--listen HOST:PORT] [--threads N] [--workers N] [--max-connections N]
        [--earliest-date YYYY-MM-DD] [--audit-key-file PATH] [--log-format json|text]
        [--metrics-listen HOST:PORT]
        [--oidc-issuer URL --oidc-audience AUD --oidc-jwks-file PATH
         [--oidc-role-claim CLAIM] [--oidc-role-map IDP=ROLE,...]]
        bring an older schema up to date, then serve the HTTP API (default 127.0.0.1:8080),
        logging each request, error and start and stop as one line on stdout (JSON, or text);
        GET /metrics (Prometheus) answers local clients, and anyone on --metrics-listen;
        dates of what happened before --earliest-date (default 1990-01-01) are refused;
        with --oidc-*, staff also sign in with the identity provider's RS256/ES256 access
        tokens, checked against the JWKS file (read again on SIGHUP); the role comes from
        the claim (default groups; a dotted path like realm_access.roles), whose values are
        our role names unless --oidc-role-map maps the provider's values to them
  migrate --db PATH
        create the database, or apply pending schema migrations; the only command that
        creates one (the others refuse a missing or unmigrated database)
  backup --db PATH --to FILE [--key-file PATH]
        a consistent copy of a SQLite database while the server runs (VACUUM INTO), then
        checked: PRAGMA integrity_check and the audit chain (a keyed one with --key-file);
        exit 1 when the copy is not sound. PostgreSQL: use pg_dump (README)
  copy --from DB --to DB
        copy every casus, transition, signal, activity, token and audit row (with their ids)
        into a freshly migrated, empty database, e.g. a SQLite trial to PostgreSQL
  seed-demo --db PATH
        load the demo data set (reproduces Zoetermeer's 2024 Tabel 5.1 and ondermijning
        figures) into an empty, migrated database; leaves data already there alone
  seed-synthetic --db PATH --cases N [--seed S]
        add N synthetic casussen of both kinds (2019-2025, every wijk, full histories) with
        ondermijning signals and activities, through the domain rules, in batches; the same
        seed (default 1) gives the same data
  report woonoverlast --year Y --db PATH [--format table|csv|json|text|html]
        print the woonoverlast year report (Tabel 5.1) for year Y; text: the jaarverslag's
        paragraph in Dutch, written from the same figures; html: one self-contained page
        with the table, the previous year and a chart
  report ondermijning --year Y --db PATH [--format table|csv|json|text|html]
        print the ondermijning year figures for year Y
  report woonoverlast|ondermijning --from YYYY-MM-DD --to YYYY-MM-DD --db PATH [--format ...]
        the same for any period of at most 10 years (a quarter, four months), peildatum --to
  token create --db PATH --name NAME --role ROLE [--expires YYYY-MM-DD]
        create an API token (roles: woonoverlast, ondermijning, analist, beheerder); the
        token is printed once, alone on the last line
  token list --db PATH | token revoke --db PATH --name NAME
  audit list --db PATH [--object OBJECT] [--token NAME] [--action ACTION] [--result RESULT]
        [--from DATE|INSTANT] [--to DATE|INSTANT] [--limit N] [--format text|json]
        the audit trail's rows, oldest first, as GET /api/v1/audit has them: --object cases/2
        is the casus with everything under it and the signals linked to it (audited)
  audit init-key --key-file PATH
        create a new audit key file (mode 0600); never overwrites an existing file
  audit rekey --db PATH --key-file PATH [--old-key-file PATH]
        key an unkeyed audit chain (or, with its current key, move a keyed one to a new key):
        verify it, then rewrite every row's hash as an HMAC under the key, in one
        transaction; prints the head before and after
  audit verify --db PATH [--key-file PATH] [--expect-head N:HASH]
        check the audit trail's hash chain (a keyed chain needs its key); names the first row
        that does not verify; --expect-head also fails when the chain no longer reaches a
        head recorded earlier (rows cut off, or rewritten)
  audit head --db PATH
        print the chain's head as N:HASH (0:000...0 while empty), to record outside the system
  purge --db PATH --as-of YYYY-MM-DD [--dry-run] [--force --reason TEXT]
        remove the personal data of casussen and signals past their retention period, and
        list them per kind and year; --as-of after today needs --force and a --reason
        (audited), except on a dry run
  retention show --db PATH | retention set --db PATH --kind KIND --years N
  import woonoverlast|signals --db PATH --file FILE.csv [--errors PATH] [--dry-run]
        [--skip-invalid] [--audit-key-file PATH]
        import an old spreadsheet of woonoverlast casussen (`,` or `;` separated, UTF-8, the
        columns in README: wijk, woningtype, datum melding, categorie, omschrijving, status,
        datum afgerond, historie, external_ref) through the domain rules; refused rows go to
        the error file (default FILE.csv.errors.csv: line,column,reason) and then nothing is
        imported, unless --skip-invalid; --dry-run checks and changes nothing; rows whose
        external_ref is stored already are left alone; audited as one import_data row;
        signals: datum ontvangst, bron, thema, omschrijving, wijk, status (open|dismissed),
        datum beoordeling, reden, external_ref
  export cases --db PATH --kind woonoverlast [--from YYYY-MM-DD --to YYYY-MM-DD]
        [--delimiter ,|;] --out FILE.csv
        the kind's casussen reported in the period (default all), one line each with their
        history, in the columns import reads, so the file imports again as it is
  districts list --db PATH [--format names|table|csv]
        the municipality's wijken in reference order (the rows of the year reports), retired
        ones included: their names; as a table with the CBS code, position, actief or
        opgeheven, and earlier names (tab-separated); or csv as `districts load` reads it
  districts load --db PATH --file wijken.csv [--replace]
        load a municipality's wijken: columns naam,code,volgorde (or name,code,order), `,` or
        `;` separated; matched on the code (a wijk without one on its name), renamed as of
        today where the file names it otherwise; --replace removes the wijken not in the file,
        refused while one still has casussen (retire it instead)
  districts add --db PATH --name NAME
        add a wijk without a code at the end of the reference order
  districts rename --db PATH (--code CODE | --name NAME) --to NEW [--on YYYY-MM-DD]
        from --on (default today) the wijk is called NEW; reports with an earlier peildatum
        keep the old name
  districts retire --db PATH (--code CODE | --name NAME) [--on YYYY-MM-DD]
        from --on (default today) no casus or signal reported may name the wijk; its casussen
        keep it, and the reports of years it had any still show it
  districts reorder --db PATH (--code CODE | --name NAME) --position N
        move the wijk to row N of the reports
  settings show --db PATH
  settings set --db PATH [--municipality NAME] [--woonoverlast-table-title TITLE]
        the municipality's name and the title of its woonoverlast table (used by the reports'
        table and JSON); a new database holds Zoetermeer's
)";

int Dispatch(const casus::cli::CommandLine& line) {
  const auto& words = line.words();
  if (words.empty() || words[0] == "help" || line.Flag("help")) {
    std::cout << kUsage;
    return words.empty() && !line.Flag("help") ? 2 : 0;
  }
  const std::string& command = words[0];
  const bool has_subcommand = command == "report" || command == "token" || command == "audit" ||
                              command == "retention" || command == "districts" ||
                              command == "settings" || command == "import" || command == "export";
  if (!has_subcommand && words.size() != 1) {
    throw casus::cli::UsageError("unexpected argument '" + words[1] + "'");
  }
  if (command == "serve") return casus::cli::Serve(line);
  if (command == "migrate") return casus::cli::Migrate(line);
  if (command == "copy") return casus::cli::Copy(line);
  if (command == "backup") return casus::cli::Backup(line);
  if (command == "seed-demo") return casus::cli::SeedDemo(line);
  if (command == "seed-synthetic") return casus::cli::SeedSynthetic(line);
  if (command == "report") return casus::cli::Report(line);
  if (command == "token") return casus::cli::Token(line);
  if (command == "audit") return casus::cli::Audit(line);
  if (command == "purge") return casus::cli::Purge(line);
  if (command == "retention") return casus::cli::Retention(line);
  if (command == "districts") return casus::cli::Districts(line);
  if (command == "settings") return casus::cli::Settings(line);
  if (command == "import") return casus::cli::Import(line);
  if (command == "export") return casus::cli::Export(line);
  throw casus::cli::UsageError("unknown command '" + command + "'");
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Dispatch(casus::cli::CommandLine(argc, argv));
  } catch (const casus::cli::UsageError& error) {
    std::cerr << "casus: " << error.what() << "\n\n" << kUsage;
    return 2;
  } catch (const casus::domain::DomainError& error) {
    std::cerr << "casus: " << error.what() << "\n";
    return 1;
  } catch (const std::exception& error) {
    std::cerr << "casus: " << error.what() << "\n";
    return 1;
  }
}
