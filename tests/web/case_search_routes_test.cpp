// Notes on a casus, and the search, sort and count parameters of the case list.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "api_fixture.hpp"
#include "web/case_routes.hpp"

namespace casus::web {
namespace {

using testing::Api;
using testing::Header;
using testing::IdList;
using testing::ParseJson;
using testing::RequireProblem;

// A woonoverlast casus reported on `reported_on`, at `street` in `postcode`.
std::string CaseBody(const std::string& reported_on, const std::string& street,
                     const std::string& postcode, const std::string& summary = "Overlast") {
  return R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop","reported_on":")" +
         reported_on + R"(","categories":["geluid"],"summary":")" + summary +
         R"(","address":{"street":")" + street + R"(","number":"1","postcode":")" + postcode +
         R"("}})";
}

Response PostNote(Api& api, domain::CaseId id, const std::string& body) {
  return api.Post("/api/v1/cases/" + std::to_string(id) + "/notes", body);
}

std::string AuditObjectOfLastRow(Api& api) { return api.audit_trail.Rows().back().event.object; }

// ---------------------------------------------------------------------------------------------
// Notes

TEST_CASE("A note answers 201 with its author and time, and no Location", "[web][notes]") {
  Api api;
  const auto id = api.Register();
  const Response response = PostNote(api, id, R"({"text":"Huisbezoek: niemand thuis"})");
  REQUIRE(response.result() == http::status::created);
  CHECK(response.body() == R"({"id":1,"case_id":1,"text":"Huisbezoek: niemand thuis",)"
                           R"("author":"woonoverlast","at":"2025-01-15T12:00:00Z"})");
  CHECK(Header(response, http::field::location).empty());
  CHECK(AuditObjectOfLastRow(api) == "cases/1/notes");
  CHECK(api.audit_trail.Rows().back().event.action == "write_case");
}

TEST_CASE("A note leaves the casus's version and ETag as they are", "[web][notes]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(PostNote(api, id, R"({"text":"Gebeld"})").result() == http::status::created);
  CHECK(Header(api.Get("/api/v1/cases/1"), http::field::etag) == "\"1\"");
}

TEST_CASE("Notes are listed oldest first, paged with limit and after, and the read is audited",
          "[web][notes]") {
  Api api;
  const auto id = api.Register();
  for (const char* text : {"een", "twee", "drie"}) {
    REQUIRE(PostNote(api, id, std::string(R"({"text":")") + text + R"("})").result() ==
            http::status::created);
  }
  const auto first = ParseJson(api.Get("/api/v1/cases/1/notes?limit=2").body());
  REQUIRE(first["items"].Size() == 2);
  CHECK(std::string(first["items"][0]["text"].GetString()) == "een");
  CHECK(std::string(first["items"][1]["text"].GetString()) == "twee");
  CHECK(first["next"].GetInt64() == 2);
  CHECK(AuditObjectOfLastRow(api) == "cases/1/notes");
  CHECK(api.audit_trail.Rows().back().event.action == "read_case");
  const auto rest = ParseJson(api.Get("/api/v1/cases/1/notes?after=2").body());
  REQUIRE(rest["items"].Size() == 1);
  CHECK(std::string(rest["items"][0]["text"].GetString()) == "drie");
  CHECK(rest["next"].IsNull());
  CHECK(api.Get("/api/v1/cases/1/notes").body().find(R"("items":[{"id":1,)") != std::string::npos);
}

TEST_CASE("A note's text is counted in characters, not bytes", "[web][notes]") {
  Api api;
  const auto id = api.Register();
  std::string accents;
  for (int i = 0; i < 10000; ++i) accents += "\xC3\xA9";  // é: 2 bytes, 1 character
  CHECK(PostNote(api, id, R"({"text":")" + accents + R"("})").result() == http::status::created);
  CHECK(PostNote(api, id, R"({"text":")" + accents + R"(e"})").result() ==
        http::status::unprocessable_entity);
}

TEST_CASE("A bad note is refused as the status policy says and stores nothing", "[web][notes]") {
  Api api;
  const auto id = api.Register();
  const std::string target = "/api/v1/cases/1/notes";
  CHECK(RequireProblem(PostNote(api, id, R"({"text":"   "})"), http::status::unprocessable_entity,
                       "invalid-request", target) == "text is empty");
  RequireProblem(PostNote(api, id, R"({})"), http::status::bad_request, "malformed-request",
                 target);
  RequireProblem(PostNote(api, id, R"({"text":1})"), http::status::bad_request, "malformed-request",
                 target);
  RequireProblem(PostNote(api, id, R"({"text":"x","author":"y"})"), http::status::bad_request,
                 "malformed-request", target);
  RequireProblem(PostNote(api, id, "{\"text\":\"\xC3\x28\"}"), http::status::bad_request,
                 "malformed-request", target);
  RequireProblem(PostNote(api, 9, R"({"text":"x"})"), http::status::not_found, "not-found",
                 "/api/v1/cases/9/notes");
  RequireProblem(api.Get("/api/v1/cases/9/notes"), http::status::not_found, "not-found",
                 "/api/v1/cases/9/notes");
  RequireProblem(api.Get("/api/v1/cases/1/notes?limit=0"), http::status::bad_request,
                 "malformed-request", target);
  RequireProblem(api.Get("/api/v1/cases/1/notes?sort=id"), http::status::bad_request,
                 "malformed-request", target);
  CHECK(ParseJson(api.Get(target).body())["items"].Size() == 0);
}

TEST_CASE("Another team's notes answer exactly as a missing casus's", "[web][notes]") {
  Api api;
  const auto id = api.Register();
  REQUIRE(PostNote(api, id, R"({"text":"Persoonlijk"})").result() == http::status::created);
  api.As(domain::Role::kOndermijning, [&] {
    const auto hidden = RequireProblem(api.Get("/api/v1/cases/1/notes"), http::status::not_found,
                                       "not-found", "/api/v1/cases/1/notes");
    const auto missing = RequireProblem(api.Get("/api/v1/cases/7/notes"), http::status::not_found,
                                        "not-found", "/api/v1/cases/7/notes");
    CHECK(hidden == "no case 1");
    CHECK(missing == "no case 7");
    CHECK(api.audit_trail.Rows().back().event.result == "not_found");
    RequireProblem(PostNote(api, 1, R"({"text":"  "})"), http::status::not_found, "not-found",
                   "/api/v1/cases/1/notes");
  });
  CHECK(api.audit_trail.Rows().back().event.result == "denied");
}

// ---------------------------------------------------------------------------------------------
// Search, sort and count

TEST_CASE("The list finds casussen by postcode in any spelling", "[web][search]") {
  Api api;
  api.Register(CaseBody("2024-03-01", "Dorpsstraat", "2711AA"));
  api.Register(CaseBody("2024-03-01", "Dorpsstraat", "2711AB"));
  CHECK(api.ListedIds("/api/v1/cases?postcode=2711%20aa") == IdList{1});
  CHECK(api.ListedIds("/api/v1/cases?postcode=2711aa") == IdList{1});
  CHECK(api.ListedIds("/api/v1/cases?postcode=2711+AB") == IdList{2});
}

TEST_CASE("The list filters on the reported period, both ends inclusive", "[web][search]") {
  Api api;
  api.Register(CaseBody("2024-02-29", "A", "2711AA"));
  api.Register(CaseBody("2024-03-01", "A", "2711AA"));
  api.Register(CaseBody("2024-03-31", "A", "2711AA"));
  api.Register(CaseBody("2024-04-01", "A", "2711AA"));
  CHECK(api.ListedIds("/api/v1/cases?reported_from=2024-03-01&reported_to=2024-03-31") ==
        (IdList{2, 3}));
  CHECK(api.ListedIds("/api/v1/cases?reported_from=2024-03-31") == (IdList{3, 4}));
  CHECK(api.ListedIds("/api/v1/cases?reported_to=2024-02-29") == IdList{1});
  CHECK(api.ListedIds("/api/v1/cases?reported_from=2024-03-01&reported_to=2024-03-01") ==
        IdList{2});
}

TEST_CASE("q finds every word in summary, street and notes", "[web][search]") {
  Api api;
  api.Register(CaseBody("2024-03-01", "Dorpsstraat", "2711AA", "Harde muziek"));
  api.Register(CaseBody("2024-03-01", "Kerkweg", "2711AA", "Blaffende hond"));
  REQUIRE(PostNote(api, 2, R"({"text":"Eigenaar belooft een hondentrainer"})").result() ==
          http::status::created);
  CHECK(api.ListedIds("/api/v1/cases?q=MUZIEK") == IdList{1});
  CHECK(api.ListedIds("/api/v1/cases?q=hondentrainer") == IdList{2});
  CHECK(api.ListedIds("/api/v1/cases?q=hond%20kerkweg%20eigenaar") == IdList{2});
  CHECK(api.ListedIds("/api/v1/cases?q=hond+muziek").empty());
  CHECK(api.ListedIds("/api/v1/cases?q=muz").empty());
  CHECK(api.ListedIds("/api/v1/cases?q=NEAR(").empty());
  CHECK(api.ListedIds("/api/v1/cases?q=%22muziek%22") == IdList{1});
}

TEST_CASE("sort orders by reported_on either way with ties by id, and pages by id cursors",
          "[web][search]") {
  Api api;
  api.Register(CaseBody("2024-03-02", "A", "2711AA"));  // 1
  api.Register(CaseBody("2024-03-01", "A", "2711AA"));  // 2
  api.Register(CaseBody("2024-03-02", "A", "2711AA"));  // 3
  api.Register(CaseBody("2024-02-01", "A", "2711AA"));  // 4
  CHECK(api.ListedIds("/api/v1/cases?sort=id") == (IdList{1, 2, 3, 4}));
  CHECK(api.ListedIds("/api/v1/cases?sort=reported_on") == (IdList{4, 2, 1, 3}));
  CHECK(api.ListedIds("/api/v1/cases?sort=-reported_on") == (IdList{3, 1, 2, 4}));

  const auto first = ParseJson(api.Get("/api/v1/cases?sort=reported_on&limit=2").body());
  CHECK(first["next"].GetInt64() == 2);
  CHECK(api.ListedIds("/api/v1/cases?sort=reported_on&limit=2&after=2") == (IdList{1, 3}));
  CHECK(api.ListedIds("/api/v1/cases?sort=-reported_on&limit=2&after=1") == (IdList{2, 4}));
  CHECK(api.ListedIds("/api/v1/cases?sort=reported_on&after=0") == (IdList{4, 2, 1, 3}));
}

TEST_CASE("A date sort from another team's casus answers as from a missing one", "[web][search]") {
  Api api;
  api.Register(CaseBody("2024-03-02", "A", "2711AA"));                                     // 1
  api.As(domain::Role::kOndermijning, [&] { api.Register(testing::kOndermijningBody); });  // 2
  CHECK(api.ListedIds("/api/v1/cases?sort=reported_on&after=2").empty());
  CHECK(api.ListedIds("/api/v1/cases?sort=reported_on&after=99").empty());
}

TEST_CASE("count=true adds the number of every match, otherwise there is no count",
          "[web][search]") {
  Api api;
  for (int i = 0; i < 3; ++i) api.Register(CaseBody("2024-03-01", "A", "2711AA"));
  api.Register(CaseBody("2024-03-01", "A", "2711AB"));
  const auto page = ParseJson(api.Get("/api/v1/cases?postcode=2711AA&limit=1&count=true").body());
  CHECK(page["items"].Size() == 1);
  CHECK(page["count"].GetInt64() == 3);
  CHECK(api.Get("/api/v1/cases?count=false").body().find("count") == std::string::npos);
  CHECK(api.Get("/api/v1/cases").body().find("count") == std::string::npos);
  api.As(domain::Role::kOndermijning, [&] {
    CHECK(api.Get("/api/v1/cases?kind=woonoverlast&count=true").body() ==
          R"({"items":[],"next":null,"count":0})");
  });
}

TEST_CASE("Malformed search parameters are refused with 400", "[web][search]") {
  Api api;
  api.Register();
  std::string long_q;
  for (int i = 0; i < 41; ++i) long_q += "abcd+";  // 205 bytes
  for (const std::string& query : std::vector<std::string>{
           "reported_from=2024-3-1", "reported_to=gisteren", "reported_from=2024-02-30",
           "reported_from=2024-04-01&reported_to=2024-03-31", "postcode=2711A", "postcode=0711AA",
           "postcode=2711%20%20AA", "q=%20%20", "q=%22%28%29", "q=a+b+c+d+e+f+g+h+i+j+k",
           "q=" + long_q, "sort=reported", "sort=-id", "count=yes", "count=1", "count=TRUE"}) {
    INFO(query);
    RequireProblem(api.Get("/api/v1/cases?" + query), http::status::bad_request,
                   "malformed-request", "/api/v1/cases");
  }
  CHECK(api.ListedIds("/api/v1/cases?q=a+b+c+d+e+f+g+h+i+j").empty());           // ten words: fine
  CHECK(api.ListedIds("/api/v1/cases?q=&postcode=&sort=&count=") == IdList{1});  // not given
}

TEST_CASE("A bad search is refused with 400 for a team without casussen too", "[web][search]") {
  Api api;
  api.As(domain::Role::kOndermijning, [&] {
    RequireProblem(api.Get("/api/v1/cases?kind=woonoverlast&reported_from=2024-04-01&reported_to="
                           "2024-03-01"),
                   http::status::bad_request, "malformed-request", "/api/v1/cases");
  });
}

}  // namespace
}  // namespace casus::web
