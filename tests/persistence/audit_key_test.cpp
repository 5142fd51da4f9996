#include "persistence/audit_key.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>

#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

// A path in the temp directory, removed at the end; no file there at first.
struct TempKeyPath {
  testing::TempDatabasePath file{"casus-audit-key"};
  const std::string& path() const { return file.path(); }
};

void WriteFile(const std::string& path, const std::string& text, mode_t mode) {
  std::ofstream(path) << text;
  REQUIRE(::chmod(path.c_str(), mode) == 0);
}

constexpr const char* kHex = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

TEST_CASE("An audit key file is created owner-only and read back as the same key",
          "[persistence][audit_key]") {
  TempKeyPath file;
  const AuditKey created = AuditKey::CreateFile(file.path());
  struct stat status {};
  REQUIRE(::stat(file.path().c_str(), &status) == 0);
  CHECK((status.st_mode & 0777) == 0600);
  CHECK(std::filesystem::file_size(file.path()) == 65);

  const AuditKey read = AuditKey::ReadFile(file.path());
  CHECK(read.Id() == created.Id());
  CHECK(read.MacHex("x") == created.MacHex("x"));
  CHECK(created.Id().size() == 32);
  CHECK(created.Id() != AuditKey::Generate().Id());
}

TEST_CASE("An existing file is never overwritten by a new key", "[persistence][audit_key]") {
  TempKeyPath file;
  WriteFile(file.path(), std::string(kHex) + "\n", 0600);
  CHECK_THROWS_WITH(AuditKey::CreateFile(file.path()), Catch::Contains("refusing to overwrite"));
  CHECK(AuditKey::ReadFile(file.path()).Id() == AuditKey::FromHex(kHex).Id());
}

TEST_CASE("A key file others may read or that holds no key is refused",
          "[persistence][audit_key]") {
  TempKeyPath file;
  SECTION("group-readable") {
    WriteFile(file.path(), std::string(kHex) + "\n", 0640);
    CHECK_THROWS_WITH(AuditKey::ReadFile(file.path()), Catch::Contains("chmod 600"));
  }
  SECTION("writable by others") {
    WriteFile(file.path(), std::string(kHex) + "\n", 0602);
    CHECK_THROWS_AS(AuditKey::ReadFile(file.path()), AuditKeyError);
  }
  SECTION("too short") {
    WriteFile(file.path(), std::string(kHex).substr(2) + "\n", 0600);
    CHECK_THROWS_WITH(AuditKey::ReadFile(file.path()),
                      Catch::Contains("does not hold an audit key"));
  }
  SECTION("too long") {
    WriteFile(file.path(), std::string(kHex) + "00\n", 0600);
    CHECK_THROWS_AS(AuditKey::ReadFile(file.path()), AuditKeyError);
  }
  SECTION("not hex") {
    std::string text(kHex);
    text[10] = 'g';
    WriteFile(file.path(), text + "\n", 0600);
    CHECK_THROWS_AS(AuditKey::ReadFile(file.path()), AuditKeyError);
  }
  SECTION("a second line") {
    WriteFile(file.path(), std::string(kHex) + "\n\n", 0600);
    CHECK_THROWS_AS(AuditKey::ReadFile(file.path()), AuditKeyError);
  }
  SECTION("missing") {
    CHECK_THROWS_WITH(AuditKey::ReadFile(file.path()), Catch::Contains("cannot open"));
  }
  SECTION("without the final newline it is still the key") {
    WriteFile(file.path(), kHex, 0400);
    CHECK(AuditKey::ReadFile(file.path()).Id() == AuditKey::FromHex(kHex).Id());
  }
}

}  // namespace
}  // namespace casus::persistence
