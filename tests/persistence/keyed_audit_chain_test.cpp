// The keyed audit chain (issue #11): rows MACed under a key kept outside the database, so
// that whoever can write the database but lacks the key cannot rewrite the chain unnoticed;
// the migration of an unkeyed chain (Rekey); and heads anchored outside the system.
#include "persistence/soci_audit_trail.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "persistence/audit_chain.hpp"
#include "persistence/audit_key.hpp"
#include "persistence/migration.hpp"
#include "persistence/migrator.hpp"
#include "tests/persistence/audit_tampering.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::AuditEvent;
using testing::Exec;
using testing::Number;
using testing::Text;

const AuditKey kKey =
    AuditKey::FromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
const AuditKey kOtherKey =
    AuditKey::FromHex("f0e0d0c0b0a090807060504030201000f0e0d0c0b0a090807060504030201000");

AuditEvent Event(int n) {
  char at[32];
  std::snprintf(at, sizeof at, "2025-04-01T%02d:%02d:00Z", n / 60 % 24, n % 60);
  return {at, "alice", "beheerder", "manage_tokens", "tokens/t" + std::to_string(n), "ok", "cli"};
}

// A database whose chain of `rows` rows (row 3 counting 40 refusals) was written unkeyed and
// then keyed with kKey; `audit` appends and verifies with the key.
struct KeyedChain {
  explicit KeyedChain(int rows = 10) {
    SociAuditTrail unkeyed(db.database);
    for (int n = 1; n <= rows; ++n) {
      AuditEvent event = Event(n);
      if (n == 3) event = {event.at, "-", "-", "read_case", "cases", "unauthenticated", "x", 40};
      unkeyed.Append(event);
    }
    audit.Rekey();
  }

  void ExpectBad(const std::optional<std::int64_t>& row, const std::string& problem) {
    const auto verification = audit.Verify();
    CHECK_FALSE(verification.intact);
    CHECK(verification.first_bad_row == row);
    CHECK(verification.problem == problem);
  }

  testing::TempDatabase db;
  SociAuditTrail audit{db.database, kKey};
};

TEST_CASE("A keyed row's MAC is over an encoding of its own and depends on the key",
          "[persistence][audit][audit_key]") {
  const AuditEvent event{"2025-03-01T08:00:00Z", "ab", "c", "read_case", "cases/1", "ok", "cli"};
  CHECK(KeyedAuditChainEncoding(12, event, "p") ==
        "casus-audit-hmac-v1\n2:12\n20:2025-03-01T08:00:00Z\n2:ab\n1:c\n9:read_case\n"
        "7:cases/1\n2:ok\n3:cli\n1:p\n1:1\n");
  const std::string keyed = AuditChainHash(12, event, "p", &kKey);
  CHECK(keyed == kKey.MacHex(KeyedAuditChainEncoding(12, event, "p")));
  CHECK(keyed.size() == 64);
  CHECK(keyed != AuditChainHash(12, event, "p"));
  CHECK(keyed != AuditChainHash(12, event, "p", &kOtherKey));
  // Not even the bytes hashed coincide: a MAC could never be passed off as an unkeyed hash.
  CHECK(KeyedAuditChainEncoding(12, event, "p") != AuditChainEncoding(12, event, "p"));
  AuditEvent counted = event;
  counted.count = 7;
  CHECK(AuditChainHash(12, counted, "p", &kKey) != keyed);
}

TEST_CASE("Rekey keys a verifying chain: same rows and content and a new head",
          "[persistence][audit][audit_key]") {
  testing::TempDatabase db;
  SociAuditTrail unkeyed(db.database);
  for (int n = 1; n <= 5; ++n) unkeyed.Append(Event(n));
  const auto rows_before = unkeyed.Query({}).items;
  const AuditHead head_before = unkeyed.Head();
  CHECK_FALSE(head_before.key_id.has_value());

  SociAuditTrail keyed(db.database, kKey);
  const auto rekeying = keyed.Rekey();
  CHECK(rekeying.before.ToString() == head_before.ToString());
  CHECK(rekeying.after.id == 5);
  CHECK(rekeying.after.key_id == std::optional<std::string>(kKey.Id()));
  CHECK(rekeying.after.hash != head_before.hash);
  CHECK(keyed.Head().ToString() == rekeying.after.ToString());

  const auto rows_after = keyed.Query({}).items;
  REQUIRE(rows_after.size() == rows_before.size());
  std::string prev_hash(kAuditGenesisHash);
  for (std::size_t i = 0; i < rows_after.size(); ++i) {
    const auto& row = rows_after[i];
    CHECK(row.id == rows_before[i].id);
    CHECK(row.event.at == rows_before[i].event.at);
    CHECK(row.event.object == rows_before[i].event.object);
    CHECK(row.hash == AuditChainHash(row.id, row.event, prev_hash, &kKey));
    prev_hash = row.hash;
  }
  const auto verification = keyed.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 5);

  // The chain goes on under the key, and the append-only triggers are back.
  keyed.Append(Event(6));
  CHECK(keyed.Verify().rows_checked == 6);
  CHECK_THROWS_WITH(Exec(db.database, "UPDATE audit_log SET result = 'x' WHERE id = 2"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_WITH(Exec(db.database, "DELETE FROM audit_log WHERE id = 6"),
                    Catch::Contains("append-only"));
  CHECK_THROWS_AS(Exec(db.database, "UPDATE audit_head SET last_id = 1"), soci::soci_error);
  // Keyed once: Rekey does not run twice, with this key or another.
  CHECK_THROWS_AS(keyed.Rekey(), AuditKeyError);
  CHECK_THROWS_AS(SociAuditTrail(db.database, kOtherKey).Rekey(), AuditKeyError);
  CHECK(keyed.Verify().intact);
}

TEST_CASE("Rekey keys an empty chain", "[persistence][audit][audit_key]") {
  testing::TempDatabase db;
  SociAuditTrail keyed(db.database, kKey);
  const auto rekeying = keyed.Rekey();
  CHECK(rekeying.after.ToString() == "0:" + std::string(kAuditGenesisHash));
  CHECK(keyed.Head().key_id == std::optional<std::string>(kKey.Id()));
  keyed.Append(Event(1));
  CHECK(keyed.Verify().intact);
}

TEST_CASE("Rekey refuses a broken chain and leaves it as it was",
          "[persistence][audit][audit_key]") {
  testing::TempDatabase db;
  SociAuditTrail unkeyed(db.database);
  for (int n = 1; n <= 4; ++n) unkeyed.Append(Event(n));
  testing::DropAllAuditTriggers(db.database);
  Exec(db.database, "UPDATE audit_log SET token = 'mallory' WHERE id = 2");
  const std::string hash = Text(db.database, "SELECT hash FROM audit_log WHERE id = 3");

  SociAuditTrail keyed(db.database, kKey);
  CHECK_THROWS_WITH(keyed.Rekey(), Catch::Contains("row 2: content changed"));
  CHECK(Number(db.database, "SELECT COUNT(*) FROM audit_head WHERE key_id IS NULL") == 1);
  CHECK(Text(db.database, "SELECT hash FROM audit_log WHERE id = 3") == hash);
  CHECK(unkeyed.Verify().first_bad_row == std::optional<std::int64_t>(2));
}

TEST_CASE("A trail refuses a chain its key does not fit before writing anything",
          "[persistence][audit][audit_key]") {
  testing::TempDatabase db;
  SociAuditTrail unkeyed(db.database);
  unkeyed.Append(Event(1));
  SociAuditTrail keyed(db.database, kKey);

  SECTION("a key for an unkeyed chain") {
    CHECK_THROWS_WITH(keyed.RequireAppendable(), Catch::Contains("casus audit rekey"));
    CHECK_THROWS_AS(keyed.Append(Event(2)), AuditKeyError);
    const auto verification = keyed.Verify();
    CHECK_FALSE(verification.intact);
    CHECK(verification.problem.find("not keyed") != std::string::npos);
    CHECK(unkeyed.Verify().intact);
  }
  SECTION("no key, or another key, for a keyed chain") {
    keyed.Rekey();
    SociAuditTrail other(db.database, kOtherKey);
    CHECK_THROWS_WITH(unkeyed.RequireAppendable(), Catch::Contains("no audit key was given"));
    CHECK_THROWS_WITH(other.RequireAppendable(), Catch::Contains("keyed with another key"));
    CHECK_THROWS_AS(unkeyed.Append(Event(2)), AuditKeyError);
    CHECK_THROWS_AS(other.Append(Event(2)), AuditKeyError);
    CHECK(unkeyed.Verify().problem.find("no audit key was given") != std::string::npos);
    CHECK(other.Verify().problem.find("keyed with another key") != std::string::npos);
    CHECK_FALSE(unkeyed.Verify().intact);
    CHECK_FALSE(other.Verify().intact);
    CHECK_NOTHROW(keyed.RequireAppendable());
  }
  CHECK(Number(db.database, "SELECT COUNT(*) FROM audit_log") == 1);
  CHECK(Number(db.database, "SELECT last_id FROM audit_head") == 1);
}

TEST_CASE_METHOD(KeyedChain, "A keyed chain verifies and names every row changed behind its back",
                 "[persistence][audit][audit_key]") {
  REQUIRE(audit.Verify().intact);
  REQUIRE(audit.Verify().rows_checked == 10);
  testing::DropAllAuditTriggers(db.database);
  SECTION("a row's content") {
    Exec(db.database, "UPDATE audit_log SET object = 'tokens/mallory' WHERE id = 4");
    ExpectBad(4, "row 4: content changed");
  }
  SECTION("a row's count") {
    Exec(db.database, "UPDATE audit_log SET count = 1 WHERE id = 3");
    ExpectBad(3, "row 3: content changed");
  }
  SECTION("a row deleted") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 6");
    ExpectBad(7, "row 7: row 6 is missing");
  }
  SECTION("a row deleted and the later ones renumbered") {
    Exec(db.database, "DELETE FROM audit_log WHERE id = 6");
    Exec(db.database, "UPDATE audit_log SET id = id - 1 WHERE id > 6");
    ExpectBad(6, "row 6: previous row changed, missing or reordered");
  }
  SECTION("a row inserted, hashed as best one can without the key") {
    // Two steps: a unique key is checked row by row.
    Exec(db.database, "UPDATE audit_log SET id = id + 1000 WHERE id >= 5");
    Exec(db.database, "UPDATE audit_log SET id = id - 999 WHERE id >= 1000");
    const auto event = Event(99);
    const std::string prev = Text(db.database, "SELECT hash FROM audit_log WHERE id = 4");
    Exec(db.database,
         "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
         "prev_hash, hash) VALUES (5, '" +
             event.at + "', 'alice', 'beheerder', 'manage_tokens', 'tokens/t99', 'ok', 'cli', '" +
             prev + "', '" + AuditChainHash(5, event, prev, &kOtherKey) + "')");
    ExpectBad(5, "row 5: content changed");
  }
  SECTION("two rows swapped with their hashes") {
    Exec(db.database, "UPDATE audit_log SET id = 100 WHERE id = 5");
    Exec(db.database, "UPDATE audit_log SET id = 5 WHERE id = 6");
    Exec(db.database, "UPDATE audit_log SET id = 6 WHERE id = 100");
    ExpectBad(5, "row 5: previous row changed, missing or reordered");
  }
}

TEST_CASE_METHOD(KeyedChain, "A keyed chain rewritten without its key does not verify",
                 "[persistence][audit][audit_key]") {
  testing::DropAllAuditTriggers(db.database);
  // The subject too, as whoever forges a consistent chain would (Verify checks it).
  Exec(db.database,
       "UPDATE audit_log SET result = 'ok', object = 'tokens/mallory', subject = "
       "'tokens/mallory' WHERE id = 4");
  SECTION("recomputed with plain SHA-256 and the head made unkeyed") {
    testing::RecomputeChain(db.database, nullptr, std::nullopt);
    ExpectBad(std::nullopt,
              "the audit chain is not keyed, but an audit key was given: key it once with "
              "`casus audit rekey --db ... --key-file ...` (or give no key)");
    CHECK(SociAuditTrail(db.database).Verify().intact);  // why the key must be given to verify
  }
  SECTION("recomputed with plain SHA-256 and the key id left alone") {
    testing::RecomputeChain(db.database, nullptr, kKey.Id());
    ExpectBad(1, "row 1: content changed");
  }
  SECTION("recomputed under another key, with that key's id") {
    testing::RecomputeChain(db.database, &kOtherKey, kOtherKey.Id());
    CHECK(SociAuditTrail(db.database, kOtherKey).Verify().intact);  // a consistent forgery
    ExpectBad(std::nullopt, "the audit chain is keyed with another key (key id " + kOtherKey.Id() +
                                ", this key's id " + kKey.Id() +
                                "): give the key file it was keyed with");
  }
  SECTION("recomputed under another key, with this key's id") {
    testing::RecomputeChain(db.database, &kOtherKey, kKey.Id());
    ExpectBad(1, "row 1: content changed");
  }
  SECTION("the key id changed alone") {
    Exec(db.database, "UPDATE audit_head SET key_id = '" + kOtherKey.Id() + "'");
    CHECK_FALSE(audit.Verify().intact);
    CHECK_THROWS_AS(audit.Append(Event(11)), AuditKeyError);
  }
}

TEST_CASE_METHOD(KeyedChain, "Rows cut off with the head moved back are found against an anchor",
                 "[persistence][audit][audit_key]") {
  const AuditHead anchor = audit.Head();
  REQUIRE(anchor.ToString().rfind("10:", 0) == 0);
  const AuditHead earlier{5, Text(db.database, "SELECT hash FROM audit_log WHERE id = 5")};
  CHECK(audit.VerifyAgainst(anchor).intact);
  CHECK(audit.VerifyAgainst(earlier).intact);
  CHECK(audit.VerifyAgainst(AuditHead{0, std::string(kAuditGenesisHash)}).intact);

  testing::DropAllAuditTriggers(db.database);
  const std::string row_7 = Text(db.database, "SELECT hash FROM audit_log WHERE id = 7");
  Exec(db.database, "DELETE FROM audit_log WHERE id > 7");
  Exec(db.database, "UPDATE audit_head SET last_id = 7, last_hash = '" + row_7 + "'");

  // Without an anchor the shortened chain is a consistent chain: the reason for anchoring.
  CHECK(audit.Verify().intact);
  CHECK(audit.VerifyAgainst(earlier).intact);
  const auto verification = audit.VerifyAgainst(anchor);
  CHECK_FALSE(verification.intact);
  CHECK(verification.first_bad_row == std::optional<std::int64_t>(10));
  CHECK(verification.problem ==
        "row 10 of the anchored head is missing: the chain ends at row 7 (rows were cut off)");

  SECTION("an anchor whose row has another hash") {
    const auto wrong = audit.VerifyAgainst(AuditHead{5, row_7});
    CHECK_FALSE(wrong.intact);
    CHECK(wrong.first_bad_row == std::optional<std::int64_t>(5));
    CHECK(wrong.problem == "row 5: not the row of the anchored head 5:" + row_7);
  }
  SECTION("an anchor at row 0 that is not the genesis") {
    CHECK_FALSE(audit.VerifyAgainst(AuditHead{0, row_7}).intact);
  }
}

TEST_CASE_METHOD(KeyedChain, "Rekey with the current key moves a keyed chain to a new key",
                 "[persistence][audit][audit_key]") {
  SociAuditTrail moved(db.database, kOtherKey);
  SECTION("with the chain's current key") {
    const auto rekeying = moved.Rekey(kKey);
    CHECK(rekeying.before.key_id == std::optional<std::string>(kKey.Id()));
    CHECK(rekeying.after.key_id == std::optional<std::string>(kOtherKey.Id()));
    CHECK(rekeying.after.id == 10);
    CHECK(moved.Verify().intact);
    CHECK(moved.Verify().rows_checked == 10);
    CHECK_FALSE(audit.Verify().intact);  // the old key no longer fits
    CHECK_THROWS_AS(audit.Append(Event(11)), AuditKeyError);
    moved.Append(Event(11));
    CHECK(moved.Verify().intact);
  }
  SECTION("refused without it, with another key as the current one, or broken") {
    CHECK_THROWS_WITH(moved.Rekey(), Catch::Contains("give its current key as well"));
    CHECK_THROWS_WITH(audit.Rekey(kKey), Catch::Contains("keyed with this key already"));
    CHECK_THROWS_WITH(moved.Rekey(kOtherKey), Catch::Contains("keyed with another key"));
    CHECK_THROWS_WITH(SociAuditTrail(db.database, AuditKey::Generate()).Rekey(kOtherKey),
                      Catch::Contains("keyed with another key"));
    testing::DropAllAuditTriggers(db.database);
    Exec(db.database, "UPDATE audit_log SET object = 'tokens/mallory' WHERE id = 4");
    CHECK_THROWS_WITH(moved.Rekey(kKey), Catch::Contains("row 4: content changed"));
    CHECK(audit.Head().key_id == std::optional<std::string>(kKey.Id()));
  }
}

TEST_CASE("A chain written before schema 010 verifies unkeyed and is keyed by Rekey",
          "[persistence][audit][audit_key][migrations]") {
  // A database as the previous version left it: migrations up to 009 and a chain it wrote.
  const auto postgres = testing::TestsOnPostgres() ? testing::FreshPostgresDatabase() : nullptr;
  testing::TempDatabasePath file;
  Database database(postgres ? postgres->connect() : file.path(), 2);
  const auto migrations = EmbeddedMigrations(database.dialect());
  const auto key_migration = std::find_if(migrations.begin(), migrations.end(),
                                          [](const Migration& m) { return m.version == 10; });
  REQUIRE(key_migration != migrations.end());
  Migrate(database, {migrations.begin(), key_migration});
  {
    SessionLease sql(database);
    Transaction transaction(*sql, Transaction::Mode::kWrite);
    std::string prev_hash(kAuditGenesisHash);
    for (std::int64_t id = 1; id <= 4; ++id) {
      AuditEvent event = Event(static_cast<int>(id));
      event.count = id == 2 ? 12 : 1;
      std::string hash = AuditChainHash(id, event, prev_hash);
      *sql << "INSERT INTO audit_log (id, at, token, role, action, object, result, client, "
              "prev_hash, hash, count) VALUES (:id, :at, :token, :role, :action, :object, "
              ":result, :client, :prev_hash, :hash, :count)",
          soci::use(id), soci::use(event.at), soci::use(event.token), soci::use(event.role),
          soci::use(event.action), soci::use(event.object), soci::use(event.result),
          soci::use(event.client), soci::use(prev_hash), soci::use(hash), soci::use(event.count);
      *sql << "UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1", soci::use(id),
          soci::use(hash);
      prev_hash = hash;
    }
    transaction.Commit();
  }

  REQUIRE(Migrate(database) >= 1);
  SociAuditTrail unkeyed(database);
  CHECK_FALSE(unkeyed.Head().key_id.has_value());
  CHECK(unkeyed.Verify().intact);
  unkeyed.Append(Event(5));  // the unkeyed chain goes on as before until it is keyed
  const auto events_before = unkeyed.Query({}).items;

  SociAuditTrail keyed(database, kKey);
  const auto rekeying = keyed.Rekey();
  CHECK(rekeying.before.id == 5);
  const auto verification = keyed.Verify();
  CHECK(verification.intact);
  CHECK(verification.rows_checked == 5);
  const auto events_after = keyed.Query({}).items;
  REQUIRE(events_after.size() == 5);
  for (std::size_t i = 0; i < events_after.size(); ++i) {
    CHECK(events_after[i].event.object == events_before[i].event.object);
    CHECK(events_after[i].event.count == events_before[i].event.count);
    CHECK(events_after[i].hash != events_before[i].hash);
  }
}

}  // namespace
}  // namespace casus::persistence
