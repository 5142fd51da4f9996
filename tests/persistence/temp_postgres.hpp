#pragma once

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"

namespace casus::persistence::testing {

// The PostgreSQL server the tests may use: CASUS_TEST_POSTGRES, a libpq URI for a superuser
// and its database postgres, postgresql://casus@:5432/postgres?host=DIR (.ci/with-postgres starts
// one and sets it). nullopt when unset; then
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
// connections forced out). `connect` is its URI (no spaces: it passes through a shell command
// line as a --db); Database opens it.
class TempPostgresDatabase {
 public:
  explicit TempPostgresDatabase(const std::string& server) : server_(server) {
    static std::atomic<int> counter{0};
    name_ = "casus_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    const std::size_t path = server_.find('/', server_.find("://") + 3);
    const std::size_t query = server_.find('?');
    if (path == std::string::npos || query == std::string::npos || query < path) {
      throw std::runtime_error("CASUS_TEST_POSTGRES is not postgresql://user@:port/db?host=...");
    }
    connect_ = server_.substr(0, path + 1) + name_ + server_.substr(query);
    soci::session admin(soci::postgresql, server_);
    admin << "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)";
    admin << "CREATE DATABASE " + name_;
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
