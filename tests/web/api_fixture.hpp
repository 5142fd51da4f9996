#pragma once

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <catch2/catch.hpp>

#include "domain/access/role.hpp"
#include "domain/clock.hpp"
#include "domain/domain_services.hpp"
#include "domain/error.hpp"
#include "support/in_memory_access_stores.hpp"
#include "support/in_memory_activity_repository.hpp"
#include "support/in_memory_case_repository.hpp"
#include "support/in_memory_idempotency_store.hpp"
#include "support/in_memory_signal_repository.hpp"
#include "web/api_services.hpp"
#include "web/http.hpp"
#include "web/json.hpp"
#include "web/router.hpp"

namespace casus::web::testing {

inline constexpr const char* kWoonoverlastBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek 's nachts",)"
    R"("address":{"street":"Dorpsstraat","number":"12a","postcode":"2711 AB","city":"Zoetermeer"}})";

// An ondermijning casus as POST /api/v1/cases takes it.
inline constexpr const char* kOndermijningBody =
    R"({"kind":"ondermijning","reported_on":"2024-04-02","themes":["drugs","witwassen"],)"
    R"("summary":"Hennepkwekerij vermoed","district":"Rokkeveen"})";

// A signal from the meldpunt with its reporter, as POST /api/v1/signals takes it.
inline constexpr const char* kSignalBody =
    R"({"received_on":"2024-04-01","source":"meldpunt","themes":["drugs"],)"
    R"("summary":"Stank van hennep bij loods","district":"Rokkeveen",)"
    R"("address":{"street":"Industrieweg","number":"7","postcode":"2712 LB"},)"
    R"("reporter":{"name":"J. de Vries","phone":"0612345678"}})";

// An anonymous signal from Meld Misdaad Anoniem: no reporter, no address.
inline constexpr const char* kMmaSignalBody =
    R"({"received_on":"2024-04-03","source":"mma","themes":["drugs","prostitutie"],)"
    R"("summary":"Anonieme melding drugshandel"})";

// The caller's address the fixture's requests come from (a documentation address).
inline constexpr const char* kClient = "192.0.2.7";

// A Router over in-memory repositories, tokens and audit trail, Zoetermeer's wijken and a
// clock fixed on 15 January 2025, with helpers to send requests the way Beast's parser would
// hand them over. There is one token per role, named after it; requests carry the token of
// `role` (woonoverlast unless the constructor says otherwise, or during As). Reports are
// computed on every request unless a `report_version` is given to cache them under.
struct Api {
  explicit Api(domain::Role acting_role = domain::Role::kWoonoverlast,
               domain::DataVersion* report_version = nullptr)
      : data_version(report_version), role(acting_role) {
    for (const domain::Role each : domain::AllOf<domain::Role>()) {
      secrets[each] =
          services.tokens.Create(std::string(domain::Name(each)), each, std::nullopt).secret;
    }
  }

  casus::testing::InMemoryCaseRepository cases;
  casus::testing::InMemorySignalRepository signals{cases};
  casus::testing::InMemoryActivityRepository activities;
  casus::testing::FixedDistrictRepository districts;
  casus::testing::InMemoryTokenStore token_store;
  casus::testing::CountingTokenCrypto crypto;
  casus::testing::InMemoryAuditTrail audit_trail;
  domain::FixedClock clock{domain::Date(2025, 1, 15)};
  casus::testing::RecordingPersonalDataStore personal_data;
  domain::DataVersion* data_version;
  casus::testing::InMemoryIdempotencyStore idempotency;
  domain::DomainServices services{{cases, districts, signals, activities, token_store, crypto,
                                   audit_trail, personal_data, clock, nullptr, data_version,
                                   &idempotency}};
  bool storage_ready = true;  // what /readyz is told
  Router router{ApiServicesOf(services, [this] { return storage_ready; })};
  domain::Role role;
  std::map<domain::Role, std::string> secrets;  // each role's token

  // "Bearer <token of `as`>".
  std::string Bearer(domain::Role as) const { return "Bearer " + secrets.at(as); }

  // A request as Send makes it: Host, the Authorization of `role`, and the given fields.
  Request Build(http::verb method, const std::string& target, const std::string& body = {},
                std::optional<std::string> content_type = std::nullopt,
                std::optional<std::string> if_match = std::nullopt) const {
    Request request{method, target, 11};
    request.set(http::field::host, "localhost");
    request.set(http::field::authorization, Bearer(role));
    if (content_type) request.set(http::field::content_type, *content_type);
    if (if_match) request.set(http::field::if_match, *if_match);
    request.body() = body;
    if (!body.empty() || method == http::verb::post) request.prepare_payload();
    return request;
  }

  Response Handle(const Request& request) { return router.Handle(request, kClient); }

  Response Send(http::verb method, const std::string& target, const std::string& body = {},
                std::optional<std::string> content_type = std::nullopt,
                std::optional<std::string> if_match = std::nullopt) {
    return Handle(Build(method, target, body, std::move(content_type), std::move(if_match)));
  }

  // Runs `steps` with the token of `acting`, then goes back to the previous role.
  template <typename Steps>
  auto As(domain::Role acting, Steps&& steps) {
    struct Restore {
      Api& api;
      domain::Role previous;
      ~Restore() { api.role = previous; }
    } restore{*this, std::exchange(role, acting)};
    return steps();
  }

  Response Get(const std::string& target) { return Send(http::verb::get, target); }

  Response Post(const std::string& target, const std::string& body,
                std::optional<std::string> if_match = std::nullopt) {
    return Send(http::verb::post, target, body, "application/json", std::move(if_match));
  }

  // Registers a casus (the standard woonoverlast one unless told) and returns its id.
  domain::CaseId Register(const std::string& body = kWoonoverlastBody) {
    const Response response = Post("/api/v1/cases", body);
    REQUIRE(response.result() == http::status::created);
    return IdOf(response);
  }

  Response Transition(domain::CaseId id, const std::string& body,
                      std::optional<std::string> if_match = std::nullopt) {
    return Post("/api/v1/cases/" + std::to_string(id) + "/transitions", body, std::move(if_match));
  }

  // Receives a signal and returns its id.
  domain::SignalId Receive(const std::string& body = kSignalBody) {
    const Response response = Post("/api/v1/signals", body);
    REQUIRE(response.result() == http::status::created);
    return IdOf(response);
  }

  Response Assess(domain::SignalId id, const std::string& body) {
    return Post("/api/v1/signals/" + std::to_string(id) + "/assessment", body);
  }

  // The ids of the items a list route answers with, in order.
  std::vector<std::int64_t> ListedIds(const std::string& target);

  std::size_t StoredCaseCount() {
    domain::CaseFilter all;
    all.limit = domain::CaseService::kMaxPageSize;
    return cases.List(all).items.size();
  }

  std::size_t StoredSignalCount() {
    domain::SignalFilter all;
    all.limit = domain::CaseService::kMaxPageSize;
    return signals.List(all).items.size();
  }

  std::size_t StoredActivityCount() {
    domain::ActivityFilter all;
    all.limit = domain::CaseService::kMaxPageSize;
    return activities.List(all).items.size();
  }

  // The "id" of the resource in a response's JSON body (a casus, signal or activity).
  static std::int64_t IdOf(const Response& response);
};

inline rapidjson::Document ParseJson(const std::string& text) {
  rapidjson::Document document;
  document.Parse(text.c_str(), text.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

inline std::int64_t Api::IdOf(const Response& response) {
  const auto json = ParseJson(response.body());
  REQUIRE(json.IsObject());
  REQUIRE(json["id"].IsInt64());
  return json["id"].GetInt64();
}

inline std::vector<std::int64_t> Api::ListedIds(const std::string& target) {
  const Response response = Get(target);
  REQUIRE(response.result() == http::status::ok);
  const auto json = ParseJson(response.body());
  std::vector<std::int64_t> ids;
  for (const auto& item : json["items"].GetArray()) ids.push_back(item["id"].GetInt64());
  return ids;
}

using IdList = std::vector<std::int64_t>;

inline std::string Header(const Response& response, http::field field) {
  return std::string(ToStd(response[field]));
}

// Checks that `response` is an RFC 9457 problem with this status and type, for this
// instance, and returns its detail.
inline std::string RequireProblem(const Response& response, http::status status,
                                  const std::string& slug, const std::string& instance) {
  REQUIRE(response.result() == status);
  CHECK(Header(response, http::field::content_type) == "application/problem+json");
  const auto json = ParseJson(response.body());
  REQUIRE(json.IsObject());
  CHECK(std::string(json["type"].GetString()) == "/problems/" + slug);
  CHECK(json["title"].IsString());
  CHECK(json["status"].GetInt() == static_cast<int>(status));
  // The path, and the request's id (its X-Request-Id) as the fragment.
  CHECK(std::string(json["instance"].GetString()) ==
        instance + "#" + std::string(ToStd(response["X-Request-Id"])));
  REQUIRE(json["detail"].IsString());
  return json["detail"].GetString();
}

}  // namespace casus::web::testing
