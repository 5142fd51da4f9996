#include "web/router.hpp"

#include <stdexcept>

#include <catch2/catch.hpp>
#include <regex>
#include <set>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::kWoonoverlastBody;
using testing::ParseJson;
using testing::RequireProblem;

// A repository whose every call fails the way a broken database would.
class BrokenCaseRepository final : public domain::CaseRepository {
 public:
  domain::Casus Create(const domain::NewCase&, const domain::TransitionRecord&) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  std::optional<domain::Casus> Find(domain::CaseId) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  domain::CasePage List(const domain::CaseFilter&) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  std::vector<std::string> ExternalRefs(domain::CaseKind) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  std::vector<domain::TransitionRecord> History(domain::CaseId) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  domain::CaseNote AddNote(const domain::CaseNote&) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  domain::NotePage Notes(domain::CaseId, std::optional<domain::NoteId>, int) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  bool AppendTransition(domain::CaseId, std::int64_t, const domain::TransitionRecord&) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  bool Correct(const domain::Casus&, std::int64_t,
               const std::vector<domain::CaseChange>&) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  std::vector<domain::CaseChange> Changes(domain::CaseId) override {
    throw std::runtime_error("disk I/O error at /var/lib/casus/secret.db");
  }
  std::vector<domain::CaseTimeline> Timelines(domain::CaseKind, domain::Date) override {
    throw 42;  // not even a std::exception
  }
  std::vector<domain::WoonoverlastCount> WoonoverlastCounts(const domain::ReportPeriod&,
                                                            const domain::ReportPeriod&) override {
    throw 42;  // not even a std::exception
  }
};

TEST_CASE("GET /healthz answers 200 with status ok", "[web]") {
  Api api;
  const Response response = api.Get("/healthz");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() == R"({"status":"ok"})");
  CHECK(response.keep_alive());
}

TEST_CASE("The response keeps the connection alive only when the request asked for it", "[web]") {
  Api api;
  Request request{http::verb::get, "/healthz", 11};
  request.keep_alive(false);
  CHECK_FALSE(api.Handle(request).keep_alive());
  Request old{http::verb::get, "/healthz", 10};
  CHECK_FALSE(api.Handle(old).keep_alive());
}

TEST_CASE("An unknown route is 404 problem+json", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/zaken"), http::status::not_found, "not-found", "/api/v1/zaken");
  RequireProblem(api.Get("/"), http::status::not_found, "not-found", "/");
  RequireProblem(api.Get("/api/v2/cases"), http::status::not_found, "not-found", "/api/v2/cases");
  RequireProblem(api.Get("/api/v1/cases/1/notes"), http::status::not_found, "not-found",
                 "/api/v1/cases/1/notes");
}

TEST_CASE("A trailing slash is a different, unknown route", "[web]") {
  Api api;
  RequireProblem(api.Get("/api/v1/cases/"), http::status::not_found, "not-found", "/api/v1/cases/");
}

TEST_CASE("A wrong method on a known route is 405 with an Allow header", "[web]") {
  Api api;
  const Response put =
      api.Send(http::verb::put, "/api/v1/cases", kWoonoverlastBody, "application/json");
  RequireProblem(put, http::status::method_not_allowed, "method-not-allowed", "/api/v1/cases");
  CHECK(Header(put, http::field::allow) == "GET, POST");

  const Response del = api.Send(http::verb::delete_, "/api/v1/cases/1");
  RequireProblem(del, http::status::method_not_allowed, "method-not-allowed", "/api/v1/cases/1");
  CHECK(Header(del, http::field::allow) == "GET, PATCH");

  const Response get = api.Get("/api/v1/cases/1/transitions");
  CHECK(Header(get, http::field::allow) == "POST");
  const Response post = api.Send(http::verb::post, "/healthz", "{}", "application/json");
  CHECK(Header(post, http::field::allow) == "GET");
  const Response report =
      api.Send(http::verb::post, "/api/v1/reports/woonoverlast/2024", "{}", "application/json");
  CHECK(Header(report, http::field::allow) == "GET");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A POST without Content-Type is refused with 415 and stores nothing", "[web]") {
  Api api;
  RequireProblem(api.Send(http::verb::post, "/api/v1/cases", kWoonoverlastBody, std::nullopt),
                 http::status::unsupported_media_type, "unsupported-media-type", "/api/v1/cases");
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A POST with a Content-Type other than JSON is refused with 415 and stores nothing",
          "[web]") {
  Api api;
  for (const char* type : {"text/plain", "application/x-www-form-urlencoded", "application/jsonx",
                           "application/json; charset=latin1"}) {
    RequireProblem(api.Send(http::verb::post, "/api/v1/cases", kWoonoverlastBody, type),
                   http::status::unsupported_media_type, "unsupported-media-type", "/api/v1/cases");
  }
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A transition without JSON Content-Type is refused with 415 and changes nothing",
          "[web]") {
  Api api;
  const auto id = api.Register();
  RequireProblem(api.Send(http::verb::post, "/api/v1/cases/1/transitions",
                          R"({"to":"lopend","on":"2024-03-05"})", "text/json"),
                 http::status::unsupported_media_type, "unsupported-media-type",
                 "/api/v1/cases/1/transitions");
  CHECK(api.cases.Find(id)->version == 1);
}

TEST_CASE("An unexpected failure is a generic 500 that does not leak its cause", "[web]") {
  BrokenCaseRepository cases;
  casus::testing::InMemoryCaseRepository signal_cases;
  casus::testing::InMemorySignalRepository signals{signal_cases};
  casus::testing::InMemoryActivityRepository activities;
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryTokenStore token_store;
  casus::testing::CountingTokenCrypto crypto;
  casus::testing::InMemoryAuditTrail audit_trail;
  domain::FixedClock clock{domain::Date(2025, 1, 15)};
  casus::testing::RecordingPersonalDataStore personal_data;
  domain::DomainServices services{{cases, districts, signals, activities, token_store, crypto,
                                   audit_trail, personal_data, clock}};
  Router router{ApiServicesOf(services)};
  const std::string woonoverlast =
      services.tokens.Create("w", domain::Role::kWoonoverlast, std::nullopt).secret;
  const std::string analist =
      services.tokens.Create("a", domain::Role::kAnalist, std::nullopt).secret;
  for (const auto& [target, secret] : {std::pair{"/api/v1/cases/1", woonoverlast},
                                       std::pair{"/api/v1/reports/woonoverlast/2024", analist},
                                       std::pair{"/api/v1/reports/ondermijning/2024", analist}}) {
    Request request{http::verb::get, target, 11};
    request.set(http::field::authorization, "Bearer " + secret);
    const Response response = router.Handle(request, testing::kClient);
    const auto detail =
        RequireProblem(response, http::status::internal_server_error, "internal-error", target);
    CHECK(detail == "the server could not handle this request");
    CHECK_THAT(response.body(), !Catch::Contains("secret"));
  }
}

TEST_CASE("Problems carry type, title, status, detail and instance without the query", "[web]") {
  Api api;
  const Response response = api.Get("/api/v1/cases?limit=9999");
  REQUIRE(response.result() == http::status::bad_request);
  const auto json = ParseJson(response.body());
  CHECK(json.MemberCount() == 5);
  CHECK(std::string(json["type"].GetString()) == "/problems/malformed-request");
  CHECK(std::string(json["title"].GetString()) == "Malformed request");
  CHECK(json["status"].GetInt() == 400);
  CHECK(std::string(json["instance"].GetString()) ==
        "/api/v1/cases#" + std::string(ToStd(response["X-Request-Id"])));
}

TEST_CASE("A well-formed X-Request-Id is echoed, in the header and the problem's instance",
          "[web][request_id]") {
  Api api;
  Request request{http::verb::get, "/api/v1/nothing-here", 11};
  request.set("X-Request-Id", "3f6c1e0a-req.1");
  const Response response = api.Handle(request);
  CHECK(std::string(ToStd(response["X-Request-Id"])) == "3f6c1e0a-req.1");
  RequireProblem(response, http::status::not_found, "not-found", "/api/v1/nothing-here");
  CHECK(ParseJson(response.body())["instance"].GetString() ==
        std::string("/api/v1/nothing-here#3f6c1e0a-req.1"));
}

TEST_CASE("A missing or malformed X-Request-Id is replaced by a new UUID", "[web][request_id]") {
  Api api;
  const std::regex uuid("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
  std::set<std::string> seen;
  for (const char* given : {"", "has space", "quote\"", "<script>", "x\xff"}) {
    Request request{http::verb::get, "/healthz", 11};
    if (*given != '\0') request.set("X-Request-Id", given);
    const std::string id(ToStd(api.Handle(request)["X-Request-Id"]));
    CHECK(std::regex_match(id, uuid));
    seen.insert(id);
  }
  Request too_long{http::verb::get, "/healthz", 11};
  too_long.set("X-Request-Id", std::string(129, 'a'));
  CHECK(std::string(ToStd(api.Handle(too_long)["X-Request-Id"])) != std::string(129, 'a'));
  Request longest{http::verb::get, "/healthz", 11};
  longest.set("X-Request-Id", std::string(128, 'a'));
  CHECK(std::string(ToStd(api.Handle(longest)["X-Request-Id"])) == std::string(128, 'a'));
  CHECK(seen.size() == 5);  // each new
}

TEST_CASE("A problem's instance escapes bytes that are not printable ASCII", "[web]") {
  Api api;
  const Response response = api.Get("/api/v1/\xff\"x");
  RequireProblem(response, http::status::not_found, "not-found", "/api/v1/%FF%22x");
}

TEST_CASE("/readyz answers 200 while storage answers, and 503 with Retry-After when it does not",
          "[web]") {
  Api api;
  const Response ready = api.Get("/readyz");
  REQUIRE(ready.result() == http::status::ok);
  CHECK(ready.body() == R"({"status":"ready"})");
  api.storage_ready = false;
  const Response not_ready = api.Get("/readyz");
  RequireProblem(not_ready, http::status::service_unavailable, "unavailable", "/readyz");
  CHECK(Header(not_ready, http::field::retry_after) == "1");
}

TEST_CASE("Only /healthz, unknown paths and wrong methods are answered on the I/O thread",
          "[web]") {
  CHECK_FALSE(Router::NeedsDomain(Request{http::verb::get, "/healthz", 11}));
  CHECK_FALSE(Router::NeedsDomain(Request{http::verb::get, "/nowhere", 11}));
  CHECK_FALSE(Router::NeedsDomain(Request{http::verb::delete_, "/api/v1/cases", 11}));
  CHECK(Router::NeedsDomain(Request{http::verb::get, "/readyz", 11}));
  CHECK(Router::NeedsDomain(Request{http::verb::get, "/api/v1/cases/1?x", 11}));
  CHECK(Router::NeedsDomain(Request{http::verb::post, "/api/v1/signals", 11}));
}

TEST_CASE("Year reports run in a lane of their own, apart from reads of single casussen", "[web]") {
  for (const char* target :
       {"/api/v1/reports/woonoverlast/2024", "/api/v1/reports/ondermijning/2024?format=csv"}) {
    CHECK(Router::LaneOf(Request{http::verb::get, target, 11}) == Lane::kReport);
  }
  for (const char* target : {"/api/v1/reports/woonoverlast?from=2024-01-01&to=2024-03-31",
                             "/api/v1/reports/ondermijning?from=2024-01-01&to=2024-03-31",
                             "/api/v1/reports/woonoverlast/series?from=2020&to=2024"}) {
    CHECK(Router::LaneOf(Request{http::verb::get, target, 11}) == Lane::kReport);
  }
  CHECK(Router::LaneOf(Request{http::verb::get, "/api/v1/cases/1", 11}) == Lane::kWorker);
  CHECK(Router::LaneOf(Request{http::verb::get, "/api/v1/audit", 11}) == Lane::kWorker);
  CHECK(Router::LaneOf(Request{http::verb::get, "/healthz", 11}) == Lane::kIoThread);
  CHECK(Router::LaneOf(Request{http::verb::post, "/api/v1/reports/woonoverlast/2024", 11}) ==
        Lane::kIoThread);  // 405: no route, no domain
}

// A data version the test moves by hand, as a write would.
struct ManualDataVersion : domain::DataVersion {
  std::int64_t value = 1;
  std::int64_t Current() override { return value; }
};

TEST_CASE("A report already computed is answered at once, one still to compute waits its lane",
          "[web][reports]") {
  ManualDataVersion version;
  Api api{domain::Role::kAnalist, &version};
  const auto at_once = [&](const std::string& target) {
    return api.router.AnswersAtOnce(Request{http::verb::get, target, 11});
  };
  const std::string year = "/api/v1/reports/woonoverlast/2024";
  const std::string period = "/api/v1/reports/ondermijning?from=2024-01-01&to=2024-03-31";
  CHECK_FALSE(at_once(year));
  CHECK_FALSE(at_once(period));
  CHECK_FALSE(at_once("/api/v1/reports/woonoverlast/series?from=2024&to=2024"));

  REQUIRE(api.Get(year).result() == http::status::ok);
  REQUIRE(api.Get(period).result() == http::status::ok);
  CHECK(at_once(year));
  CHECK(at_once(year + "?format=csv&suppress_below=5"));  // the same report, shown otherwise
  CHECK(at_once(period));
  CHECK(at_once("/api/v1/reports/woonoverlast/series?from=2024&to=2024"));
  CHECK_FALSE(at_once("/api/v1/reports/woonoverlast/series?from=2023&to=2024"));
  CHECK_FALSE(at_once("/api/v1/reports/woonoverlast/2023"));
  CHECK_FALSE(at_once("/api/v1/reports/ondermijning/2024"));

  ++version.value;  // something changed: computed again, in the report lane
  CHECK_FALSE(at_once(year));
  CHECK_FALSE(at_once(period));
}

TEST_CASE("A report request that will be refused is answered at once", "[web][reports]") {
  ManualDataVersion version;
  Api api{domain::Role::kAnalist, &version};
  for (const char* target :
       {"/api/v1/reports/woonoverlast/24", "/api/v1/reports/ondermijning/2024?format=pdf",
        "/api/v1/reports/woonoverlast?from=2024-04-01", "/api/v1/reports/woonoverlast?x=1",
        "/api/v1/reports/ondermijning?from=2024-04-01&to=2024-03-01",
        "/api/v1/reports/woonoverlast/series?from=2024"}) {
    INFO(target);
    CHECK(api.router.AnswersAtOnce(Request{http::verb::get, target, 11}));
  }
  // Routes that compute no report have no such check: their lane decides.
  CHECK_FALSE(api.router.AnswersAtOnce(Request{http::verb::get, "/api/v1/cases/1", 11}));
  CHECK_FALSE(api.router.AnswersAtOnce(Request{http::verb::get, "/nowhere", 11}));
}

}  // namespace
}  // namespace casus::web

namespace casus::web {
namespace {

TEST_CASE("/metrics answers this machine, hides from others, and alone on its own listener",
          "[web][metrics]") {
  testing::Api api;
  Metrics metrics;
  metrics.RequestStarted();
  metrics.RequestFinished(0, "GET", 200, 0.002);
  const Request request{http::verb::get, "/metrics", 11};

  Router local{ApiServicesOf(api.services, {}, nullptr, &metrics)};
  for (const char* client : {"127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"}) {
    const Response answer = local.Handle(request, client);
    REQUIRE(answer.result() == http::status::ok);
    CHECK(std::string(ToStd(answer[http::field::content_type])) ==
          "text/plain; version=0.0.4; charset=utf-8");
    CHECK(answer.body().find("# TYPE casus_http_requests_total counter") != std::string::npos);
  }
  CHECK(local.Handle(request, "192.0.2.7").result() == http::status::not_found);
  CHECK(local.Handle(request, "::ffff:10.0.0.1").result() == http::status::not_found);

  ApiServices open = ApiServicesOf(api.services, {}, nullptr, &metrics);
  open.metrics_public = true;
  open.metrics_only = true;
  Router listener{open};
  CHECK(listener.Handle(request, "192.0.2.7").result() == http::status::ok);
  CHECK(listener.Handle({http::verb::get, "/healthz", 11}, "192.0.2.7").result() ==
        http::status::not_found);

  Router without{ApiServicesOf(api.services)};
  CHECK(without.Handle(request, "127.0.0.1").result() == http::status::not_found);
}

}  // namespace
}  // namespace casus::web
