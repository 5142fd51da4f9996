#include "persistence/statement_cache.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "persistence/database.hpp"
#include "temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabasePath;

void CreateItems(Database& database) {
  SessionLease sql(database);
  ExecuteScript(*sql,
                "CREATE TABLE items (id INTEGER PRIMARY KEY, colour TEXT NOT NULL UNIQUE);"
                "INSERT INTO items (colour) VALUES ('rood'), ('groen'), ('blauw');");
}

std::int64_t CountItems(soci::session& sql) {
  std::int64_t count = 0;
  Execute(sql, "SELECT COUNT(*) FROM items", soci::into(count));
  return count;
}

TEST_CASE("a query run again on a session is not compiled again", "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 1);
  CreateItems(database);
  SessionLease sql(database);
  StatementCache* cache = StatementCache::Of(*sql);
  REQUIRE(cache != nullptr);

  const std::uint64_t before = cache->Compiled();
  for (int round = 0; round < 20; ++round) {
    std::string colour = "kleur" + std::to_string(round);
    Execute(*sql, "INSERT INTO items (colour) VALUES (:colour)", soci::use(colour, "colour"));
    REQUIRE(CountItems(*sql) == 4 + round);
  }
  CHECK(cache->Compiled() - before == 2);  // the INSERT and the COUNT, once each
}

TEST_CASE("values bound in one run do not leak into the next", "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 1);
  CreateItems(database);
  SessionLease sql(database);
  for (const std::string wanted : {"rood", "blauw", "paars"}) {
    std::int64_t id = -1;
    soci::indicator indicator = soci::i_null;
    const bool found = Execute(*sql, "SELECT id FROM items WHERE colour = :colour",
                               soci::use(wanted, "colour"), soci::into(id, indicator));
    CHECK(found == (wanted != "paars"));
    if (wanted == "rood") CHECK(id == 1);
    if (wanted == "blauw") CHECK(id == 3);
  }
}

TEST_CASE("a read stopped after its first row keeps no snapshot of the data", "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 2);
  CreateItems(database);
  SessionLease reader(database);
  std::string first;
  // Three rows match; Execute fetches only the first and leaves the statement mid-way.
  Execute(*reader, "SELECT colour FROM items ORDER BY id", soci::into(first));
  REQUIRE(first == "rood");
  {
    SessionLease writer(database);
    Execute(*writer, "INSERT INTO items (colour) VALUES ('geel')");
  }
  // Had the cached SELECT kept its read transaction, the reader would still see three rows.
  CHECK(CountItems(*reader) == 4);
  CHECK_FALSE(InTransaction(*reader));
}

TEST_CASE("a statement that failed is compiled afresh and the session goes on",
          "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 1);
  CreateItems(database);
  SessionLease sql(database);
  StatementCache* cache = StatementCache::Of(*sql);
  std::string colour = "rood";  // already there: UNIQUE fails
  const std::string insert = "INSERT INTO items (colour) VALUES (:colour)";
  CHECK_THROWS_AS(Execute(*sql, insert, soci::use(colour, "colour")), soci::soci_error);
  const std::uint64_t before = cache->Compiled();
  colour = "oranje";
  Execute(*sql, insert, soci::use(colour, "colour"));
  CHECK(cache->Compiled() - before == 1);
  CHECK(CountItems(*sql) == 4);
}

TEST_CASE("the same query may run inside its own fetch loop", "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 1);
  CreateItems(database);
  SessionLease sql(database);
  const std::string query = "SELECT id FROM items WHERE id >= :from ORDER BY id";
  std::int64_t from = 1;
  std::int64_t id = 0;
  CachedStatement outer(*sql, query);
  outer->exchange(soci::use(from, "from"));
  outer->exchange(soci::into(id));
  outer.Execute(false);
  std::vector<std::int64_t> seen;
  while (outer->fetch()) {
    std::int64_t inner_from = id;
    std::int64_t inner_id = 0;
    Execute(*sql, query, soci::use(inner_from, "from"), soci::into(inner_id));
    seen.push_back(inner_id);
  }
  CHECK(seen == std::vector<std::int64_t>{1, 2, 3});
}

TEST_CASE("a cache holds at most its capacity of statements not in use", "[statement_cache]") {
  TempDatabasePath path;
  Database database(path.path(), 1);
  CreateItems(database);
  SessionLease sql(database);
  StatementCache* cache = StatementCache::Of(*sql);
  for (std::size_t i = 0; i < StatementCache::kCapacity + 40; ++i) {
    std::int64_t value = 0;
    Execute(*sql, "SELECT " + std::to_string(i), soci::into(value));
    REQUIRE(value == static_cast<std::int64_t>(i));
  }
  CHECK(cache->Size() == StatementCache::kCapacity);
}

TEST_CASE("a session opened by hand runs statements without a cache", "[statement_cache]") {
  soci::session sql(soci::sqlite3, "db=:memory:");
  CHECK(StatementCache::Of(sql) == nullptr);
  std::int64_t value = 0;
  CHECK(Execute(sql, "SELECT 42", soci::into(value)));
  CHECK(value == 42);
}

}  // namespace
}  // namespace casus::persistence
