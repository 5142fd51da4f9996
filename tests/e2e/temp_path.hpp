#pragma once

#include <atomic>
#include <filesystem>
#include <random>
#include <string>

#include <unistd.h>

namespace casus::e2e {

// A unique SQLite file path in the temp directory; on destruction removes the file and its
// -wal, -shm and -journal companions (close every connection to it first).
class TempDatabasePath {
 public:
  TempDatabasePath() {
    static std::atomic<int> counter{0};
    std::random_device random;
    path_ = (std::filesystem::temp_directory_path() /
             ("casus-e2e-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + "-" +
              std::to_string(random()) + ".db"))
                .string();
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

}  // namespace casus::e2e
