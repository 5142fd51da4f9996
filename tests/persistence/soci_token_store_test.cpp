#include "persistence/soci_token_store.hpp"

#include <soci/soci.h>
#include <catch2/catch.hpp>

#include <atomic>
#include <latch>
#include <string>
#include <thread>
#include <vector>

#include "persistence/sha256.hpp"
#include "tests/persistence/case_fixtures.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using domain::Role;
using testing::D;

domain::StoredToken Token(const std::string& name, Role role = Role::kAnalist,
                          std::optional<domain::Date> expires_on = std::nullopt) {
  domain::StoredToken token;
  token.info.name = name;
  token.info.role = role;
  token.info.created_at = "2025-01-06T08:00:00Z";
  token.info.expires_on = expires_on;
  token.secret_hash = Sha256Hex("secret of " + name);
  return token;
}

void CheckSameInfo(const domain::TokenInfo& actual, const domain::TokenInfo& expected) {
  CHECK(actual.name == expected.name);
  CHECK(actual.role == expected.role);
  CHECK(actual.created_at == expected.created_at);
  CHECK(actual.expires_on == expected.expires_on);
  CHECK(actual.revoked_at == expected.revoked_at);
}

struct Fixture {
  testing::TempDatabase db;
  SociTokenStore tokens{db.database};
};

TEST_CASE_METHOD(Fixture, "A created token is found by its hash with every field",
                 "[persistence][tokens]") {
  const auto token = Token("alice", Role::kOndermijning, D("2026-12-31"));
  REQUIRE(tokens.Create(token));
  const auto found = tokens.FindByHash(token.secret_hash);
  REQUIRE(found.has_value());
  CheckSameInfo(found->info, token.info);
  CHECK(found->secret_hash == token.secret_hash);

  CHECK_FALSE(tokens.FindByHash(Sha256Hex("another secret")).has_value());
  CHECK_FALSE(tokens.FindByHash("").has_value());
}

TEST_CASE_METHOD(Fixture, "A token without expiry round-trips as absent", "[persistence][tokens]") {
  REQUIRE(tokens.Create(Token("beheer", Role::kBeheerder)));
  const auto found = tokens.FindByHash(Token("beheer").secret_hash);
  REQUIRE(found.has_value());
  CHECK_FALSE(found->info.expires_on.has_value());
  CHECK_FALSE(found->info.revoked_at.has_value());
  CHECK(found->info.role == Role::kBeheerder);
}

TEST_CASE_METHOD(Fixture, "A taken name is refused, revoked or not, and nothing is stored",
                 "[persistence][tokens]") {
  REQUIRE(tokens.Create(Token("alice")));
  auto again = Token("alice", Role::kBeheerder);
  again.secret_hash = Sha256Hex("a different secret");
  CHECK_FALSE(tokens.Create(again));
  REQUIRE(tokens.Revoke("alice", "2025-02-01T10:00:00Z"));
  CHECK_FALSE(tokens.Create(again));

  CHECK_FALSE(tokens.FindByHash(again.secret_hash).has_value());
  const auto list = tokens.List();
  REQUIRE(list.size() == 1);
  CHECK(list[0].role == Role::kAnalist);
}

TEST_CASE_METHOD(Fixture, "Names are exact: case and spaces make another token",
                 "[persistence][tokens]") {
  REQUIRE(tokens.Create(Token("alice")));
  CHECK(tokens.Create(Token("Alice")));
  CHECK(tokens.List().size() == 2);
}

TEST_CASE_METHOD(Fixture, "A secret hash stored already is refused by the schema",
                 "[persistence][tokens]") {
  REQUIRE(tokens.Create(Token("alice")));
  auto copy = Token("bob");
  copy.secret_hash = Token("alice").secret_hash;
  CHECK_THROWS_AS(tokens.Create(copy), soci::soci_error);
  CHECK(tokens.List().size() == 1);
}

TEST_CASE_METHOD(Fixture, "List holds every token by name, revoked ones included",
                 "[persistence][tokens]") {
  for (const char* name : {"carol", "alice", "bob", "Zed", "a.b-c_d"}) {
    REQUIRE(tokens.Create(Token(name)));
  }
  REQUIRE(tokens.Revoke("bob", "2025-02-01T10:00:00Z"));
  const auto list = tokens.List();
  std::vector<std::string> names;
  for (const auto& info : list) names.push_back(info.name);
  CHECK(names == std::vector<std::string>{"Zed", "a.b-c_d", "alice", "bob", "carol"});
  CHECK(list[3].revoked_at == std::optional<std::string>("2025-02-01T10:00:00Z"));
  CHECK_FALSE(list[2].revoked_at.has_value());
}

TEST_CASE_METHOD(Fixture, "Revoke sets revoked_at once, later revokes and unknown names fail",
                 "[persistence][tokens]") {
  REQUIRE(tokens.Create(Token("alice")));
  CHECK(tokens.Revoke("alice", "2025-02-01T10:00:00Z"));
  CHECK_FALSE(tokens.Revoke("alice", "2025-03-01T10:00:00Z"));
  CHECK_FALSE(tokens.Revoke("nobody", "2025-03-01T10:00:00Z"));
  const auto found = tokens.FindByHash(Token("alice").secret_hash);
  REQUIRE(found.has_value());
  CHECK(found->info.revoked_at == std::optional<std::string>("2025-02-01T10:00:00Z"));
}

TEST_CASE_METHOD(Fixture, "The schema refuses an unknown role and a malformed expiry",
                 "[persistence][tokens]") {
  SessionLease sql(db.database);
  CHECK_THROWS_AS(*sql << "INSERT INTO api_tokens (name, role, secret_hash, created_at) "
                          "VALUES ('x', 'admin', 'h1', '2025-01-01T00:00:00Z')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO api_tokens (name, role, secret_hash, created_at, "
                          "expires_on) VALUES ('y', 'analist', 'h2', '2025-01-01T00:00:00Z', "
                          "'31-12-2025')",
                  soci::soci_error);
  CHECK_THROWS_AS(*sql << "INSERT INTO api_tokens (name, role, secret_hash, created_at) "
                          "VALUES (NULL, 'analist', 'h3', '2025-01-01T00:00:00Z')",
                  soci::soci_error);
}

TEST_CASE("Of concurrent creates of one name exactly one wins",
          "[persistence][tokens][concurrency]") {
  testing::TempDatabase db(4);
  constexpr int kThreads = 8;
  std::latch start(kThreads);
  std::atomic<int> wins{0};
  std::atomic<int> errors{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i) {
    threads.emplace_back([&, i] {
      // A Database per thread: as separate server processes on one file.
      Database database(db.location(), 1);
      SociTokenStore tokens(database);
      auto token = Token("alice");
      token.secret_hash = Sha256Hex("secret " + std::to_string(i));
      start.arrive_and_wait();
      try {
        if (tokens.Create(token)) ++wins;
      } catch (...) {
        ++errors;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(errors == 0);
  CHECK(wins == 1);
  CHECK(SociTokenStore(db.database).List().size() == 1);
}

}  // namespace
}  // namespace casus::persistence
