#pragma once

#include <atomic>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <sstream>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"
#include "persistence/migrator.hpp"
#include "tests/persistence/temp_database.hpp"
#include "tests/persistence/temp_postgres.hpp"

namespace casus::e2e {

// A file of the test's own in the temp directory, with `name` at the end of its unique name
// ("...-export.csv"), holding `text` when given. Removed at the end together with what a
// command writes beside it under the same name (FILE.errors.csv, FILE.partial, FILE.new).
class TempFile {
 public:
  explicit TempFile(const std::string& name, const std::optional<std::string>& text = std::nullopt)
      : path_((std::filesystem::temp_directory_path() /
               ("casus-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(++count_) + "-" +
                std::to_string(std::random_device()()) + "-" + name))
                  .string()) {
    if (text) Write(*text);
  }
  ~TempFile() {
    std::error_code ignored;
    const std::filesystem::path path(path_);
    const std::string companion = path.filename().string() + ".";
    for (const auto& entry : std::filesystem::directory_iterator(path.parent_path(), ignored)) {
      if (entry.path().filename().string().rfind(companion, 0) == 0) {
        std::filesystem::remove(entry.path(), ignored);
      }
    }
    std::filesystem::remove(path, ignored);
  }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }
  void Write(const std::string& text) const {
    std::ofstream(path_, std::ios::binary | std::ios::trunc) << text;
  }
  static std::string Read(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
  }

 private:
  static inline std::atomic<int> count_{0};
  std::string path_;
};

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
