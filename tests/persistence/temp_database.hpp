#pragma once

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

#include "persistence/database.hpp"
#include "persistence/migrator.hpp"

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

// A migrated database on a fresh temp file. Members are destroyed in reverse order: the
// Database closes before its files are removed.
struct TempDatabase {
  explicit TempDatabase(std::size_t pool_size = 4) : database(file.path(), pool_size) {
    Migrate(database);
  }

  TempDatabasePath file;
  Database database;
};

}  // namespace casus::persistence::testing
