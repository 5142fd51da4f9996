#include "persistence/database_location.hpp"

#include <catch2/catch.hpp>

namespace casus::persistence {
namespace {

TEST_CASE("A PostgreSQL URI or libpq key=value string names a server, anything else a file",
          "[persistence][database]") {
  for (const char* server :
       {"postgresql://casus@db.example:5432/casus", "postgres://localhost/casus",
        "host=/run/postgresql dbname=casus", "dbname=casus", " user = casus dbname=casus"}) {
    INFO(server);
    const auto location = DatabaseLocation::Parse(server);
    CHECK(location.dialect == Dialect::kPostgresql);
    CHECK(location.target == server);
  }
  for (const char* file : {"casus.db", "/var/lib/casus/casus.db", ":memory:", "./a=b.db",
                           "data/db=1.sqlite", "postgresql.db"}) {
    INFO(file);
    const auto location = DatabaseLocation::Parse(file);
    CHECK(location.dialect == Dialect::kSqlite);
    CHECK(location.target == file);
  }
}

TEST_CASE("A described PostgreSQL location hides its password", "[persistence][database]") {
  CHECK(DatabaseLocation::Parse("host=db password=geheim dbname=casus").Describe() ==
        "host=db password=*** dbname=casus");
  CHECK(DatabaseLocation::Parse("postgresql://casus:geheim@db:5432/casus").Describe() ==
        "postgresql://casus:***@db:5432/casus");
  CHECK(DatabaseLocation::Parse("postgresql://casus@db/casus").Describe() ==
        "postgresql://casus@db/casus");
  CHECK(DatabaseLocation::Parse("/srv/casus.db").Describe() == "/srv/casus.db");
}

}  // namespace
}  // namespace casus::persistence
