#include "domain/access/token_service.hpp"

#include <catch2/catch.hpp>
#include <functional>

#include "domain/error.hpp"
#include "support/in_memory_access_stores.hpp"

using namespace casus::domain;  // NOLINT: test file

namespace {
struct TokenFixture {
  casus::testing::InMemoryTokenStore store;
  casus::testing::CountingTokenCrypto crypto;
  FixedClock clock{Date(2025, 6, 30)};
  TokenService tokens{store, crypto, clock};
};

bool Rejected(TokenService& tokens, std::optional<std::string_view> header) {
  try {
    tokens.Authenticate(header);
  } catch (const DomainError& error) {
    return error.code() == ErrorCode::kUnauthenticated;
  }
  return false;
}
}  // namespace

TEST_CASE_METHOD(TokenFixture, "A created token authenticates and only its hash is stored",
                 "[domain][tokens]") {
  const auto issued = tokens.Create("alice", Role::kWoonoverlast, std::nullopt);
  CHECK(issued.secret == "secret-1");
  CHECK(store.FindByHash("hash(secret-1)").has_value());
  CHECK_FALSE(store.FindByHash("secret-1").has_value());
  const auto info = tokens.Authenticate("Bearer secret-1");
  CHECK(info.name == "alice");
  CHECK(info.role == Role::kWoonoverlast);
  CHECK(tokens.Authenticate("bearer secret-1").name == "alice");
}

TEST_CASE_METHOD(TokenFixture, "Missing, malformed, wrong, expired and revoked tokens are refused",
                 "[domain][tokens]") {
  tokens.Create("alice", Role::kWoonoverlast, std::nullopt);
  tokens.Create("bob", Role::kAnalist, Date(2025, 6, 29 + 1));
  CHECK(Rejected(tokens, std::nullopt));
  CHECK(Rejected(tokens, ""));
  CHECK(Rejected(tokens, "secret-1"));
  CHECK(Rejected(tokens, "Basic secret-1"));
  CHECK(Rejected(tokens, "Bearer "));
  CHECK(Rejected(tokens, "Bearer secret-9"));
  CHECK_FALSE(Rejected(tokens, "Bearer secret-2"));  // expires today: still valid
  clock = FixedClock{Date(2025, 7, 1)};
  CHECK(Rejected(tokens, "Bearer secret-2"));
  tokens.Revoke("alice");
  CHECK(Rejected(tokens, "Bearer secret-1"));
  CHECK(tokens.List().at(0).revoked_at.has_value());
}

TEST_CASE_METHOD(TokenFixture, "Token names are unique and revoking twice is refused",
                 "[domain][tokens]") {
  tokens.Create("alice", Role::kWoonoverlast, std::nullopt);
  CHECK_THROWS_AS(tokens.Create("alice", Role::kAnalist, std::nullopt), DomainError);
  CHECK_THROWS_AS(tokens.Create("bad name", Role::kAnalist, std::nullopt), DomainError);
  CHECK_THROWS_AS(tokens.Create("old", Role::kAnalist, Date(2025, 1, 1)), DomainError);
  tokens.Revoke("alice");
  CHECK_THROWS_AS(tokens.Revoke("alice"), DomainError);
  CHECK_THROWS_AS(tokens.Revoke("nobody"), DomainError);
}
