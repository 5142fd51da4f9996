#include "persistence/soci_audit_trail.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <latch>
#include <memory>
#include <optional>
#include <random>
#include <span>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "domain/access/audit_subject.hpp"
#include "persistence/audit_chain.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::AuditEvent;

// The event of the `n`th request of a test: one a minute from 2025-03-01T00:00:00Z.
AuditEvent Event(int n, const std::string& object = "cases/17") {
  char at[32];
  std::snprintf(at, sizeof at, "2025-03-%02dT%02d:%02d:00Z", 1 + n / 1440, n % 1440 / 60, n % 60);
  return {at, "alice", "woonoverlast", "read_case", object, "ok", "192.0.2.7"};
}

AuditEvent EventAt(const std::string& at, const std::string& object) {
  return {at, "bob", "analist", "read_case", object, "ok", "cli"};
}

std::vector<std::int64_t> Ids(const domain::AuditPage& page) {
  std::vector<std::int64_t> ids;
  for (const auto& record : page.items) ids.push_back(record.id);
  return ids;
}

void Exec(Database& database, const std::string& statement) {
  SessionLease sql(database);
  *sql << statement;
}

std::string Text(Database& database, const std::string& query) {
  SessionLease sql(database);
  std::string text;
  *sql << query, soci::into(text);
  return text;
}

// What an attacker with write access to the file does first.
// What whoever can write the database can do: remove the append-only triggers.
void DropAuditTriggers(Database& database) {
  if (database.dialect() == Dialect::kPostgresql) {
    Exec(database, "DROP TRIGGER audit_log_no_update ON audit_log");
    return;  // one trigger there for both UPDATE and DELETE
  }
  Exec(database, "DROP TRIGGER audit_log_no_update");
  Exec(database, "DROP TRIGGER audit_log_no_delete");
}

// `count` rows chained exactly as Append chains them, in one transaction: many appends would
// each wait for a disk sync. Their objects take turns from `objects`; without `subjects`, as
// a database before migration 014 held them (no subject column).
void Seed(Database& database, int count, const std::vector<std::string>& objects = {"cases/17"},
          bool subjects = true) {
  SessionLease sql(database);
  Transaction transaction(*sql, Transaction::Mode::kWrite);
  std::string prev_hash(kAuditGenesisHash);
  for (std::int64_t id = 1; id <= count; ++id) {
    AuditEvent event = Event(static_cast<int>(id), objects[(id - 1) % objects.size()]);
    std::string hash = AuditChainHash(id, event, prev_hash);
    std::string subject = domain::AuditSubjectOf(event.object);
    const std::string columns =
        "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
        "prev_hash, hash";
    const std::string values =
        "VALUES (:id, :at, :token, :role, :action, :object, :result, :client, :prev_hash, :hash";
    if (subjects) {
      *sql << columns + ", subject) " + values + ", :subject)", soci::use(id), soci::use(event.at),
          soci::use(event.token), soci::use(event.role), soci::use(event.action),
          soci::use(event.object), soci::use(event.result), soci::use(event.client),
          soci::use(prev_hash), soci::use(hash), soci::use(subject);
    } else {
      *sql << columns + ") " + values + ")", soci::use(id), soci::use(event.at),
          soci::use(event.token), soci::use(event.role), soci::use(event.action),
          soci::use(event.object), soci::use(event.result), soci::use(event.client),
          soci::use(prev_hash), soci::use(hash);
    }
    *sql << "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1", soci::use(id),
        soci::use(hash);
    prev_hash = hash;
  }
  transaction.Commit();
}

struct Fixture {
  testing::TempDatabase db;
  SociAuditTrail audit{db.database};

  void AppendEvents(int count) {
    for (int n = 1; n <= count; ++n) audit.Append(Event(n));
  }
  void ExpectBad(std::int64_t row, const std::string& problem) {
    const auto verification = audit.Verify();
    CHECK_FALSE(verification.intact);
    CHECK(verification.first_bad_row == std::optional<std::int64_t>(row));
    CHECK(verification.problem == problem);
  }
};

TEST_CASE("A row's encoding length-prefixes every field, so shifted text changes the hash",
          "[persistence][audit]") {
  const AuditEvent a{"2025-03-01T08:00:00Z", "ab", "c", "read_case", "cases/1", "ok", "cli"};
  const AuditEvent b{"2025-03-01T08:00:00Z", "a", "bc", "read_case", "cases/1", "ok", "cli"};
  const AuditEvent c{"2025-03-01T08:00:00Z", "a", "b\n1:c", "read_case", "cases/1", "ok", "cli"};
  CHECK(AuditChainEncoding(1, a, kAuditGenesisHash) != AuditChainEncoding(1, b, kAuditGenesisHash));
  CHECK(AuditChainEncoding(1, b, kAuditGenesisHash) != AuditChainEncoding(1, c, kAuditGenesisHash));
  CHECK(AuditChainHash(1, a, kAuditGenesisHash) != AuditChainHash(1, b, kAuditGenesisHash));
  CHECK(AuditChainHash(1, a, kAuditGenesisHash) != AuditChainHash(2, a, kAuditGenesisHash));
  CHECK(AuditChainHash(1, a, kAuditGenesisHash) != AuditChainHash(1, a, std::string(64, '1')));
  CHECK(AuditChainHash(7, a, "x") == AuditChainHash(7, a, "x"));
  CHECK(AuditChainEncoding(12, a, "p") ==
        "casus-audit-v1\n2:12\n20:2025-03-01T08:00:00Z\n2:ab\n1:c\n9:read_case\n7:cases/1\n"
        "2:ok\n3:cli\n1:p\n");
}

TEST_CASE_METHOD(Fixture, "An empty trail verifies", "[persistence][audit]") {
  const auto verification = audit.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 0);
  CHECK_FALSE(verification.first_bad_row.has_value());
  CHECK(verification.problem.empty());
}

TEST_CASE_METHOD(Fixture, "Appended rows are numbered from 1 and chained", "[persistence][audit]") {
  AppendEvents(3);
  const auto page = audit.Query({});
  REQUIRE(page.items.size() == 3);
  std::string prev_hash(kAuditGenesisHash);
  for (std::size_t i = 0; i < 3; ++i) {
    const auto& record = page.items[i];
    CHECK(record.id == static_cast<std::int64_t>(i + 1));
    CHECK(record.event.at == Event(static_cast<int>(i + 1)).at);
    CHECK(record.event.token == "alice");
    CHECK(record.event.role == "woonoverlast");
    CHECK(record.event.action == "read_case");
    CHECK(record.event.object == "cases/17");
    CHECK(record.event.result == "ok");
    CHECK(record.event.client == "192.0.2.7");
    CHECK(record.hash == AuditChainHash(record.id, record.event, prev_hash));
    prev_hash = record.hash;
  }
  CHECK(Text(db.database, "SELECT prev_hash FROM audit_log WHERE id = 1") == kAuditGenesisHash);
  CHECK(Text(db.database, "SELECT last_hash FROM audit_head") == page.items[2].hash);

  const auto verification = audit.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 3);
}

TEST_CASE_METHOD(Fixture, "Any text round-trips and verifies, separators and quotes included",
                 "[persistence][audit]") {
  const AuditEvent odd{
      "2025-03-01T08:00:00Z", "-", "-", "read_case", "cases/1'; DROP TABLE audit_log; --\n2:x",
      "unauthenticated",      ""};
  audit.Append(odd);
  const auto page = audit.Query({});
  REQUIRE(page.items.size() == 1);
  CHECK(page.items[0].event.object == odd.object);
  CHECK(page.items[0].event.client.empty());
  CHECK(audit.Verify().intact);
}

TEST_CASE_METHOD(Fixture, "The database refuses to change or remove audit rows",
                 "[persistence][audit]") {
  AppendEvents(3);
  CHECK_THROWS_WITH(Exec(db.database, "UPDATE audit_log SET result = 'ok' WHERE id = 2"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_WITH(Exec(db.database, "DELETE FROM audit_log WHERE id = 3"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_WITH(Exec(db.database, "DELETE FROM audit_log"), Catch::Contains("append-only"));
  CHECK_THROWS_AS(Exec(db.database, "UPDATE audit_head SET last_id = 1"), soci::soci_error);
  CHECK_THROWS_AS(Exec(db.database, "UPDATE audit_head SET last_id = 3, last_hash = 'x'"),
                  soci::soci_error);
  CHECK_THROWS_AS(Exec(db.database, "DELETE FROM audit_head"), soci::soci_error);
  CHECK_THROWS_AS(Exec(db.database, "INSERT INTO audit_head VALUES (2, 0, 'x')"), soci::soci_error);
  const auto verification = audit.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 3);
}

TEST_CASE_METHOD(Fixture, "A trail longer than one verify batch verifies", "[persistence][audit]") {
  Seed(db.database, 2 * SociAuditTrail::kVerifyBatch + 17);
  audit.Append(Event(9999));  // Append continues a chain exactly as Seed writes it
  const auto verification = audit.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 2 * SociAuditTrail::kVerifyBatch + 18);

  SECTION("a change at a batch boundary is found") {
    DropAuditTriggers(db.database);
    Exec(db.database, "UPDATE audit_log SET client = '10.0.0.1' WHERE id = " +
                          std::to_string(SociAuditTrail::kVerifyBatch + 1));
    ExpectBad(SociAuditTrail::kVerifyBatch + 1,
              "row " + std::to_string(SociAuditTrail::kVerifyBatch + 1) + ": content changed");
  }
}

TEST_CASE_METHOD(Fixture, "A row changed in plain SQL is named", "[persistence][audit]") {
  AppendEvents(20);
  DropAuditTriggers(db.database);
  SECTION("its content") {
    Exec(db.database, "UPDATE audit_log SET result = 'ok', action = 'read_signal' WHERE id = 17");
    ExpectBad(17, "row 17: content changed");
    CHECK(audit.Verify().rows_checked == 17);
  }
  SECTION("its id") {
    Exec(db.database, "UPDATE audit_log SET id = 21 WHERE id = 20");
    ExpectBad(21, "row 21: row 20 is missing");
  }
  SECTION("its content with its hash recomputed: the next row no longer follows it") {
    auto event = Event(17);
    event.token = "mallory";
    const std::string prev = Text(db.database, "SELECT prev_hash FROM audit_log WHERE id = 17");
    Exec(db.database, "UPDATE audit_log SET token = 'mallory', hash = '" +
                          AuditChainHash(17, event, prev) + "' WHERE id = 17");
    ExpectBad(18, "row 18: previous row changed, missing or reordered");
  }
  SECTION("its subject, which the audit query finds it by") {
    Exec(db.database, "UPDATE audit_log SET subject = 'cases/99' WHERE id = 12");
    ExpectBad(12, "row 12: its subject was changed (it no longer follows its object)");
  }
  SECTION("the newest row with its hash recomputed: it no longer matches the head") {
    auto event = Event(20);
    event.result = "denied";
    const std::string prev = Text(db.database, "SELECT prev_hash FROM audit_log WHERE id = 20");
    Exec(db.database, "UPDATE audit_log SET result = 'denied', hash = '" +
                          AuditChainHash(20, event, prev) + "' WHERE id = 20");
    ExpectBad(20, "row 20: does not match the recorded end of the chain");
  }
}

TEST_CASE_METHOD(Fixture, "A row counting several refusals keeps its count in the chain",
                 "[persistence][audit]") {
  AppendEvents(3);
  AuditEvent counted{"2025-03-01T00:03:00Z", "-",          "-", "write_case", "cases",
                     "unauthenticated",      "192.0.2.66", 500};
  audit.Append(counted);
  AppendEvents(2);
  const auto rows = audit.Query({}).items;
  REQUIRE(rows.size() == 6);
  CHECK(rows[3].event.count == 500);
  CHECK(rows[0].event.count == 1);
  REQUIRE(audit.Verify().intact);

  SECTION("a count of 1 hashes as rows always did; another count does not") {
    AuditEvent single = counted;
    single.count = 1;
    CHECK(AuditChainEncoding(4, single, "x").rfind("casus-audit-v1\n", 0) == 0);
    CHECK(AuditChainEncoding(4, counted, "x").rfind("casus-audit-v2\n", 0) == 0);
    CHECK(AuditChainHash(4, single, "x") != AuditChainHash(4, counted, "x"));
  }
  SECTION("a count changed in plain SQL is named") {
    DropAuditTriggers(db.database);
    Exec(db.database, "UPDATE audit_log SET count = 1 WHERE id = 4");
    ExpectBad(4, "row 4: content changed");
  }
}

TEST_CASE_METHOD(Fixture, "A removed middle row names the row after the gap",
                 "[persistence][audit]") {
  AppendEvents(10);
  DropAuditTriggers(db.database);
  SECTION("one row") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 5");
    ExpectBad(6, "row 6: row 5 is missing");
    CHECK(audit.Verify().rows_checked == 5);
  }
  SECTION("several rows") {
    Exec(db.database, "DELETE FROM audit_log WHERE id BETWEEN 4 AND 7");
    ExpectBad(8, "row 8: rows 4 to 7 are missing");
  }
  SECTION("the first row") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 1");
    ExpectBad(2, "row 2: row 1 is missing");
  }
  SECTION("one row, the later ones renumbered to close the gap") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 5");
    Exec(db.database, "UPDATE audit_log SET id = id - 1 WHERE id > 5");
    ExpectBad(5, "row 5: previous row changed, missing or reordered");
  }
}

TEST_CASE_METHOD(Fixture, "Rows removed from the end are found through the head",
                 "[persistence][audit]") {
  AppendEvents(10);
  DropAuditTriggers(db.database);
  SECTION("the last row") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 10");
    ExpectBad(10, "row 10: missing (the chain ends at it)");
  }
  SECTION("the last rows") {
    Exec(db.database, "DELETE FROM audit_log WHERE id > 7");
    ExpectBad(8, "rows 8 to 10: missing (the chain ends at row 10)");
  }
  SECTION("every row") {
    Exec(db.database, "DELETE FROM audit_log");
    ExpectBad(1, "rows 1 to 10: missing (the chain ends at row 10)");
  }
  SECTION("and appends go on past the gap, keeping it visible") {
    Exec(db.database, "DELETE FROM audit_log WHERE id > 8");
    audit.Append(Event(11));
    ExpectBad(11, "row 11: rows 9 to 10 are missing");
  }
}

// Exchanges the values of `columns` between rows `a` and `b`, as plain SQL on the file would.
void SwapRows(Database& database, int a, int b, const std::vector<std::string>& columns) {
  SessionLease sql(database);
  for (const auto& column : columns) {
    std::string value_a;
    std::string value_b;
    *sql << "SELECT " + column + " FROM audit_log WHERE id = :id", soci::use(a),
        soci::into(value_a);
    *sql << "SELECT " + column + " FROM audit_log WHERE id = :id", soci::use(b),
        soci::into(value_b);
    *sql << "UPDATE audit_log SET " + column + " = :value WHERE id = :id", soci::use(value_b),
        soci::use(a);
    *sql << "UPDATE audit_log SET " + column + " = :value WHERE id = :id", soci::use(value_a),
        soci::use(b);
  }
}

TEST_CASE_METHOD(Fixture, "Swapped rows name the first of them", "[persistence][audit]") {
  AppendEvents(6);
  DropAuditTriggers(db.database);
  std::vector<std::string> columns = {"at",     "token",  "role",  "action",
                                      "object", "result", "client"};
  SECTION("their events") {
    SwapRows(db.database, 3, 4, columns);
    ExpectBad(3, "row 3: content changed");
  }
  SECTION("everything but their ids") {
    columns.push_back("prev_hash");
    columns.push_back("hash");
    SwapRows(db.database, 3, 4, columns);
    ExpectBad(3, "row 3: previous row changed, missing or reordered");
  }
}

TEST_CASE_METHOD(Fixture, "A row added past Casus is named, and Append refuses to fork the chain",
                 "[persistence][audit]") {
  AppendEvents(4);
  const std::string prev = Text(db.database, "SELECT hash FROM audit_log WHERE id = 4");
  const auto event = Event(5, "tokens/mallory");
  Exec(db.database,
       "INSERT INTO audit_log (id, at, token, role, action, object, result, client, prev_hash, "
       "hash) VALUES (5, '" +
           event.at +
           "', 'alice', 'woonoverlast', 'read_case', "
           "'tokens/mallory', 'ok', '192.0.2.7', '" +
           prev + "', '" + AuditChainHash(5, event, prev) + "')");
  ExpectBad(5, "row 5: added outside Casus (the chain ends at row 4)");
  CHECK_THROWS_AS(audit.Append(Event(6)), soci::soci_error);
}

TEST_CASE_METHOD(Fixture, "Query finds a subject's whole subtree and a deeper object alone",
                 "[persistence][audit]") {
  audit.Append(EventAt("2025-03-01T10:00:00Z", "cases/2"));                      // 1
  audit.Append(EventAt("2025-03-01T10:00:01Z", "cases/2/history"));              // 2
  audit.Append(EventAt("2025-03-01T10:00:02Z", "cases/20"));                     // 3
  audit.Append(EventAt("2025-03-01T10:00:03Z", "cases/2/transitions"));          // 4
  audit.Append(EventAt("2025-03-01T10:00:04Z", "signals/5/assessment"));         // 5
  audit.Append(EventAt("2025-03-01T10:00:05Z", "cases"));                        // 6
  audit.Append(EventAt("2025-03-01T10:00:06Z", "reports/woonoverlast?from=x"));  // 7
  audit.Append(EventAt("2025-03-01T10:00:07Z", "reports/woonoverlast/2024"));    // 8
  using IdList = std::vector<std::int64_t>;
  domain::AuditFilter filter;
  filter.objects = {"cases/2"};
  CHECK(Ids(audit.Query(filter)) == IdList{1, 2, 4});
  filter.objects = {"cases/2/history"};
  CHECK(Ids(audit.Query(filter)) == IdList{2});
  filter.objects = {"cases/2", "signals/5"};
  CHECK(Ids(audit.Query(filter)) == IdList{1, 2, 4, 5});
  filter.objects = {"cases"};
  CHECK(Ids(audit.Query(filter)) == IdList{6});
  filter.objects = {"reports/woonoverlast"};
  CHECK(Ids(audit.Query(filter)) == IdList{7, 8});
}

TEST_CASE("Migration 14 gives every row written before it its subject and the chain verifies",
          "[persistence][audit][migrator]") {
  testing::TempDatabasePath file;
  const auto postgres = testing::TestsOnPostgres() ? testing::FreshPostgresDatabase() : nullptr;
  Database database(postgres ? postgres->connect() : file.path());
  const auto migrations = EmbeddedMigrations(database.dialect());
  const auto first_after = std::find_if(migrations.begin(), migrations.end(),
                                        [](const Migration& m) { return m.version >= 14; });
  Migrate(database, std::span<const Migration>(migrations.begin(), first_after));
  Seed(database, 40,
       {"cases/2", "cases/2/history", "cases", "signals/5/assessment",
        "reports/woonoverlast?from=2024-01-01&to=2024-03-31", "reports/woonoverlast/2024",
        "tokens/alice", "cases/20/transitions"},
       /*subjects=*/false);
  Migrate(database);

  SociAuditTrail audit(database);
  CHECK(audit.Verify().intact);
  CHECK(Text(database, "SELECT subject FROM audit_log WHERE id = 2") == "cases/2");
  CHECK(Text(database, "SELECT subject FROM audit_log WHERE id = 5") == "reports/woonoverlast");
  CHECK(Text(database, "SELECT subject FROM audit_log WHERE id = 8") == "cases/20");
  domain::AuditFilter filter;
  filter.objects = {"cases/2"};
  CHECK(Ids(audit.Query(filter)) == std::vector<std::int64_t>{1, 2, 9, 10, 17, 18, 25, 26, 33, 34});
  audit.Append(Event(41, "cases/2/notes"));
  CHECK(audit.Query(filter).items.size() == 11);
  CHECK(audit.Verify().intact);
}

TEST_CASE_METHOD(Fixture, "Query answers exactly the rows domain::Matches selects",
                 "[persistence][audit][property]") {
  // The oracle is the domain's definition of a filter; the storage's SQL must agree with it
  // for any mix of objects, names, results and periods, page by page.
  std::mt19937 random(20261202);
  const std::vector<std::string> objects = {"cases",
                                            "cases/2",
                                            "cases/2/history",
                                            "cases/2/notes",
                                            "cases/20",
                                            "cases/20/transitions",
                                            "signals/5",
                                            "signals/5/assessment",
                                            "audit",
                                            "reports/woonoverlast?from=a&to=b",
                                            "reports/woonoverlast/2024"};
  const std::vector<std::string> tokens = {"alice", "bob", "Jan de Vries", "-"};
  const std::vector<std::string> actions = {"read_case", "write_case", "read_audit"};
  const std::vector<std::string> results = {"ok", "denied", "not_found", "invalid"};
  const auto pick = [&random](const std::vector<std::string>& from) {
    return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
  };
  std::vector<AuditEvent> events;
  for (int n = 0; n < 300; ++n) {
    AuditEvent event = Event(n * 7, pick(objects));
    event.token = pick(tokens);
    event.action = pick(actions);
    event.result = pick(results);
    audit.Append(event);
    events.push_back(event);
  }
  const auto maybe = [&](const std::vector<std::string>& from) -> std::optional<std::string> {
    if (random() % 3 != 0) return std::nullopt;
    return pick(from);
  };
  for (int round = 0; round < 60; ++round) {
    domain::AuditFilter filter;
    for (int n = static_cast<int>(random() % 3); n > 0; --n)
      filter.objects.push_back(pick(objects));
    filter.token = maybe(tokens);
    filter.action = maybe(actions);
    filter.result = maybe(results);
    if (random() % 3 == 0) filter.from = Event(static_cast<int>(random() % 2100)).at;
    if (random() % 3 == 0) filter.to = Event(static_cast<int>(random() % 2100)).at.substr(0, 10);
    filter.limit = 1 + static_cast<int>(random() % 40);

    std::vector<std::int64_t> expected;
    for (std::size_t i = 0; i < events.size(); ++i) {
      if (domain::Matches(filter, events[i])) expected.push_back(static_cast<std::int64_t>(i) + 1);
    }
    std::vector<std::int64_t> found;
    for (int pages = 0; pages < 400; ++pages) {
      const auto page = audit.Query(filter);
      const auto ids = Ids(page);
      found.insert(found.end(), ids.begin(), ids.end());
      if (!page.next) break;
      filter.after = page.next;
    }
    CHECK(found == expected);
  }
}

TEST_CASE_METHOD(Fixture, "Query filters by object, period and keyset cursor",
                 "[persistence][audit]") {
  audit.Append(EventAt("2025-03-01T23:59:59Z", "cases/1"));   // 1
  audit.Append(EventAt("2025-03-02T00:00:00Z", "cases/2"));   // 2
  audit.Append(EventAt("2025-03-02T12:00:00Z", "cases/1"));   // 3
  audit.Append(EventAt("2025-03-02T23:59:59Z", "cases/1"));   // 4
  audit.Append(EventAt("2025-03-03T00:00:00Z", "cases/1"));   // 5
  audit.Append(EventAt("2025-03-03T08:00:00Z", "cases/10"));  // 6
  domain::AuditFilter filter;
  using IdList = std::vector<std::int64_t>;

  SECTION("no filter: every row, ascending") {
    CHECK(Ids(audit.Query(filter)) == IdList{1, 2, 3, 4, 5, 6});
  }
  SECTION("an object matches itself, not another with its prefix") {
    filter.objects = {"cases/1"};
    CHECK(Ids(audit.Query(filter)) == IdList{1, 3, 4, 5});
    filter.objects = {"cases/"};
    CHECK(audit.Query(filter).items.empty());
  }
  SECTION("bare dates take whole days") {
    filter.from = "2025-03-02";
    filter.to = "2025-03-02";
    CHECK(Ids(audit.Query(filter)) == IdList{2, 3, 4});
    filter.from = "2025-03-03";
    filter.to.reset();
    CHECK(Ids(audit.Query(filter)) == IdList{5, 6});
    filter.from.reset();
    filter.to = "2025-03-01";
    CHECK(Ids(audit.Query(filter)) == IdList{1});
  }
  SECTION("instants are inclusive bounds") {
    filter.from = "2025-03-02T12:00:00Z";
    filter.to = "2025-03-02T23:59:59Z";
    CHECK(Ids(audit.Query(filter)) == IdList{3, 4});
    filter.from = "2025-03-02T12:00:01Z";
    CHECK(Ids(audit.Query(filter)) == IdList{4});
  }
  SECTION("a period after its end is empty") {
    filter.from = "2025-03-03";
    filter.to = "2025-03-01";
    CHECK(audit.Query(filter).items.empty());
  }
  SECTION("pages follow the cursor until the last") {
    filter.limit = 2;
    auto page = audit.Query(filter);
    CHECK(Ids(page) == IdList{1, 2});
    CHECK(page.next == std::optional<std::int64_t>(2));
    filter.after = page.next;
    page = audit.Query(filter);
    CHECK(Ids(page) == IdList{3, 4});
    filter.after = page.next;
    page = audit.Query(filter);
    CHECK(Ids(page) == IdList{5, 6});
    CHECK_FALSE(page.next.has_value());
  }
  SECTION("every filter at once") {
    filter.objects = {"cases/1"};
    filter.from = "2025-03-02";
    filter.to = "2025-03-03";
    filter.limit = 1;
    filter.after = 3;
    const auto page = audit.Query(filter);
    CHECK(Ids(page) == IdList{4});
    CHECK(page.next == std::optional<std::int64_t>(4));
    CHECK(page.items[0].event.object == "cases/1");
    CHECK(page.items[0].event.at == "2025-03-02T23:59:59Z");
  }
  SECTION("a limit below one is refused") {
    filter.limit = 0;
    CHECK_THROWS_AS(audit.Query(filter), std::invalid_argument);
  }
}

TEST_CASE_METHOD(Fixture, "Verify reads one snapshot while appends go on",
                 "[persistence][audit][concurrency]") {
  Seed(db.database, 3 * SociAuditTrail::kVerifyBatch);
  std::atomic<bool> done{false};
  std::thread appender([&] {
    for (int n = 0; n < 20 && !done; ++n) audit.Append(Event(n));
  });
  for (int i = 0; i < 5; ++i) CHECK(audit.Verify().intact);
  done = true;
  appender.join();
  CHECK(audit.Verify().intact);
}

TEST_CASE("Concurrent appends from several threads and processes form one intact chain",
          "[persistence][audit][concurrency]") {
  testing::TempDatabase db(4);
  SociAuditTrail shared(db.database);
  constexpr int kThreads = 8;
  constexpr int kAppends = 15;
  std::latch start(kThreads);
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Half the threads share one pool, the others open the file as another server would.
      std::unique_ptr<Database> own;
      if (t % 2 == 1) own = std::make_unique<Database>(db.location(), 1);
      SociAuditTrail audit(own ? *own : db.database);
      start.arrive_and_wait();
      for (int n = 0; n < kAppends; ++n) {
        try {
          audit.Append(Event(n, "cases/" + std::to_string(t)));
        } catch (...) {
          ++errors;
        }
      }
    });
  }
  for (auto& thread : threads) thread.join();

  CHECK(errors == 0);
  const auto verification = shared.Verify();
  CHECK(verification.intact);
  CHECK(verification.problem.empty());
  CHECK(verification.rows_checked == kThreads * kAppends);
  for (int t = 0; t < kThreads; ++t) {
    domain::AuditFilter filter;
    filter.objects = {"cases/" + std::to_string(t)};
    filter.limit = 100;
    CHECK(shared.Query(filter).items.size() == kAppends);
  }
}

}  // namespace
}  // namespace casus::persistence
