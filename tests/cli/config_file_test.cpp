// ConfigFile: `key = value` lines, and what it refuses, naming the file and the line.

#include "config_file.hpp"

#include <array>
#include <string_view>

#include <catch2/catch.hpp>

#include "command_line.hpp"

namespace casus::cli {
namespace {

constexpr std::array<std::string_view, 3> kKeys{"listen", "db", "oidc-issuer"};

TEST_CASE("A config file's keys, values and lines are read, comments and blanks are skipped",
          "[cli][config_file]") {
  const auto file = ConfigFile::Parse(
      "# Casus\n\n  listen = 0.0.0.0:8080  \r\ndb=/var/lib/casus/casus.db\n"
      "\t# indented comment\noidc-issuer = https://id.example.nl/realms/x#frag\n",
      "casus.conf", kKeys);
  REQUIRE(file.Find("listen") != nullptr);
  CHECK(file.Find("listen")->value == "0.0.0.0:8080");
  CHECK(file.Find("listen")->line == 3);
  CHECK(file.Find("db")->value == "/var/lib/casus/casus.db");
  CHECK(file.Find("db")->line == 4);
  // The value runs to the end of the line: a '#' in it is no comment.
  CHECK(file.Find("oidc-issuer")->value == "https://id.example.nl/realms/x#frag");
  CHECK(file.path() == "casus.conf");
}

TEST_CASE("A key the file does not set is not found", "[cli][config_file]") {
  const auto file = ConfigFile::Parse("listen = 1.2.3.4:80", "c.conf", kKeys);
  CHECK(file.Find("db") == nullptr);
  CHECK(ConfigFile::Parse("", "empty.conf", kKeys).Find("listen") == nullptr);
}

TEST_CASE("An unknown key is refused with the file and line", "[cli][config_file]") {
  CHECK_THROWS_WITH(ConfigFile::Parse("listen = a:1\n\nthreds = 4\n", "/etc/casus.conf", kKeys),
                    "/etc/casus.conf:3: unknown key 'threds'");
}

TEST_CASE("A key set twice is refused with both lines", "[cli][config_file]") {
  CHECK_THROWS_WITH(ConfigFile::Parse("db = a\n# x\ndb = b\n", "c.conf", kKeys),
                    "c.conf:3: db is set again (first on line 1)");
}

TEST_CASE("Malformed lines are refused with the file and line", "[cli][config_file]") {
  CHECK_THROWS_WITH(ConfigFile::Parse("listen 0.0.0.0:8080\n", "c.conf", kKeys),
                    "c.conf:1: expected `key = value`");
  CHECK_THROWS_WITH(ConfigFile::Parse("\n = 4\n", "c.conf", kKeys),
                    "c.conf:2: expected `key = value`, the key is missing");
  CHECK_THROWS_WITH(ConfigFile::Parse("db =   \n", "c.conf", kKeys),
                    "c.conf:1: db has no value (leave the line out for the default)");
  CHECK_THROWS_AS(ConfigFile::Parse("--db = x\n", "c.conf", kKeys), UsageError);
}

TEST_CASE("A config file that cannot be read is refused by name", "[cli][config_file]") {
  CHECK_THROWS_WITH(ConfigFile::Read("/nonexistent/casus.conf", kKeys),
                    "cannot read the config file /nonexistent/casus.conf");
}

}  // namespace
}  // namespace casus::cli
