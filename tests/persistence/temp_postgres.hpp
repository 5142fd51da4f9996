#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"

namespace casus::persistence::testing {

// The PostgreSQL server the tests may use: CASUS_TEST_POSTGRES, a libpq key=value connection
// string for a superuser (.ci/with-postgres starts one and sets it). nullopt when unset; then
// a test on PostgreSQL says so and passes, unless CASUS_REQUIRE_POSTGRES is set (as .ci/run
// sets it), which turns the missing server into a failure.
inline std::optional<std::string> PostgresServer() {
  if (const char* server = std::getenv("CASUS_TEST_POSTGRES"); server != nullptr && *server) {
    return std::string(server);
  }
  if (std::getenv("CASUS_REQUIRE_POSTGRES") != nullptr) {
    FAIL("CASUS_REQUIRE_POSTGRES is set but CASUS_TEST_POSTGRES names no server");
  }
  WARN("no PostgreSQL server (CASUS_TEST_POSTGRES unset): skipped; see .ci/with-postgres");
  return std::nullopt;
}

// A database of its own on the test server, created empty and dropped at the end (its
// connections forced out). `connect` is its connection string; Database opens it.
class TempPostgresDatabase {
 public:
  explicit TempPostgresDatabase(const std::string& server) : server_(server) {
    static std::atomic<int> counter{0};
    name_ = "casus_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    soci::session admin(soci::postgresql, server_);
    admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    admin << "CREATE DATABASE " + name_;
    connect_ = server_ + " dbname=" + name_;  // libpq takes the last of a repeated keyword
  }
  ~TempPostgresDatabase() {
    try {
      soci::session admin(soci::postgresql, server_);
      admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    } catch (...) {
      // The server is gone already; .ci/with-postgres removes it whole.
    }
  }
  TempPostgresDatabase(const TempPostgresDatabase&) = delete;
  TempPostgresDatabase& operator=(const TempPostgresDatabase&) = delete;

  const std::string& connect() const { return connect_; }

 private:
  std::string server_;
  std::string name_;
  std::string connect_;
};

}  // namespace casus::persistence::testing
