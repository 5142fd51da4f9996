// casus import and casus export as an operator runs them: an old, `;`-separated spreadsheet
// with a byte order mark and Dutch headers, some of its rows bad; then the export of what came
// in, imported into a fresh database, giving the same casussen and the same Tabel 5.1.

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "http_client.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

// A file in the temp directory, removed (with its error file) when the test ends.
long long Scalar(const std::string& db, const std::string& query) {
  persistence::Database database{db, 1};
  persistence::SessionLease sql(database);
  long long value = 0;
  *sql << query, soci::into(value);
  return value;
}

long long CasesIn(const std::string& db) { return Scalar(db, "SELECT COUNT(*) FROM cases"); }

const std::string kSpreadsheet =
    "\xEF\xBB\xBFWijk;Woningtype;Datum melding;Categorie;Omschrijving;Status;Datum afgerond;"
    "External_ref\r\n"
    "Centrum;koop;01-03-2024;geluid;Harde muziek;lopend;;OUD-1\r\n"
    "Meerzicht;corporatie;2024-02-10;geluid|zorg;\"Zorgen; en lawaai\";afgerond;20-04-2024;"
    "OUD-2\r\n"
    "Atlantis;koop;2024-03-01;zorg;Onbekende wijk;gemeld;;OUD-3\r\n"
    "Rokkeveen;particulier;2024-05-01;overig;Overig;handhaving;;OUD-4\r\n"
    "Seghwaert;huur;2024-05-01;overig;Verkeerd woningtype;gemeld;;OUD-5\r\n"
    "Noordhove;koop;2024-06-01;vervuiling;Ontkracht;ontkracht;01-07-2024;OUD-6\r\n";

TEST_CASE(
    "casus import of a semicolon file with a BOM and bad rows imports nothing and lists the rows",
    "[e2e][import]") {
  TempDatabaseLocation db;
  TempFile file("bad.csv");
  file.Write(kSpreadsheet);
  const std::string command =
      "import woonoverlast --db '" + db.path() + "' --file '" + file.path() + "'";

  const CommandRun refused = RunCasus("", command);
  INFO(refused.out);
  CHECK(refused.exit_code == 1);
  CHECK(CasesIn(db.path()) == 0);
  const std::string errors = TempFile::Read(file.path() + ".errors.csv");
  CHECK(errors.starts_with("line,column,reason\r\n"));
  CHECK(errors.find("\r\n4,wijk,") != std::string::npos);
  CHECK(errors.find("\r\n6,woningtype,\"'huur' is not a woningtype") != std::string::npos);

  const CommandRun dry = RunCasus("", command + " --dry-run --skip-invalid");
  INFO(dry.out);
  CHECK(dry.exit_code == 0);
  CHECK(dry.out.find("4 would be imported") != std::string::npos);
  CHECK(CasesIn(db.path()) == 0);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM audit_log WHERE action = 'import_data' AND "
               "result = 'ok'") == 0);

  const CommandRun skipped = RunCasus("", command + " --skip-invalid");
  INFO(skipped.out);
  CHECK(skipped.exit_code == 0);
  CHECK(skipped.out.find("4 imported") != std::string::npos);
  CHECK(CasesIn(db.path()) == 4);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM cases WHERE state = 'afgerond' AND "
               "external_ref = 'OUD-2'") == 1);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM case_transitions t JOIN cases c ON "
               "c.id = t.case_id WHERE c.external_ref = 'OUD-2'") == 3);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM audit_log WHERE action = 'import_data' AND "
               "result = 'ok'") == 1);
  CHECK(Scalar(db.path(),
               "SELECT count FROM audit_log WHERE action = 'import_data' AND "
               "result = 'ok'") == 4);

  const CommandRun again = RunCasus("", command + " --skip-invalid");
  INFO(again.out);
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("0 imported, 4 already present") != std::string::npos);
  CHECK(CasesIn(db.path()) == 4);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM audit_log WHERE action = 'import_data' AND "
               "result = 'ok'") == 1);
}

TEST_CASE("casus export, imported into a fresh database, gives the same casussen and Tabel 5.1",
          "[e2e][import][export]") {
  TempDatabaseLocation source;
  REQUIRE(RunCasus("", "seed-demo --db '" + source.path() + "'").exit_code == 0);
  TempFile exported("export.csv");
  const CommandRun exporting = RunCasus("", "export cases --db '" + source.path() +
                                                "' --kind woonoverlast --delimiter ';' "
                                                "--out '" +
                                                exported.path() + "'");
  INFO(exporting.out);
  REQUIRE(exporting.exit_code == 0);
  const std::string file = TempFile::Read(exported.path());
  CHECK(
      file.starts_with("wijk;woningtype;datum melding;categorie;omschrijving;status;"
                       "datum afgerond;historie;external_ref\r\n"));

  TempDatabaseLocation target;
  const CommandRun importing = RunCasus(
      "", "import woonoverlast --db '" + target.path() + "' --file '" + exported.path() + "'");
  INFO(importing.out);
  REQUIRE(importing.exit_code == 0);
  const long long woonoverlast = Scalar(source.path(),
                                        "SELECT COUNT(*) FROM cases WHERE kind = "
                                        "'woonoverlast'");
  CHECK(woonoverlast > 0);
  CHECK(CasesIn(target.path()) == woonoverlast);
  // The export is on the record: one row for the file, with how many casussen it holds.
  CHECK(Scalar(source.path(),
               "SELECT count FROM audit_log WHERE action = 'read_case' AND "
               "object = 'cases/export/woonoverlast' AND result = 'ok'") == woonoverlast);
  for (const char* year : {"2023", "2024"}) {
    const CommandRun before = RunCasus(
        "", std::string("report woonoverlast --year ") + year + " --db '" + source.path() + "'");
    const CommandRun after = RunCasus(
        "", std::string("report woonoverlast --year ") + year + " --db '" + target.path() + "'");
    CHECK(before.exit_code == 0);
    CHECK(after.out == before.out);
  }
  // The same file once more: exported again from the imported casussen.
  TempFile again("again.csv");
  REQUIRE(RunCasus("", "export cases --db '" + target.path() +
                           "' --kind woonoverlast "
                           "--delimiter ';' --out '" +
                           again.path() + "'")
              .exit_code == 0);
  CHECK(TempFile::Read(again.path()) == file);
  // A period: only the casussen reported in it.
  TempFile period("period.csv");
  REQUIRE(RunCasus("", "export cases --db '" + source.path() +
                           "' --kind woonoverlast "
                           "--from 2024-01-01 --to 2024-12-31 --out '" +
                           period.path() + "'")
              .exit_code == 0);
  const std::string in_period = TempFile::Read(period.path());
  CHECK(in_period.find(",2023-") == std::string::npos);
  // A period without casussen: the header alone, and the read still on the record.
  TempFile empty("empty.csv");
  const CommandRun nothing =
      RunCasus("", "export cases --db '" + source.path() +
                       "' --kind woonoverlast --from 2100-01-01 --delimiter ';' --out '" +
                       empty.path() + "'");
  INFO(nothing.out);
  CHECK(nothing.exit_code == 0);
  CHECK(TempFile::Read(empty.path()) == file.substr(0, file.find("\r\n") + 2));
}

TEST_CASE("GET /api/v1/cases/export streams every casus in chunks, the file casus export writes",
          "[e2e][export]") {
  TempDatabaseLocation db;
  // Enough woonoverlast casussen for three pages of the export (500 each).
  REQUIRE(RunCasus("", "seed-synthetic --db '" + db.path() + "' --cases 1400 --seed 7").exit_code ==
          0);
  const long long woonoverlast =
      Scalar(db.path(), "SELECT COUNT(*) FROM cases WHERE kind = 'woonoverlast'");
  REQUIRE(woonoverlast > 1000);
  const std::string token = CreateToken(db.path(), "exporter", "woonoverlast");
  TempFile exported("streamed.csv");
  REQUIRE(RunCasus("", "export cases --db '" + db.path() +
                           "' --kind woonoverlast --delimiter ';' --out '" + exported.path() + "'")
              .exit_code == 0);

  ServeProcess serve(db.path());
  HttpClient client(serve.port, token, std::chrono::seconds(30));
  const Response response = client.Get("/api/v1/cases/export?delimiter=%3B");
  REQUIRE(response.result() == http::status::ok);
  // Sent a page at a time as it is read, never held whole: chunked, without a length.
  CHECK(response[http::field::transfer_encoding] == "chunked");
  CHECK(response.count(http::field::content_length) == 0);
  CHECK(response[http::field::content_type] == "text/csv; charset=utf-8");
  CHECK(response.body() == TempFile::Read(exported.path()));
  // HTTP/1.0 has no chunks: the whole file, with its length.
  HttpClient old_client(serve.port, token, std::chrono::seconds(30));
  old_client.WriteRaw("GET /api/v1/cases/export?delimiter=%3B HTTP/1.0\r\nAuthorization: Bearer " +
                      token + "\r\n\r\n");
  const Response whole = old_client.Read();
  CHECK(whole.result() == http::status::ok);
  CHECK(whole.count(http::field::content_length) == 1);
  CHECK(whole.body() == response.body());
  // The connection is kept for the next request: a period without casussen, the header alone.
  const std::string header = response.body().substr(0, response.body().find("\r\n") + 2);
  CHECK(client.Get("/api/v1/cases/export?from=2100-01-01&delimiter=%3B").body() == header);
  // On the record before the first line went out, with how many casussen it holds.
  CHECK(Scalar(db.path(),
               "SELECT count FROM audit_log WHERE action = 'read_case' AND "
               "object = 'cases/export' AND result = 'ok' ORDER BY id LIMIT 1") == woonoverlast);
}

TEST_CASE("An export the database fails half way ends without its last chunk, and serve goes on",
          "[e2e][export]") {
  // A stored date no reader accepts, which only SQLite lets one write: the backend does not
  // matter to the session that streams.
  if (persistence::testing::TestsOnPostgres()) return;
  TempDatabaseLocation db;
  REQUIRE(RunCasus("", "seed-synthetic --db '" + db.path() + "' --cases 300 --seed 7").exit_code ==
          0);
  const std::string token = CreateToken(db.path(), "exporter", "woonoverlast");
  // The last woonoverlast casus unreadable: counting them works (the read is audited and the
  // header line goes out), reading the page that holds it fails.
  Scalar(db.path(),
         "UPDATE cases SET reported_on = '2024-13-45' WHERE id = "
         "(SELECT MAX(id) FROM cases WHERE kind = 'woonoverlast') RETURNING id");
  ServeProcess serve(db.path());
  HttpClient client(serve.port, token, std::chrono::seconds(10));
  client.WriteRaw("GET /api/v1/cases/export HTTP/1.1\r\nHost: casus\r\nAuthorization: Bearer " +
                  token + "\r\n\r\n");
  // A 200 whose chunked body ends before its last chunk: never a short file that looks whole.
  CHECK_THROWS_WITH(client.Read(), Catch::Contains("partial message"));
  HttpClient health(serve.port, {}, std::chrono::seconds(5));
  CHECK(health.Get("/healthz").result() == http::status::ok);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM audit_log WHERE action = 'read_case' AND "
               "object = 'cases/export' AND result = 'ok'") == 1);
}

TEST_CASE("casus import signals receives the good rows, dismisses the dismissed, and only once",
          "[e2e][import][signals]") {
  TempDatabaseLocation db;
  TempFile file("signals.csv");
  file.Write(
      "datum ontvangst,bron,thema,omschrijving,wijk,status,datum beoordeling,reden,external_ref\n"
      "01-03-2024,mma,drugs|witwassen,Loods met stank,Rokkeveen,,,,S1\n"
      "2024-03-02,meldpunt,prostitutie,Veel bezoek,,dismissed,2024-03-20,Niets gevonden,S2\n"
      "2024-03-03,krant,drugs,Onbekende bron,,,,,S3\n");
  const std::string command =
      "import signals --db '" + db.path() + "' --file '" + file.path() + "'";
  const CommandRun refused = RunCasus("", command);
  INFO(refused.out);
  CHECK(refused.exit_code == 1);
  CHECK(Scalar(db.path(), "SELECT COUNT(*) FROM signals") == 0);
  CHECK(TempFile::Read(file.path() + ".errors.csv").find("\r\n4,bron,") != std::string::npos);

  for (int run = 0; run < 2; ++run) {
    const CommandRun imported = RunCasus("", command + " --skip-invalid");
    INFO(imported.out);
    CHECK(imported.exit_code == 0);
  }
  CHECK(Scalar(db.path(), "SELECT COUNT(*) FROM signals") == 2);
  CHECK(Scalar(db.path(),
               "SELECT COUNT(*) FROM signals WHERE status = 'dismissed' AND "
               "external_ref = 'S2'") == 1);
  CHECK(Scalar(db.path(),
               "SELECT count FROM audit_log WHERE action = 'import_data' AND "
               "object = 'signals/import' AND result = 'ok'") == 2);
}

}  // namespace
}  // namespace casus::e2e
