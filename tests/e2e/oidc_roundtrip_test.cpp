// Sign-in with OpenID Connect on the real casus binary: serve with the --oidc-* flags takes
// the identity provider's tokens, and after the JWKS file is swapped and SIGHUP sent, the new
// key's tokens and no longer the old one's.

#include <csignal>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "serve_process.hpp"
#include "support/oidc_test_keys.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

using casus::testing::Claims;
using casus::testing::Jwks;
using casus::testing::Mint;
using casus::testing::TestKey;

void WriteFile(const std::string& path, const std::string& text) {
  const std::string partial = path + ".new";
  std::ofstream(partial, std::ios::binary | std::ios::trunc) << text;
  std::filesystem::rename(partial, path);  // as a timer fetching the JWKS should: atomically
}

// A token for the ondermijning team, valid for the next hour by the real clock.
std::string TokenOf(const TestKey& key) {
  const std::int64_t now = std::time(nullptr);
  return Mint(key, Claims(R"(,"realm_access":{"roles":["ondermijning"]})", now + 3600, now - 60));
}

http::status ListCases(unsigned short port, const std::string& token) {
  HttpClient client(port, token);
  return client.Get("/api/v1/cases").result();
}

std::vector<std::string> ServeArguments(const std::string& db, const std::string& jwks) {
  return {"serve",
          "--db",
          db,
          "--listen",
          "127.0.0.1:0",
          "--oidc-issuer",
          casus::testing::kTestIssuer,
          "--oidc-audience",
          casus::testing::kTestAudience,
          "--oidc-jwks-file",
          jwks,
          "--oidc-role-claim",
          "realm_access.roles"};
}

TEST_CASE("Over HTTP the provider's tokens sign in and SIGHUP reloads the key set", "[e2e][oidc]") {
  TempDatabaseLocation db;
  const TempFile file("jwks.json");
  const std::string& jwks = file.path();
  const TestKey old_key(TestKey::Type::kRsa, "2024");
  const TestKey new_key(TestKey::Type::kP256, "2025");
  WriteFile(jwks, Jwks({old_key.Jwk()}));
  {
    ServeProcess serve(CASUS_BINARY, ServeArguments(db.path(), jwks));
    CHECK(ListCases(serve.port, TokenOf(old_key)) == http::status::ok);
    CHECK(ListCases(serve.port, TokenOf(new_key)) == http::status::unauthorized);

    WriteFile(jwks, Jwks({new_key.Jwk()}));
    serve.process.Signal(SIGHUP);
    REQUIRE(serve.process.WaitForLine("reloaded 1 OIDC signing key(s)", kStartTimeout));
    CHECK(ListCases(serve.port, TokenOf(new_key)) == http::status::ok);
    CHECK(ListCases(serve.port, TokenOf(old_key)) == http::status::unauthorized);

    // A file that cannot be used keeps the keys in use.
    WriteFile(jwks, R"({"keys":[]})");
    serve.process.Signal(SIGHUP);
    REQUIRE(serve.process.WaitForLine("kept the previous OIDC signing keys", kStartTimeout));
    CHECK(ListCases(serve.port, TokenOf(new_key)) == http::status::ok);
    CHECK(ListCases(serve.port, TokenOf(old_key)) == http::status::unauthorized);

    serve.process.Signal(SIGTERM);
    const auto status = serve.process.Wait(std::chrono::seconds(20));
    REQUIRE(status.has_value());
    CHECK(WIFEXITED(*status));
    CHECK(WEXITSTATUS(*status) == 0);
  }
}

TEST_CASE("serve refuses incomplete OIDC options and an unusable key file", "[e2e][oidc]") {
  TempDatabaseLocation db;
  const TempFile file("jwks.json");
  const std::string& jwks = file.path();
  WriteFile(jwks, "");
  const auto exit_code = [&](std::vector<std::string> arguments) {
    ChildProcess serve(CASUS_BINARY, arguments);
    const auto status = serve.Wait(std::chrono::seconds(20));
    REQUIRE(status.has_value());
    REQUIRE(WIFEXITED(*status));
    return WEXITSTATUS(*status);
  };
  std::vector<std::string> all = ServeArguments(db.path(), jwks);
  CHECK(exit_code(all) == 2);  // an empty key file
  std::vector<std::string> missing_file = ServeArguments(db.path(), jwks + ".absent");
  CHECK(exit_code(missing_file) == 2);
  CHECK(exit_code({"serve", "--db", db.path(), "--listen", "127.0.0.1:0", "--oidc-issuer",
                   casus::testing::kTestIssuer}) == 2);
  CHECK(exit_code({"serve", "--db", db.path(), "--listen", "127.0.0.1:0", "--oidc-role-map",
                   "x=analist"}) == 2);
}

}  // namespace
}  // namespace casus::e2e
