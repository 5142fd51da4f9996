#include <catch2/catch.hpp>

#include <string>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::kWoonoverlastBody;
using testing::RequireProblem;

const std::string kReplayed = "Idempotent-Replayed";

Response PostWithKey(Api& api, const std::string& target, const std::string& body,
                     const std::string& key) {
  Request request = api.Build(http::verb::post, target, body, "application/json");
  request.set("Idempotency-Key", key);
  return api.Handle(request);
}

std::string Field(const Response& response, const std::string& name) {
  return std::string(ToStd(response[name]));
}

TEST_CASE("The same POST with the same key twice registers one casus and replays the answer",
          "[web][idempotency]") {
  Api api;
  const Response first = PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "retry-1");
  REQUIRE(first.result() == http::status::created);
  CHECK(first.count(kReplayed) == 0);
  const std::size_t rows = api.audit_trail.Rows().size();

  const Response again = PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "retry-1");
  CHECK(again.result() == http::status::created);
  CHECK(again.body() == first.body());
  CHECK(Header(again, http::field::content_type) == Header(first, http::field::content_type));
  CHECK(Header(again, http::field::location) == Header(first, http::field::location));
  CHECK(Header(again, http::field::etag) == Header(first, http::field::etag));
  CHECK(Field(again, kReplayed) == "true");
  CHECK(api.StoredCaseCount() == 1);
  // The replay is on the record as a request of its own.
  const auto audit = api.audit_trail.Rows();
  REQUIRE(audit.size() == rows + 1);
  CHECK(audit.back().event.result == "replayed");
  CHECK(audit.back().event.object == "cases/1");  // what the first request created
  CHECK(audit.back().event.action == audit[rows - 1].event.action);

  // Another key is another request.
  CHECK(PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "retry-2").result() ==
        http::status::created);
  CHECK(api.StoredCaseCount() == 2);
}

TEST_CASE("A POST without Idempotency-Key is not deduplicated", "[web][idempotency]") {
  Api api;
  api.Register();
  api.Register();
  CHECK(api.StoredCaseCount() == 2);
  CHECK(api.idempotency.Size() == 0);
}

TEST_CASE("The same key with another body or another path is 422 and changes nothing",
          "[web][idempotency]") {
  Api api;
  REQUIRE(PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "k").result() ==
          http::status::created);
  std::string other = kWoonoverlastBody;
  other.replace(other.find("Harde"), 5, "Zachte");
  RequireProblem(PostWithKey(api, "/api/v1/cases", other, "k"), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases");
  CHECK(api.audit_trail.Rows().back().event.result == "invalid");
  RequireProblem(
      PostWithKey(api, "/api/v1/cases/1/transitions", R"({"to":"lopend","on":"2024-03-05"})", "k"),
      http::status::unprocessable_entity, "invalid-request", "/api/v1/cases/1/transitions");
  CHECK(api.StoredCaseCount() == 1);
  CHECK(api.Get("/api/v1/cases/1/history").body().find("lopend") == std::string::npos);
}

TEST_CASE("A malformed Idempotency-Key is 400 and changes nothing", "[web][idempotency]") {
  Api api;
  for (const std::string& key : {std::string(256, 'k'), std::string("with space"),
                                 std::string("caf\xc3\xa9"), std::string("tab\there")}) {
    INFO(key);
    RequireProblem(PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, key),
                   http::status::bad_request, "malformed-request", "/api/v1/cases");
  }
  Request two = api.Build(http::verb::post, "/api/v1/cases", kWoonoverlastBody, "application/json");
  two.insert("Idempotency-Key", "a");
  two.insert("Idempotency-Key", "a");
  RequireProblem(api.Handle(two), http::status::bad_request, "malformed-request", "/api/v1/cases");
  Request empty =
      api.Build(http::verb::post, "/api/v1/cases", kWoonoverlastBody, "application/json");
  empty.set("Idempotency-Key", "");
  RequireProblem(api.Handle(empty), http::status::bad_request, "malformed-request",
                 "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
  CHECK(api.audit_trail.Rows().back().event.result == "malformed");
  // The longest key and every visible character are fine.
  CHECK(PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, std::string(255, '~')).result() ==
        http::status::created);
  CHECK(PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}")
            .result() == http::status::created);
}

TEST_CASE("A refused first attempt is not kept: its retry runs again", "[web][idempotency]") {
  Api api;
  std::string future = kWoonoverlastBody;
  future.replace(future.find("2024-03-01"), 10, "2030-03-01");
  RequireProblem(PostWithKey(api, "/api/v1/cases", future, "k"), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/cases");
  CHECK(api.idempotency.Size() == 0);
  // The corrected request under the same key is a first attempt.
  const Response fixed = PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "k");
  CHECK(fixed.result() == http::status::created);
  CHECK(fixed.count(kReplayed) == 0);
  CHECK(api.StoredCaseCount() == 1);
}

TEST_CASE("Keys are per caller: another token's same key is its own request",
          "[web][idempotency]") {
  Api api;
  const Response mine = PostWithKey(api, "/api/v1/cases", kWoonoverlastBody, "shared");
  REQUIRE(mine.result() == http::status::created);
  const Response theirs = api.As(domain::Role::kOndermijning, [&] {
    return PostWithKey(api, "/api/v1/cases", testing::kOndermijningBody, "shared");
  });
  CHECK(theirs.result() == http::status::created);
  CHECK(theirs.count(kReplayed) == 0);
  CHECK(theirs.body() != mine.body());
  CHECK(api.StoredCaseCount() == 2);
}

TEST_CASE("A transition retried with its key moves the casus once", "[web][idempotency]") {
  Api api;
  const auto id = api.Register();
  const std::string target = "/api/v1/cases/" + std::to_string(id) + "/transitions";
  const std::string body = R"({"to":"lopend","on":"2024-03-05"})";
  Request request = api.Build(http::verb::post, target, body, "application/json", "\"1\"");
  request.set("Idempotency-Key", "move-1");
  const Response first = api.Handle(request);
  REQUIRE(first.result() == http::status::ok);
  // Without the key the retry would fail on its stale If-Match; with it, the same answer.
  const Response again = api.Handle(request);
  CHECK(again.result() == http::status::ok);
  CHECK(again.body() == first.body());
  CHECK(Header(again, http::field::etag) == "\"2\"");
  CHECK(Field(again, kReplayed) == "true");
  CHECK(api.Get("/api/v1/cases/" + std::to_string(id)).body().find("\"version\":2") !=
        std::string::npos);
}

TEST_CASE("Idempotency-Key on a GET is ignored", "[web][idempotency]") {
  Api api;
  api.Register();
  Request get = api.Build(http::verb::get, "/api/v1/cases/1");
  get.set("Idempotency-Key", "not checked here");
  const Response response = api.Handle(get);
  CHECK(response.result() == http::status::ok);
  CHECK(response.count(kReplayed) == 0);
}

}  // namespace
}  // namespace casus::web
