#include "domain/access/idempotency_keys.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "support/in_memory_idempotency_store.hpp"

namespace casus::domain {
namespace {

// A clock the test moves by hand.
class SettableClock final : public Clock {
 public:
  explicit SettableClock(std::string now) : now_(std::move(now)) {}
  Date Today() const override { return *Date::Parse(now_.substr(0, 10)); }
  std::string NowUtc() const override { return now_; }
  void Set(std::string now) { now_ = std::move(now); }

 private:
  std::string now_;
};

StoredReply Reply(const std::string& body) {
  StoredReply reply;
  reply.fingerprint = "f";
  reply.status = 201;
  reply.body = body;
  return reply;
}

TEST_CASE("ValidSince is the same instant one day earlier", "[domain][idempotency]") {
  CHECK(IdempotencyKeys::ValidSince("2025-01-15T12:00:00Z") == "2025-01-14T12:00:00Z");
  CHECK(IdempotencyKeys::ValidSince("2024-03-01T00:00:05Z") == "2024-02-29T00:00:05Z");
  CHECK(IdempotencyKeys::ValidSince("2025-01-01T23:59:59Z") == "2024-12-31T23:59:59Z");
}

TEST_CASE("A kept reply is found for 24 hours and then never again", "[domain][idempotency]") {
  testing::InMemoryIdempotencyStore store;
  SettableClock clock("2025-01-15T12:00:00Z");
  IdempotencyKeys keys(&store, clock);
  keys.Save("alice", "k", Reply("first"));
  CHECK(keys.Find("alice", "k")->created_at == "2025-01-15T12:00:00Z");
  CHECK_FALSE(keys.Find("bob", "k"));
  clock.Set("2025-01-16T12:00:00Z");  // exactly 24 hours later: still the same reply
  CHECK(keys.Find("alice", "k")->body == "first");
  clock.Set("2025-01-16T12:00:01Z");
  CHECK_FALSE(keys.Find("alice", "k"));
  // The key may be used anew; the expired reply is removed on the way.
  keys.Save("alice", "k", Reply("second"));
  CHECK(keys.Find("alice", "k")->body == "second");
  CHECK(store.Size() == 1);
}

TEST_CASE("Saving or RemoveExpired removes the replies older than 24 hours",
          "[domain][idempotency]") {
  testing::InMemoryIdempotencyStore store;
  SettableClock clock("2025-01-15T12:00:00Z");
  IdempotencyKeys keys(&store, clock);
  keys.Save("alice", "a", Reply("a"));
  clock.Set("2025-01-15T18:00:00Z");
  keys.Save("alice", "b", Reply("b"));
  clock.Set("2025-01-16T13:00:00Z");
  keys.Save("bob", "c", Reply("c"));  // removes a
  CHECK(store.Size() == 2);
  clock.Set("2025-01-17T12:00:00Z");
  CHECK(keys.RemoveExpired() == 1);  // b
  CHECK(store.Size() == 1);
}

TEST_CASE("Without a store no key is kept", "[domain][idempotency]") {
  SettableClock clock("2025-01-15T12:00:00Z");
  IdempotencyKeys keys(nullptr, clock);
  CHECK_FALSE(keys.Enabled());
  keys.Save("alice", "k", Reply("x"));
  CHECK_FALSE(keys.Find("alice", "k"));
  CHECK(keys.RemoveExpired() == 0);
}

}  // namespace
}  // namespace casus::domain
