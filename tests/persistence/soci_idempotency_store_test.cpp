#include "persistence/soci_idempotency_store.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "persistence/group_commit_writer.hpp"
#include "tests/persistence/temp_database.hpp"

namespace casus::persistence {
namespace {

using testing::TempDatabase;

domain::StoredReply ReplyAt(const std::string& created_at, const std::string& body = "{}") {
  domain::StoredReply reply;
  reply.fingerprint = std::string(64, 'a');
  reply.status = 201;
  reply.content_type = "application/json";
  reply.location = "/api/v1/cases/7";
  reply.etag = "\"1\"";
  reply.body = body;
  reply.created_at = created_at;
  return reply;
}

TEST_CASE("A stored reply reads back field for field under its scope and key",
          "[persistence][idempotency]") {
  TempDatabase db;
  SociIdempotencyStore store(db.database);
  CHECK_FALSE(store.Find("woonoverlast", "k1"));
  const std::string body = R"({"id":7,"summary":"Harde muziek 's nachts \u00e9"})";
  store.Save("woonoverlast", "k1", ReplyAt("2025-01-15T12:00:00Z", body));
  const auto found = store.Find("woonoverlast", "k1");
  REQUIRE(found);
  CHECK(found->fingerprint == std::string(64, 'a'));
  CHECK(found->status == 201);
  CHECK(found->content_type == "application/json");
  CHECK(found->location == "/api/v1/cases/7");
  CHECK(found->etag == "\"1\"");
  CHECK(found->body == body);
  CHECK(found->created_at == "2025-01-15T12:00:00Z");
}

TEST_CASE("Keys are scoped per caller and a save replaces the reply of the same key",
          "[persistence][idempotency]") {
  TempDatabase db;
  SociIdempotencyStore store(db.database);
  store.Save("woonoverlast", "k", ReplyAt("2025-01-15T12:00:00Z", "first"));
  CHECK_FALSE(store.Find("ondermijning", "k"));
  CHECK_FALSE(store.Find("woonoverlast", "K"));
  store.Save("ondermijning", "k", ReplyAt("2025-01-15T12:00:00Z", "other caller"));
  store.Save("woonoverlast", "k", ReplyAt("2025-01-15T13:00:00Z", "second"));
  CHECK(store.Find("woonoverlast", "k")->body == "second");
  CHECK(store.Find("ondermijning", "k")->body == "other caller");
}

TEST_CASE("RemoveOlderThan removes exactly the replies created before the instant",
          "[persistence][idempotency]") {
  TempDatabase db;
  SociIdempotencyStore store(db.database);
  store.Save("a", "old", ReplyAt("2025-01-14T11:59:59Z"));
  store.Save("a", "edge", ReplyAt("2025-01-14T12:00:00Z"));
  store.Save("b", "new", ReplyAt("2025-01-15T12:00:00Z"));
  CHECK(store.RemoveOlderThan("2025-01-14T12:00:00Z") == 1);
  CHECK_FALSE(store.Find("a", "old"));
  CHECK(store.Find("a", "edge"));
  CHECK(store.Find("b", "new"));
}

TEST_CASE("A reply saved inside a unit of work that fails is not kept",
          "[persistence][idempotency]") {
  TempDatabase db;
  SociIdempotencyStore store(db.database);
  GroupCommitWriter writer(db.database);
  CHECK_THROWS(writer.Run([&] {
    store.Save("a", "k", ReplyAt("2025-01-15T12:00:00Z"));
    throw std::runtime_error("the change failed");
  }));
  CHECK_FALSE(store.Find("a", "k"));
  writer.Run([&] { store.Save("a", "k", ReplyAt("2025-01-15T12:00:00Z")); });
  CHECK(store.Find("a", "k"));
}

}  // namespace
}  // namespace casus::persistence
