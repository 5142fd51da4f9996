// The casus command line as an operator uses it: seed-demo, report, token, audit verify and
// purge, each run as the real binary on a temporary SQLite file.
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>

#include <soci/soci.h>

#include "casus_command.hpp"
#include "serve_process.hpp"

#include "persistence/database.hpp"
#include "persistence/migrator.hpp"
#include "temp_path.hpp"
#include "tests/persistence/temp_database.hpp"

namespace {

using Run = casus::e2e::CommandRun;

Run CasusWith(const std::string& prefix, const std::string& arguments) {
  return casus::e2e::RunCasus(prefix, arguments);
}

Run Casus(const std::string& arguments) { return CasusWith("", arguments); }

std::string LastLine(const std::string& text) {
  auto end = text.find_last_not_of('\n');
  const auto start = text.rfind('\n', end);
  return text.substr(start == std::string::npos ? 0 : start + 1,
                     end - (start == std::string::npos ? 0 : start + 1) + 1);
}

// Every command but migrate, with what it needs besides --db.
const char* const kCommandsOnADatabase[] = {
    "serve --listen 127.0.0.1:0",
    "seed-demo",
    "seed-synthetic --cases 5",
    "report woonoverlast --year 2024",
    "report ondermijning --from 2024-01-01 --to 2024-03-31",
    "token create --name alice --role analist",
    "token list",
    "token revoke --name alice",
    "audit verify",
    "audit head",
    "audit rekey --key-file /nonexistent/casus-audit.key",
    "purge --as-of 2024-01-01 --dry-run",
    "retention show",
    "districts list",
    "districts add --name Palenstein",
};

TEST_CASE("Only casus migrate creates a database: a mistyped path is refused and stays absent",
          "[e2e][cli]") {
  casus::persistence::testing::TempDatabasePath missing;
  for (const char* command : kCommandsOnADatabase) {
    INFO(command);
    const auto run = Casus(std::string(command) + " --db " + missing.path());
    CHECK(run.exit_code == 2);
    CHECK(run.out.find("no database at " + missing.path()) != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(missing.path()));
  }
  CHECK(Casus("copy --from " + missing.path() + " --to " + missing.path()).exit_code == 2);
  CHECK_FALSE(std::filesystem::exists(missing.path()));
  CHECK(Casus("migrate --db " + missing.path()).exit_code == 0);
  CHECK(Casus("districts list --db " + missing.path()).exit_code == 0);
}

TEST_CASE("A database no casus migrate has touched is refused and gets no schema", "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation empty(casus::e2e::TempDatabaseLocation::Content::kNothing);
  if (!std::filesystem::exists(empty.path()) && empty.path().find("://") == std::string::npos) {
    std::ofstream(empty.path()).flush();  // an empty file where a database was expected
  }
  for (const char* command : kCommandsOnADatabase) {
    INFO(command);
    const auto run = Casus(std::string(command) + " --db " + empty.path());
    CHECK(run.exit_code == 2);
    CHECK(run.out.find("no Casus database") != std::string::npos);
  }
  casus::persistence::Database database(empty.path(), 1);
  CHECK(casus::persistence::CurrentVersion(database) == 0);
}

TEST_CASE("casus copy moves a SQLite database whole: same reports, tokens and audit chain",
          "[e2e][cli][copy]") {
  casus::persistence::testing::TempDatabasePath source;  // a team's trial file
  casus::e2e::TempDatabaseLocation target;               // PostgreSQL when the suite runs there
  REQUIRE(Casus("migrate --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("seed-demo --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("token create --name alice --role analist --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("districts add --name Palenstein --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("migrate --db " + target.path()).exit_code == 0);

  const auto copied = Casus("copy --from " + source.path() + " --to " + target.path());
  REQUIRE(copied.exit_code == 0);
  CHECK(copied.out.find("cases: 292") != std::string::npos);
  CHECK(copied.out.find("case_transitions: 815") != std::string::npos);
  CHECK(copied.out.find("signals: 508") != std::string::npos);
  CHECK(copied.out.find("audit_log: 2") != std::string::npos);

  for (const char* kind : {"woonoverlast", "ondermijning"}) {
    for (const char* format : {"json", "csv"}) {
      const std::string report =
          std::string("report ") + kind + " --year 2024 --format " + format + " --db ";
      INFO(kind << " " << format);
      CHECK(Casus(report + target.path()).out == Casus(report + source.path()).out);
    }
  }
  CHECK(Casus("audit verify --db " + target.path()).exit_code == 0);
  CHECK(Casus("token list --db " + target.path()).out.find("alice") != std::string::npos);
  CHECK(Casus("districts list --db " + target.path()).out.find("Palenstein") != std::string::npos);
  // New rows after the copied ones get ids of their own.
  CHECK(Casus("seed-synthetic --cases 20 --db " + target.path()).exit_code == 0);
  CHECK(Casus("audit verify --db " + target.path()).exit_code == 0);
  // Into a database that holds data already: refused, nothing changed.
  const auto again = Casus("copy --from " + source.path() + " --to " + target.path());
  CHECK(again.exit_code == 1);
  CHECK(again.out.find("not empty") != std::string::npos);
}

}  // namespace

TEST_CASE("casus report prints Tabel 5.1 of 2024 exactly after seed-demo", "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  REQUIRE(Casus("seed-demo --db " + db.path()).exit_code == 0);
  const auto csv = Casus("report woonoverlast --year 2024 --format csv --db " + db.path());
  REQUIRE(csv.exit_code == 0);
  CHECK(csv.out ==
        "name,koop_lopend,koop_afgerond,corporatie_lopend,corporatie_afgerond,"
        "particulier_lopend,particulier_afgerond,total\n"
        "Centrum,6,3,10,5,5,2,31\n"
        "Meerzicht,4,6,24,9,3,0,46\n"
        "Buytenwegh,0,6,24,6,0,0,36\n"
        "De Leyens,0,0,8,3,0,1,12\n"
        "Seghwaert,8,3,14,9,0,1,35\n"
        "Noordhove,8,1,0,1,0,0,10\n"
        "Rokkeveen,5,4,8,5,0,1,23\n"
        "Oosterheem,3,1,11,1,1,0,17\n"
        "Totaal,34,24,99,39,9,5,210\n");
  const auto table = Casus("report woonoverlast --year 2024 --db " + db.path());
  CHECK(table.out.find(
            "Totaal            34        24      99        39       9         5     210") !=
        std::string::npos);

  const auto ondermijning = Casus("report ondermijning --year 2024 --format csv --db " + db.path());
  REQUIRE(ondermijning.exit_code == 0);
  for (const char* row :
       {"signals,total,177", "signals.by_source.mma,count,122", "signals.by_source.mma,percent,69",
        "signals.by_source.meldpunt,percent,8", "signals.by_source.partner,percent,18",
        "signals.by_source.overig,percent,5", "cases,handled,20", "cases,started_before_year,15",
        "cases,started_in_year,5", "cases,closed,14", "cases,continuing,6",
        "cases.outcomes,ontkracht,5", "cases.outcomes,onvoldoende_aanknopingspunten,1",
        "cases.outcomes,handhaving,8", "cases.outcomes,sluiting,3", "activities,control_days,6",
        "activities,companies_checked,27", "activities,knock_and_talk,30"}) {
    INFO(row);
    CHECK(ondermijning.out.find(std::string("\n") + row + "\n") != std::string::npos);
  }

  // Seeding again leaves the data alone.
  REQUIRE(Casus("seed-demo --db " + db.path()).exit_code == 0);
  CHECK(Casus("report woonoverlast --year 2024 --format csv --db " + db.path()).out == csv.out);
}

TEST_CASE("casus token create prints the token alone on the last line", "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  const auto created = Casus("token create --name alice --role analist --db " + db.path());
  REQUIRE(created.exit_code == 0);
  const std::string token = LastLine(created.out);
  CHECK(token.rfind("casus_", 0) == 0);
  CHECK(token.size() >= 32);
  CHECK(token.find(' ') == std::string::npos);
  CHECK(Casus("token create --name alice --role analist --db " + db.path()).exit_code == 1);
  CHECK(Casus("token create --name bob --role chef --db " + db.path()).exit_code == 2);
  const auto listed = Casus("token list --db " + db.path());
  CHECK(listed.out.find("alice  analist") != std::string::npos);
  CHECK(listed.out.find(token) == std::string::npos);  // the secret is never shown again
  CHECK(Casus("token revoke --name alice --db " + db.path()).exit_code == 0);
  CHECK(Casus("token list --db " + db.path()).out.find("REVOKED") != std::string::npos);
}

TEST_CASE("casus audit verify passes untouched and names the row changed behind its back",
          "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  for (const char* name : {"a", "b", "c", "d"}) {
    REQUIRE(
        Casus(std::string("token create --role beheerder --name ") + name + " --db " + db.path())
            .exit_code == 0);
  }
  const auto intact = Casus("audit verify --db " + db.path());
  CHECK(intact.exit_code == 0);
  CHECK(intact.out.find("intact: 4 rows") != std::string::npos);
  {
    casus::persistence::Database database(db.path(), 1);
    casus::persistence::SessionLease sql(database);
    *sql << (database.dialect() == casus::persistence::Dialect::kPostgresql
                 ? "DROP TRIGGER IF EXISTS audit_log_no_update ON audit_log"
                 : "DROP TRIGGER IF EXISTS audit_log_no_update");
    *sql << "UPDATE audit_log SET object = 'tokens/mallory' WHERE id = 2";
  }
  const auto broken = Casus("audit verify --db " + db.path());
  CHECK(broken.exit_code == 1);
  CHECK(broken.out.find("row 2") != std::string::npos);
}

TEST_CASE("casus purge keeps every report byte-identical and a dry run changes nothing",
          "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  REQUIRE(Casus("seed-demo --db " + db.path()).exit_code == 0);
  const auto reports = [&] {
    std::string all;
    for (const char* kind : {"woonoverlast", "ondermijning"}) {
      for (const char* year : {"2023", "2024", "2025"}) {
        all += Casus(std::string("report ") + kind + " --format json --year " + year + " --db " +
                     db.path())
                   .out;
      }
    }
    return all;
  };
  const auto personal = [&] {
    casus::persistence::Database database(db.path(), 1);
    casus::persistence::SessionLease sql(database);
    int with_address = 0;
    *sql << "SELECT COUNT(*) FROM cases WHERE address_street IS NOT NULL", soci::into(with_address);
    return with_address;
  };
  const std::string before = reports();
  const int addresses = personal();
  REQUIRE(addresses > 0);

  const auto dry = Casus("purge --dry-run --as-of 2030-06-01 --db " + db.path());
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("dry run") != std::string::npos);
  // Per kind and year its retention period began: the demo's casussen closed in 2023-2024.
  CHECK(dry.out.find("\nwoonoverlast  2024  ") != std::string::npos);
  CHECK(personal() == addresses);

  // 2030 lies after today: without --force and a reason nothing goes, and the refusal is kept.
  const auto refused = Casus("purge --as-of 2030-06-01 --db " + db.path());
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.find("after today") != std::string::npos);
  CHECK(personal() == addresses);
  CHECK(Casus("purge --as-of 2030-06-01 --force --db " + db.path()).exit_code == 2);
  CHECK(Casus("purge --as-of 2030-06-01 --reason x --db " + db.path()).exit_code == 2);
  CHECK(personal() == addresses);

  CHECK(Casus("purge --as-of 2030-06-01 --force --reason 'Proef met de demodata' --db " + db.path())
            .exit_code == 0);
  CHECK(personal() < addresses);
  CHECK(reports() == before);
  CHECK(Casus("audit verify --db " + db.path()).exit_code == 0);
  {
    casus::persistence::Database database(db.path(), 1);
    casus::persistence::SessionLease sql(database);
    int forced = 0;
    *sql << "SELECT COUNT(*) FROM audit_log WHERE object = 'retention/purge/2030-06-01' AND "
            "result = 'forced: Proef met de demodata'",
        soci::into(forced);
    CHECK(forced == 1);
  }
}

TEST_CASE("casus districts add appends a wijk that the report then shows", "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  REQUIRE(Casus("migrate --db " + db.path()).exit_code == 0);
  CHECK(Casus("districts add --name Palenstein --db " + db.path()).exit_code == 0);
  CHECK(Casus("districts add --name Palenstein --db " + db.path()).exit_code == 1);
  const auto listed = Casus("districts list --db " + db.path());
  CHECK(listed.out.rfind("Centrum\n", 0) == 0);
  CHECK(LastLine(listed.out) == "Palenstein");
  const auto csv = Casus("report woonoverlast --year 2024 --format csv --db " + db.path());
  CHECK(csv.out.find("\nPalenstein,0,0,0,0,0,0,0\nTotaal,") != std::string::npos);
}

TEST_CASE("Without $USER the CLI is audited as the user of its uid, not cli:unknown",
          "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation db;
  REQUIRE(CasusWith("env -u USER", "token create --name alice --role analist --db " + db.path())
              .exit_code == 0);
  const auto listed = Casus("audit list --action manage_tokens --db " + db.path());
  const passwd* account = ::getpwuid(::getuid());
  REQUIRE(account != nullptr);
  CHECK(listed.out.find(std::string("\tcli:") + account->pw_name + "\tbeheerder\t") !=
        std::string::npos);
  CHECK(listed.out.find("cli:unknown") == std::string::npos);
}

TEST_CASE("casus seed-synthetic loads the same data for the same seed", "[e2e][cli]") {
  casus::e2e::TempDatabaseLocation first, second;
  const auto seeded = Casus("seed-synthetic --cases 300 --seed 5 --db " + first.path());
  REQUIRE(seeded.exit_code == 0);
  CHECK(seeded.out.find("300 casussen") != std::string::npos);
  REQUIRE(Casus("seed-synthetic --cases 300 --seed 5 --db " + second.path()).exit_code == 0);
  const auto reports = [](const std::string& db) {
    return Casus("report woonoverlast --year 2024 --format csv --db " + db).out +
           Casus("report ondermijning --year 2024 --format csv --db " + db).out;
  };
  const auto figures = reports(first.path());
  CHECK(figures == reports(second.path()));
  CHECK(figures.find("\nTotaal,0,0,0,0,0,0,0\n") == std::string::npos);
  CHECK(figures.find("signals,total,0\n") == std::string::npos);
  CHECK(Casus("audit verify --db " + first.path()).exit_code == 0);

  CHECK(Casus("seed-synthetic --cases 0 --db " + first.path()).exit_code == 2);
  CHECK(Casus("seed-synthetic --db " + first.path()).exit_code == 2);
  CHECK(Casus("seed-synthetic --cases 10 --seed -1 --db " + first.path()).exit_code == 2);
}

namespace {

// The N:HASH `casus audit head` prints for `db`.
std::string Head(const std::string& db) {
  const auto head = Casus("audit head --db " + db);
  REQUIRE(head.exit_code == 0);
  return LastLine(head.out);
}

void DropAuditTriggers(const std::string& db) {
  casus::persistence::Database database(db, 1);
  casus::persistence::SessionLease sql(database);
  if (database.dialect() == casus::persistence::Dialect::kPostgresql) {
    *sql << "DROP TRIGGER audit_log_no_update ON audit_log";
    *sql << "DROP TRIGGER audit_head_forward_only ON audit_head";
  } else {
    *sql << "DROP TRIGGER audit_log_no_update";
    *sql << "DROP TRIGGER audit_log_no_delete";
    *sql << "DROP TRIGGER audit_head_forward_only";
  }
}

}  // namespace

TEST_CASE("casus audit init-key writes an owner-only key and never overwrites a file",
          "[e2e][cli][audit_key]") {
  casus::persistence::testing::TempDatabasePath key("casus-e2e-key");
  const auto created = Casus("audit init-key --key-file " + key.path());
  REQUIRE(created.exit_code == 0);
  CHECK(created.out.find("key id ") != std::string::npos);
  struct stat status {};
  REQUIRE(::stat(key.path().c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);
  std::string content;
  std::getline(std::ifstream(key.path()), content);
  CHECK(content.size() == 64);
  CHECK(content.find_first_not_of("0123456789abcdef") == std::string::npos);

  const auto again = Casus("audit init-key --key-file " + key.path());
  CHECK(again.exit_code == 1);
  CHECK(again.out.find("refusing to overwrite") != std::string::npos);
  std::string unchanged;
  std::getline(std::ifstream(key.path()), unchanged);
  CHECK(unchanged == content);
  CHECK(Casus("audit init-key").exit_code == 2);
}

TEST_CASE("casus audit rekey keys a chain that then verifies and grows only with its key",
          "[e2e][cli][audit_key]") {
  casus::e2e::TempDatabaseLocation db;
  casus::persistence::testing::TempDatabasePath key("casus-e2e-key");
  casus::persistence::testing::TempDatabasePath other_key("casus-e2e-key");
  REQUIRE(Casus("audit init-key --key-file " + key.path()).exit_code == 0);
  REQUIRE(Casus("audit init-key --key-file " + other_key.path()).exit_code == 0);
  CHECK(Head(db.path()) == "0:" + std::string(64, '0'));
  for (const char* name : {"a", "b", "c"}) {
    REQUIRE(Casus(std::string("token create --role analist --name ") + name + " --db " + db.path())
                .exit_code == 0);
  }
  const std::string unkeyed_head = Head(db.path());
  CHECK(unkeyed_head.rfind("3:", 0) == 0);
  CHECK(Casus("audit verify --db " + db.path()).out.find("NOT keyed") != std::string::npos);
  // A key for a chain not keyed yet is refused, pointing to rekey.
  const auto early = Casus("token list --audit-key-file " + key.path() + " --db " + db.path());
  CHECK(early.exit_code == 1);
  CHECK(early.out.find("casus audit rekey") != std::string::npos);

  const auto rekeyed = Casus("audit rekey --key-file " + key.path() + " --db " + db.path());
  REQUIRE(rekeyed.exit_code == 0);
  const std::string keyed_head = Head(db.path());
  CHECK(keyed_head.rfind("3:", 0) == 0);
  CHECK(keyed_head != unkeyed_head);
  CHECK(rekeyed.out.find("head before: " + unkeyed_head) != std::string::npos);
  CHECK(rekeyed.out.find("head now:    " + keyed_head) != std::string::npos);
  CHECK(Casus("audit rekey --key-file " + key.path() + " --db " + db.path()).exit_code == 1);

  const auto without_key = Casus("audit verify --db " + db.path());
  CHECK(without_key.exit_code == 1);
  CHECK(without_key.out.find("NOT VERIFIED: the audit chain is keyed") != std::string::npos);
  CHECK(without_key.out.find("can be neither verified") != std::string::npos);
  const auto with_key = Casus("audit verify --key-file " + key.path() + " --db " + db.path());
  CHECK(with_key.exit_code == 0);
  CHECK(with_key.out.find("intact: 3 rows verified (keyed, key id ") != std::string::npos);
  CHECK(Casus("audit verify --key-file " + other_key.path() + " --db " + db.path()).exit_code == 1);

  // Appending: without the key, or with another, refused with nothing written.
  for (const std::string& refused :
       {std::string("token create --role analist --name d --db ") + db.path(),
        "token create --role analist --name d --audit-key-file " + other_key.path() + " --db " +
            db.path(),
        "districts add --name Palenstein --db " + db.path(),
        "purge --as-of 2024-01-01 --dry-run --db " + db.path()}) {
    INFO(refused);
    CHECK(Casus(refused).exit_code == 1);
  }
  CHECK(Head(db.path()) == keyed_head);
  // With it, by option or environment (the option wins).
  CHECK(Casus("token create --role analist --name d --audit-key-file " + key.path() + " --db " +
              db.path())
            .exit_code == 0);
  CHECK(CasusWith("CASUS_AUDIT_KEY_FILE=" + key.path(), "token revoke --name d --db " + db.path())
            .exit_code == 0);
  CHECK(CasusWith("CASUS_AUDIT_KEY_FILE=" + other_key.path(),
                  "token list --audit-key-file " + key.path() + " --db " + db.path())
            .exit_code == 0);
  CHECK(CasusWith("CASUS_AUDIT_KEY_FILE=" + other_key.path(), "token list --db " + db.path())
            .exit_code == 1);
  const auto grown = Casus("audit verify --key-file " + key.path() + " --expect-head " +
                           keyed_head + " --db " + db.path());
  CHECK(grown.exit_code == 0);
  CHECK(grown.out.find("intact: 6 rows") != std::string::npos);
  CHECK(grown.out.find("reaches the anchored head " + keyed_head) != std::string::npos);

  // Moved to another key with the current one, and back (each rekey prints the new head,
  // for re-recording anchors).
  CHECK(Casus("audit rekey --key-file " + other_key.path() + " --db " + db.path()).exit_code == 1);
  const auto moved = Casus("audit rekey --key-file " + other_key.path() + " --old-key-file " +
                           key.path() + " --db " + db.path());
  CHECK(moved.exit_code == 0);
  CHECK(Casus("audit verify --key-file " + other_key.path() + " --db " + db.path()).exit_code == 0);
  CHECK(Casus("audit verify --key-file " + key.path() + " --db " + db.path()).exit_code == 1);
  CHECK(Casus("audit rekey --key-file " + key.path() + " --old-key-file " + other_key.path() +
              " --db " + db.path())
            .exit_code == 0);

  // A key file others can read is refused.
  REQUIRE(::chmod(key.path().c_str(), 0640) == 0);
  const auto exposed = Casus("audit verify --key-file " + key.path() + " --db " + db.path());
  CHECK(exposed.exit_code == 1);
  CHECK(exposed.out.find("chmod 600") != std::string::npos);
}

TEST_CASE("casus audit verify --expect-head finds rows cut off with the head moved back",
          "[e2e][cli][audit_key]") {
  casus::e2e::TempDatabaseLocation db;
  casus::persistence::testing::TempDatabasePath key("casus-e2e-key");
  REQUIRE(Casus("audit init-key --key-file " + key.path()).exit_code == 0);
  REQUIRE(Casus("audit rekey --key-file " + key.path() + " --db " + db.path()).exit_code == 0);
  for (const char* name : {"a", "b", "c", "d", "e"}) {
    REQUIRE(Casus(std::string("token create --role analist --name ") + name + " --audit-key-file " +
                  key.path() + " --db " + db.path())
                .exit_code == 0);
  }
  const std::string anchored = Head(db.path());
  CHECK(anchored.rfind("5:", 0) == 0);
  const std::string verify = "audit verify --key-file " + key.path() + " --db " + db.path();
  CHECK(Casus(verify + " --expect-head " + anchored).exit_code == 0);
  CHECK(Casus(verify + " --expect-head 5:nothex").exit_code == 2);

  DropAuditTriggers(db.path());
  {
    casus::persistence::Database database(db.path(), 1);
    casus::persistence::SessionLease sql(database);
    std::string hash_3;
    *sql << "SELECT hash FROM audit_log WHERE id = 3", soci::into(hash_3);
    *sql << "DELETE FROM audit_log WHERE id > 3";
    *sql << "UPDATE audit_head SET last_id = 3, last_hash = :hash", soci::use(hash_3);
  }
  CHECK(Casus(verify).exit_code == 0);  // a shorter chain is still a chain
  const auto cut = Casus(verify + " --expect-head " + anchored);
  CHECK(cut.exit_code == 1);
  CHECK(cut.out.find("row 5 of the anchored head is missing") != std::string::npos);
}

TEST_CASE("casus serve refuses to start without the key of a keyed chain",
          "[e2e][cli][audit_key]") {
  casus::e2e::TempDatabaseLocation db;
  casus::persistence::testing::TempDatabasePath key("casus-e2e-key");
  casus::persistence::testing::TempDatabasePath other_key("casus-e2e-key");
  REQUIRE(Casus("audit init-key --key-file " + key.path()).exit_code == 0);
  REQUIRE(Casus("audit init-key --key-file " + other_key.path()).exit_code == 0);
  REQUIRE(Casus("audit rekey --key-file " + key.path() + " --db " + db.path()).exit_code == 0);

  // `timeout`: a serve that started after all would otherwise hold the test.
  const std::string serve = "serve --listen 127.0.0.1:0 --db " + db.path();
  const auto missing = CasusWith("timeout 60", serve);
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("no audit key was given") != std::string::npos);
  CHECK(missing.out.find("listening") == std::string::npos);
  const auto wrong = CasusWith("timeout 60", serve + " --audit-key-file " + other_key.path());
  CHECK(wrong.exit_code == 1);
  CHECK(wrong.out.find("keyed with another key") != std::string::npos);

  {
    casus::e2e::ServeProcess server(CASUS_BINARY, {"serve", "--db", db.path(), "--listen",
                                                   "127.0.0.1:0", "--audit-key-file", key.path()});
    CHECK(server.port != 0);
  }
  CHECK(Casus("audit verify --key-file " + key.path() + " --db " + db.path()).exit_code == 0);
}

TEST_CASE("casus copy keeps a keyed chain keyed with the same key", "[e2e][cli][copy][audit_key]") {
  casus::persistence::testing::TempDatabasePath source;
  casus::e2e::TempDatabaseLocation target;
  casus::persistence::testing::TempDatabasePath key("casus-e2e-key");
  REQUIRE(Casus("migrate --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("token create --name alice --role analist --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("audit init-key --key-file " + key.path()).exit_code == 0);
  REQUIRE(Casus("audit rekey --key-file " + key.path() + " --db " + source.path()).exit_code == 0);
  REQUIRE(Casus("districts add --name Palenstein --audit-key-file " + key.path() + " --db " +
                source.path())
              .exit_code == 0);
  REQUIRE(Casus("copy --from " + source.path() + " --to " + target.path()).exit_code == 0);

  CHECK(Head(target.path()) == Head(source.path()));
  CHECK(Casus("audit verify --key-file " + key.path() + " --db " + target.path()).exit_code == 0);
  CHECK(Casus("audit verify --db " + target.path()).exit_code == 1);
  CHECK(Casus("token revoke --name alice --db " + target.path()).exit_code == 1);
  CHECK(Casus("token revoke --name alice --audit-key-file " + key.path() + " --db " + target.path())
            .exit_code == 0);
  CHECK(Casus("audit verify --key-file " + key.path() + " --db " + target.path()).exit_code == 0);
}

TEST_CASE("casus help names every command, and each command's --help shows its own forms",
          "[e2e][cli][help]") {
  const Run all = Casus("help");
  CHECK(all.exit_code == 0);
  for (const char* command :
       {"serve", "config", "migrate", "backup", "copy", "seed-demo", "seed-synthetic", "report",
        "token", "audit", "purge", "retention", "districts", "settings"}) {
    INFO(command);
    CHECK(all.out.find(std::string("\n  ") + command + " ") != std::string::npos);
    const Run help = Casus(std::string("help ") + command);
    CHECK(help.exit_code == 0);
    CHECK(help.out.rfind(std::string("usage: casus ") + command, 0) == 0);
    CHECK(Casus(std::string(command) + " --help").out == help.out);
  }
  const Run unknown = Casus("help no-such-command");
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.find("no command 'no-such-command'") != std::string::npos);
  // A usage error shows the forms of the command it was made in, not every command.
  const Run wrong = Casus("backup --db x.db");
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.out.find("usage: casus backup") != std::string::npos);
  CHECK(wrong.out.find("usage: casus serve") == std::string::npos);
}

TEST_CASE("casus help --man writes a manual page with every command", "[e2e][cli][help]") {
  const Run man = Casus("help --man");
  CHECK(man.exit_code == 0);
  CHECK(man.out.rfind(".TH CASUS 1 ", 0) == 0);
  CHECK(man.out.find(".B serve [\\-\\-config PATH] \\-\\-db PATH") != std::string::npos);
  CHECK(man.out.find(".B audit verify") != std::string::npos);
  // No line of text that roff would take for a request.
  std::istringstream lines(man.out);
  for (std::string line; std::getline(lines, line);) {
    if (line.empty() || (line[0] != '.' && line[0] != '\'')) continue;
    INFO(line);
    CHECK(std::regex_search(line, std::regex(R"(^\.(TH|SH|PP|TP|B|I) ?)")));
  }
}
