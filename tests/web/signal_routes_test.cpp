#include "web/signal_routes.hpp"

#include <catch2/catch.hpp>

#include "api_fixture.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::IdList;
using testing::kMmaSignalBody;
using testing::kOndermijningBody;
using testing::kSignalBody;
using testing::ParseJson;
using testing::RequireProblem;

constexpr const char* kSignal1Json =
    R"({"id":1,"received_on":"2024-04-01","source":"meldpunt","themes":["drugs"],)"
    R"("summary":"Stank van hennep bij loods","district":"Rokkeveen",)"
    R"("address":{"street":"Industrieweg","number":"7","postcode":"2712LB","city":null},)"
    R"("reporter":{"name":"J. de Vries","phone":"0612345678","email":null},)"
    R"("status":"open","assessment":null,"version":1})";

constexpr const char* kNewCaseAssessment =
    R"({"decision":"new_case","on":"2024-04-05","reported_on":"2024-04-05",)"
    R"("themes":["drugs"],"summary":"Onderzoek loods Industrieweg","district":"Rokkeveen"})";

std::string SignalWith(const std::string& field) {
  std::string body = kSignalBody;
  body.insert(body.size() - 1, "," + field);
  return body;
}

std::string SignalReplacing(const std::string& from, const std::string& to) {
  std::string body = kSignalBody;
  const auto start = body.find(from);
  REQUIRE(start != std::string::npos);
  body.replace(start, from.size(), to);
  return body;
}

// ---------------------------------------------------------------------------------------------
// Receiving and reading signals

TEST_CASE("Receiving a signal answers 201 with Location, ETag 1 and the stored signal",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const Response response = api.Post("/api/v1/signals", kSignalBody);
  REQUIRE(response.result() == http::status::created);
  CHECK(Header(response, http::field::location) == "/api/v1/signals/1");
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(Header(response, http::field::content_type) == "application/json");
  CHECK(response.body() == kSignal1Json);
  CHECK(api.StoredSignalCount() == 1);
}

TEST_CASE("An anonymous mma signal has reporter, district and address null", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const Response response = api.Post("/api/v1/signals", kMmaSignalBody);
  REQUIRE(response.result() == http::status::created);
  CHECK(response.body() ==
        R"({"id":1,"received_on":"2024-04-03","source":"mma","themes":["drugs","prostitutie"],)"
        R"("summary":"Anonieme melding drugshandel","district":null,"address":null,)"
        R"("reporter":null,"status":"open","assessment":null,"version":1})");
}

TEST_CASE("Getting a signal answers 200 with its version as ETag", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  api.Receive();
  const Response response = api.Get("/api/v1/signals/1");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(response.body() == kSignal1Json);
}

TEST_CASE("A signal that does not exist is 404, for reading and for assessing", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  RequireProblem(api.Get("/api/v1/signals/9"), http::status::not_found, "not-found",
                 "/api/v1/signals/9");
  RequireProblem(api.Assess(9, R"({"decision":"dismiss","reason":"dubbel"})"),
                 http::status::not_found, "not-found", "/api/v1/signals/9/assessment");
}

TEST_CASE("The signal list filters on source, theme and status and pages by id", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  api.Receive();                // 1 meldpunt, drugs
  api.Receive(kMmaSignalBody);  // 2 mma, drugs + prostitutie
  api.Receive(kMmaSignalBody);  // 3 mma, dismissed below
  REQUIRE(api.Assess(3, R"({"decision":"dismiss","reason":"dubbel"})").result() ==
          http::status::ok);

  CHECK(api.ListedIds("/api/v1/signals") == IdList{1, 2, 3});
  CHECK(api.ListedIds("/api/v1/signals?source=mma") == IdList{2, 3});
  CHECK(api.ListedIds("/api/v1/signals?theme=prostitutie") == IdList{2, 3});
  CHECK(api.ListedIds("/api/v1/signals?status=open") == IdList{1, 2});
  CHECK(api.ListedIds("/api/v1/signals?source=mma&status=dismissed") == IdList{3});
  CHECK(api.ListedIds("/api/v1/signals?status=linked").empty());

  const auto first = ParseJson(api.Get("/api/v1/signals?limit=2").body());
  CHECK(first["items"].Size() == 2);
  CHECK(first["next"].GetInt64() == 2);
  const auto last = ParseJson(api.Get("/api/v1/signals?limit=2&after=2").body());
  CHECK(last["items"].Size() == 1);
  CHECK(last["next"].IsNull());
}

// ---------------------------------------------------------------------------------------------
// Receiving refused

TEST_CASE("Reporter details on an mma signal are refused with 422 and nothing is stored",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  std::string body = kMmaSignalBody;
  body.insert(body.size() - 1, R"(,"reporter":{"name":"J. de Vries"})");
  const auto detail =
      RequireProblem(api.Post("/api/v1/signals", body), http::status::unprocessable_entity,
                     "invalid-request", "/api/v1/signals");
  CHECK_THAT(detail, Catch::Contains("anonymous"));
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("An unknown source or theme in a signal is refused with 422", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto source =
      RequireProblem(api.Post("/api/v1/signals", SignalReplacing(R"("meldpunt")", R"("anoniem")")),
                     http::status::unprocessable_entity, "invalid-request", "/api/v1/signals");
  CHECK(source == "field 'source' must be one of: mma, meldpunt, partner, overig");
  const auto theme = RequireProblem(
      api.Post("/api/v1/signals", SignalReplacing(R"(["drugs"])", R"(["drugs","hennep"])")),
      http::status::unprocessable_entity, "invalid-request", "/api/v1/signals");
  CHECK_THAT(theme, Catch::StartsWith("field 'themes[1]' must be one of: drugs,"));
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("A signal missing a required field is refused with 400 naming it", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const std::pair<const char*, const char*> cases[] = {
      {R"("received_on":"2024-04-01",)", "field 'received_on' is required"},
      {R"("source":"meldpunt",)", "field 'source' is required"},
      {R"("themes":["drugs"],)", "field 'themes' is required"},
      {R"("summary":"Stank van hennep bij loods",)", "field 'summary' is required"},
      {R"("name":"J. de Vries",)", "field 'reporter.name' is required"},
  };
  for (const auto& [member, expected] : cases) {
    const auto detail =
        RequireProblem(api.Post("/api/v1/signals", SignalReplacing(member, "")),
                       http::status::bad_request, "malformed-request", "/api/v1/signals");
    CHECK(detail == expected);
  }
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("A signal with no theme is refused by the domain with 422", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  RequireProblem(api.Post("/api/v1/signals", SignalReplacing(R"(["drugs"])", "[]")),
                 http::status::unprocessable_entity, "invalid-request", "/api/v1/signals");
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("A signal field of the wrong type is refused with 400 naming it", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const std::pair<std::string, const char*> cases[] = {
      {SignalReplacing(R"("Stank van hennep bij loods")", "17"),
       "field 'summary' must be a string, not a number"},
      {SignalReplacing(R"(["drugs"])", R"("drugs")"),
       "field 'themes' must be an array, not a string"},
      {SignalReplacing(R"("0612345678")", "612345678"),
       "field 'reporter.phone' must be a string, not a number"},
      {SignalReplacing(R"({"name":"J. de Vries","phone":"0612345678"})", R"("J. de Vries")"),
       "field 'reporter' must be an object, not a string"},
  };
  for (const auto& [body, expected] : cases) {
    const auto detail = RequireProblem(api.Post("/api/v1/signals", body), http::status::bad_request,
                                       "malformed-request", "/api/v1/signals");
    CHECK(detail == expected);
  }
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("A signal with an unknown field is refused with 400, inside the reporter too",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  for (const auto& [body, expected] :
       {std::pair{SignalWith(R"("status":"linked")"), "unknown field 'status'"},
        std::pair{SignalReplacing(R"("phone")", R"("bsn")"), "unknown field 'reporter.bsn'"}}) {
    const auto detail = RequireProblem(api.Post("/api/v1/signals", body), http::status::bad_request,
                                       "malformed-request", "/api/v1/signals");
    CHECK(detail == expected);
  }
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("A signal from an unknown wijk or the future is refused with 422", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  for (const auto& body :
       {SignalReplacing("Rokkeveen", "Atlantis"), SignalReplacing("2024-04-01", "2025-01-16"),
        SignalReplacing("2024-04-01", "2024-04-31")}) {
    RequireProblem(api.Post("/api/v1/signals", body), http::status::unprocessable_entity,
                   "invalid-request", "/api/v1/signals");
  }
  CHECK(api.StoredSignalCount() == 0);
}

TEST_CASE("Bad signal ids and list queries are refused with 400", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto detail = RequireProblem(api.Get("/api/v1/signals/x"), http::status::bad_request,
                                     "malformed-request", "/api/v1/signals/x");
  CHECK_THAT(detail, Catch::StartsWith("the signal id in the path must be a signal id"));
  RequireProblem(api.Get("/api/v1/signals/0"), http::status::bad_request, "malformed-request",
                 "/api/v1/signals/0");
  for (const char* query :
       {"?source=anoniem", "?theme=hennep", "?status=closed", "?limit=0", "?limit=501", "?after=-1",
        "?kind=ondermijning", "?source=mma&source=mma"}) {
    RequireProblem(api.Get(std::string("/api/v1/signals") + query), http::status::bad_request,
                   "malformed-request", "/api/v1/signals");
  }
  RequireProblem(api.Get("/api/v1/signals/1?expand=case"), http::status::bad_request,
                 "malformed-request", "/api/v1/signals/1");
}

// ---------------------------------------------------------------------------------------------
// Assessing

TEST_CASE("Linking a signal to an ondermijning casus answers 200 with the linked signal",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto case_id = api.Register(kOndermijningBody);
  const auto id = api.Receive();
  const Response response = api.Assess(
      id, R"({"decision":"link","case_id":)" + std::to_string(case_id) + R"(,"on":"2024-04-03"})");
  REQUIRE(response.result() == http::status::ok);
  CHECK(Header(response, http::field::etag) == "\"2\"");
  CHECK(Header(response, http::field::location).empty());
  const auto json = ParseJson(response.body());
  CHECK(std::string(json["status"].GetString()) == "linked");
  CHECK(json["version"].GetInt64() == 2);
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  json["assessment"].Accept(writer);
  CHECK(std::string(buffer.GetString()) ==
        R"({"decision":"link","on":"2024-04-03","case_id":1,"reason":null,)"
        R"("recorded_at":"2025-01-15T12:00:00Z"})");
  CHECK(api.Get("/api/v1/signals/1").body() == response.body());
}

TEST_CASE("Assessing a signal into a new casus answers 201 with the new casus", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  const Response response = api.Assess(id, kNewCaseAssessment);
  REQUIRE(response.result() == http::status::created);
  CHECK(Header(response, http::field::location) == "/api/v1/cases/1");
  CHECK(Header(response, http::field::etag) == "\"1\"");
  CHECK(response.body() ==
        R"({"id":1,"kind":"ondermijning","state":"gemeld","district":"Rokkeveen",)"
        R"("housing_type":null,"reported_on":"2024-04-05","categories":[],"themes":["drugs"],)"
        R"("summary":"Onderzoek loods Industrieweg","address":null,"signal_ids":[1],)"
        R"("assignee":null,"version":1})");

  const auto signal = ParseJson(api.Get("/api/v1/signals/1").body());
  CHECK(std::string(signal["status"].GetString()) == "linked");
  CHECK(std::string(signal["assessment"]["decision"].GetString()) == "new_case");
  CHECK(signal["assessment"]["case_id"].GetInt64() == 1);
  CHECK(std::string(signal["assessment"]["on"].GetString()) == "2024-04-05");
}

TEST_CASE("A new casus from a signal may name its kind ondermijning, no other", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  std::string body = kNewCaseAssessment;
  body.insert(body.size() - 1, R"(,"kind":"ondermijning","address":{"street":"Industrieweg",)"
                               R"("number":"7","postcode":"2712 LB","city":"Zoetermeer"})");
  const Response named = api.Assess(api.Receive(), body);
  REQUIRE(named.result() == http::status::created);
  CHECK(std::string(ParseJson(named.body())["address"]["city"].GetString()) == "Zoetermeer");

  std::string woonoverlast = kNewCaseAssessment;
  woonoverlast.insert(woonoverlast.size() - 1, R"(,"kind":"woonoverlast")");
  const auto id = api.Receive();
  RequireProblem(api.Assess(id, woonoverlast), http::status::unprocessable_entity,
                 "invalid-request", "/api/v1/signals/2/assessment");
  CHECK(api.StoredCaseCount() == 1);
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("Dismissing a signal answers 200, dated today when on is absent", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  const Response response =
      api.Assess(id, R"({"decision":"dismiss","reason":"Geen aanwijzingen"})");
  REQUIRE(response.result() == http::status::ok);
  const auto json = ParseJson(response.body());
  CHECK(std::string(json["status"].GetString()) == "dismissed");
  CHECK(std::string(json["assessment"]["decision"].GetString()) == "dismiss");
  CHECK(std::string(json["assessment"]["on"].GetString()) == "2025-01-15");
  CHECK(json["assessment"]["case_id"].IsNull());
  CHECK(std::string(json["assessment"]["reason"].GetString()) == "Geen aanwijzingen");
}

TEST_CASE("A second assessment is refused with 409 and the first stands", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  REQUIRE(api.Assess(id, R"({"decision":"dismiss","reason":"dubbel"})").result() ==
          http::status::ok);
  const std::string before = api.Get("/api/v1/signals/1").body();
  RequireProblem(api.Assess(id, kNewCaseAssessment), http::status::conflict, "conflict",
                 "/api/v1/signals/1/assessment");
  RequireProblem(api.Assess(id, R"({"decision":"dismiss","reason":"nogmaals"})"),
                 http::status::conflict, "conflict", "/api/v1/signals/1/assessment");
  CHECK(api.Get("/api/v1/signals/1").body() == before);
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A link to a woonoverlast or unknown casus is refused with 422, the signal open",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto woonoverlast = api.As(domain::Role::kWoonoverlast, [&] { return api.Register(); });
  const auto id = api.Receive();
  for (const std::int64_t case_id : {woonoverlast, std::int64_t{42}}) {
    const auto detail = RequireProblem(
        api.Assess(id, R"({"decision":"link","case_id":)" + std::to_string(case_id) + "}"),
        http::status::unprocessable_entity, "invalid-request", "/api/v1/signals/1/assessment");
    CHECK_THAT(detail, Catch::Contains("no ondermijning casus"));
  }
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("An unknown decision is refused with 422, a missing one with 400", "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  const auto unknown = RequireProblem(api.Assess(id, R"({"decision":"escalate","reason":"x"})"),
                                      http::status::unprocessable_entity, "invalid-request",
                                      "/api/v1/signals/1/assessment");
  CHECK(unknown == "field 'decision' must be one of: link, new_case, dismiss");
  const auto missing =
      RequireProblem(api.Assess(id, R"({"reason":"x"})"), http::status::bad_request,
                     "malformed-request", "/api/v1/signals/1/assessment");
  CHECK(missing == "field 'decision' is required");
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("A member of another decision is refused with 400 as an unknown field",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  api.Register(kOndermijningBody);
  const auto id = api.Receive();
  const std::pair<std::string, const char*> cases[] = {
      {R"({"decision":"link","case_id":1,"reason":"past bij casus"})", "unknown field 'reason'"},
      {R"({"decision":"dismiss","reason":"dubbel","case_id":1})", "unknown field 'case_id'"},
      {R"({"decision":"link","case_id":1,"summary":"x"})", "unknown field 'summary'"},
      {R"({"decision":"new_case","case_id":1,"reported_on":"2024-04-05","themes":["drugs"],)"
       R"("summary":"x"})",
       "unknown field 'case_id'"},
      {R"({"decision":"dismiss","reason":"dubbel","priority":1})", "unknown field 'priority'"},
  };
  for (const auto& [body, expected] : cases) {
    const auto detail = RequireProblem(api.Assess(id, body), http::status::bad_request,
                                       "malformed-request", "/api/v1/signals/1/assessment");
    CHECK(detail == expected);
  }
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("An assessment missing its decision's fields is refused with 400 naming them",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  const std::pair<const char*, const char*> cases[] = {
      {R"({"decision":"link"})", "field 'case_id' is required"},
      {R"({"decision":"dismiss"})", "field 'reason' is required"},
      {R"({"decision":"new_case","reported_on":"2024-04-05","summary":"x"})",
       "field 'themes' is required"},
      {R"({"decision":"new_case","reported_on":"2024-04-05","themes":["drugs"]})",
       "field 'summary' is required"},
      {R"({"decision":"new_case","themes":["drugs"],"summary":"x"})",
       "field 'reported_on' is required"},
  };
  for (const auto& [body, expected] : cases) {
    const auto detail = RequireProblem(api.Assess(id, body), http::status::bad_request,
                                       "malformed-request", "/api/v1/signals/1/assessment");
    CHECK(detail == expected);
  }
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
  CHECK(api.StoredCaseCount() == 0);
}

TEST_CASE("A case_id of the wrong type is 400, one that is not a whole number 422",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  const auto text = RequireProblem(api.Assess(id, R"({"decision":"link","case_id":"1"})"),
                                   http::status::bad_request, "malformed-request",
                                   "/api/v1/signals/1/assessment");
  CHECK(text == "field 'case_id' must be a number, not a string");
  const auto fraction = RequireProblem(api.Assess(id, R"({"decision":"link","case_id":1.5})"),
                                       http::status::unprocessable_entity, "invalid-request",
                                       "/api/v1/signals/1/assessment");
  CHECK(fraction == "field 'case_id' must be a whole number");
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("An assessment dated before the signal or in the future is refused with 422",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const auto id = api.Receive();
  RequireProblem(api.Assess(id, R"({"decision":"dismiss","reason":"x","on":"2024-03-31"})"),
                 http::status::unprocessable_entity, "date-out-of-order",
                 "/api/v1/signals/1/assessment");
  RequireProblem(api.Assess(id, R"({"decision":"dismiss","reason":"x","on":"2025-01-16"})"),
                 http::status::unprocessable_entity, "invalid-request",
                 "/api/v1/signals/1/assessment");
  RequireProblem(api.Assess(id, R"({"decision":"dismiss","reason":"x","on":"gisteren"})"),
                 http::status::unprocessable_entity, "invalid-request",
                 "/api/v1/signals/1/assessment");
  CHECK(api.signals.Find(id)->status == domain::SignalStatus::kOpen);
}

TEST_CASE("The signal routes answer 405 for other methods and 415 for other media types",
          "[web][signals]") {
  Api api{domain::Role::kOndermijning};
  const Response put =
      api.Send(http::verb::put, "/api/v1/signals", kSignalBody, "application/json");
  RequireProblem(put, http::status::method_not_allowed, "method-not-allowed", "/api/v1/signals");
  CHECK(Header(put, http::field::allow) == "GET, POST");
  CHECK(Header(api.Send(http::verb::delete_, "/api/v1/signals/1"), http::field::allow) == "GET");
  CHECK(Header(api.Get("/api/v1/signals/1/assessment"), http::field::allow) == "POST");
  RequireProblem(api.Send(http::verb::post, "/api/v1/signals", kSignalBody, "text/plain"),
                 http::status::unsupported_media_type, "unsupported-media-type", "/api/v1/signals");
  RequireProblem(api.Get("/api/v1/signals/1/notes"), http::status::not_found, "not-found",
                 "/api/v1/signals/1/notes");
  CHECK(api.StoredSignalCount() == 0);
}

}  // namespace
}  // namespace casus::web
