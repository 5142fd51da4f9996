#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <random>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"
#include "persistence/migrator.hpp"
#include "tests/persistence/temp_database.hpp"
#include "tests/persistence/temp_postgres.hpp"

namespace casus::e2e {

// What a test's `--db` is: a unique SQLite file path in the temp directory, or, when the tests
// run on PostgreSQL (CASUS_TEST_BACKEND=postgresql), a fresh empty database on the test
// server, as a URI without spaces that passes through a shell command line. On destruction
// removes the file and its -wal, -shm and -journal companions, or drops the database (close
// every connection to it first).
class TempDatabaseLocation {
 public:
  // kMigrated: `casus migrate` has run on it (only migrate creates a database); kNothing: no
  // file at the path, or an empty PostgreSQL database.
  enum class Content { kMigrated, kNothing };

  explicit TempDatabaseLocation(Content content = Content::kMigrated) {
    if (persistence::testing::TestsOnPostgres()) {
      postgres_ = persistence::testing::FreshPostgresDatabase();
      location_ = postgres_->connect();
    } else {
      static std::atomic<int> counter{0};
      std::random_device random;
      location_ = (std::filesystem::temp_directory_path() /
                   ("casus-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) +
                    "-" + std::to_string(random()) + ".db"))
                      .string();
    }
    if (content == Content::kMigrated) {
      persistence::Database database(location_, 1);
      persistence::Migrate(database);
    }
  }
  ~TempDatabaseLocation() {
    if (postgres_) return;  // its destructor drops the database
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::filesystem::remove(location_ + suffix, ignored);
    }
  }
  TempDatabaseLocation(const TempDatabaseLocation&) = delete;
  TempDatabaseLocation& operator=(const TempDatabaseLocation&) = delete;

  // The file path, or the database's URI: what `--db` and persistence::Database take.
  const std::string& path() const { return location_; }

 private:
  std::unique_ptr<persistence::testing::TempPostgresDatabase> postgres_;
  std::string location_;
};

}  // namespace casus::e2e
