#pragma once

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"
#include "persistence/migrator.hpp"
#include "tests/persistence/temp_postgres.hpp"

namespace casus::persistence::testing {

// A unique path for a SQLite file in the system's temp directory, its name starting with `stem`. On
// destruction removes the file and its -wal, -shm and -journal companions; destroy every Database
// on it first.
class TempDatabasePath {
 public:
  explicit TempDatabasePath(const std::string& stem = "casus-test") {
    static std::atomic<int> counter{0};
    std::random_device random;
    const std::string name = stem + "-" + std::to_string(::getpid()) + "-" +
                             std::to_string(counter++) + "-" + std::to_string(random()) + ".db";
    path_ = (std::filesystem::temp_directory_path() / name).string();
  }
  ~TempDatabasePath() {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(path_ + suffix, ignored);
    }
  }
  TempDatabasePath(const TempDatabasePath&) = delete;
  TempDatabasePath& operator=(const TempDatabasePath&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Whether the tests' databases are PostgreSQL ones: CASUS_TEST_BACKEND=postgresql (.ci/run
// runs the persistence and end-to-end suites once so, beside .ci/with-postgres's server).
inline bool TestsOnPostgres() {
  const char* backend = std::getenv("CASUS_TEST_BACKEND");
  return backend != nullptr && std::string(backend) == "postgresql";
}

// The connection string of a fresh database on the test server; fails the test without one.
inline std::unique_ptr<TempPostgresDatabase> FreshPostgresDatabase() {
  const auto server = PostgresServer();
  if (!server) FAIL("CASUS_TEST_BACKEND=postgresql needs CASUS_TEST_POSTGRES");
  return std::make_unique<TempPostgresDatabase>(*server);
}

// A migrated database of its own: a fresh temp file, or with TestsOnPostgres() a fresh
// database on the test server (`file` then unused). Members are destroyed in reverse order:
// the Database closes before its file or database is removed.
struct TempDatabase {
  explicit TempDatabase(std::size_t pool_size = 4)
      : postgres(TestsOnPostgres() ? FreshPostgresDatabase() : nullptr),
        database(postgres ? postgres->connect() : file.path(), pool_size) {
    Migrate(database);
  }

  // What another Database (another process, as it were) opens to reach the same data.
  std::string location() const { return postgres ? postgres->connect() : file.path(); }

  TempDatabasePath file;
  std::unique_ptr<TempPostgresDatabase> postgres;
  Database database;
};

}  // namespace casus::persistence::testing
