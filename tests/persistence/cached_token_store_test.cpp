#include "persistence/cached_token_store.hpp"

#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "persistence/soci_token_store.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabase;

// Counts the lookups that reach the store below the cache.
class CountingStore final : public domain::TokenStore {
 public:
  explicit CountingStore(domain::TokenStore& inner) : inner_(inner) {}
  bool Create(const domain::StoredToken& token) override { return inner_.Create(token); }
  std::optional<domain::StoredToken> FindByHash(const std::string& hash) override {
    ++lookups;
    return inner_.FindByHash(hash);
  }
  std::vector<domain::TokenInfo> List() override { return inner_.List(); }
  bool Revoke(const std::string& name, const std::string& at) override {
    return inner_.Revoke(name, at);
  }
  std::int64_t Version() override { return inner_.Version(); }

  int lookups = 0;

 private:
  domain::TokenStore& inner_;
};

domain::StoredToken Token(const std::string& name, const std::string& hash) {
  domain::StoredToken token;
  token.info.name = name;
  token.info.role = domain::Role::kWoonoverlast;
  token.info.created_at = "2025-01-15T12:00:00Z";
  token.secret_hash = hash;
  return token;
}

TEST_CASE("The database bumps the token version on every create and revoke",
          "[persistence][tokens]") {
  TempDatabase db;
  SociTokenStore store(db.database);
  const auto before = store.Version();
  REQUIRE(store.Create(Token("a", "hash-a")));
  const auto created = store.Version();
  CHECK(created > before);
  REQUIRE(store.Revoke("a", "2025-01-16T12:00:00Z"));
  CHECK(store.Version() > created);
}

TEST_CASE("A found token is served from memory until a create or revoke anywhere",
          "[persistence][tokens]") {
  TempDatabase db;
  SociTokenStore stored(db.database);
  CountingStore counting(stored);
  CachedTokenStore cache(counting, std::chrono::milliseconds(50));
  REQUIRE(cache.Create(Token("a", "hash-a")));
  for (int i = 0; i < 5; ++i) REQUIRE(cache.FindByHash("hash-a"));
  CHECK(counting.lookups == 1);
  // Unknown hashes always ask the store and are not remembered.
  CHECK_FALSE(cache.FindByHash("made-up"));
  CHECK_FALSE(cache.FindByHash("made-up"));
  CHECK(counting.lookups == 3);

  // Revoked here: seen at once.
  REQUIRE(cache.Revoke("a", "2025-01-16T12:00:00Z"));
  CHECK(cache.FindByHash("hash-a")->info.revoked_at.has_value());

  // Revoked by another process (another store on the same file): seen after the recheck.
  REQUIRE(cache.Create(Token("b", "hash-b")));
  REQUIRE_FALSE(cache.FindByHash("hash-b")->info.revoked_at);
  SociTokenStore other_process(db.database);
  REQUIRE(other_process.Revoke("b", "2025-01-16T12:00:00Z"));
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  CHECK(cache.FindByHash("hash-b")->info.revoked_at.has_value());
}

}  // namespace
}  // namespace casus::persistence
