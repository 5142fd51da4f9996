// The access log of the real binary: one JSON line per request on stdout, with the route's
// pattern, never its path's ids, a query, a body or a token; the request id as the client gave
// it or as the server made it, echoed in the response.

#include <chrono>
#include <map>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "running_server.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

// The JSON log lines `serve` has printed until each of `request_ids` had its line (10 s at
// most for each line). A request's line is written once its response is, so requests on
// two connections may be logged in either order.
std::vector<std::string> LinesUntil(ServeProcess& serve, std::vector<std::string> request_ids) {
  std::vector<std::string> lines;
  while (!request_ids.empty()) {
    const auto line = serve.process.WaitForLine("{", std::chrono::seconds(10));
    if (!line) break;
    lines.push_back(*line);
    std::erase_if(request_ids, [&](const std::string& id) {
      return line->find("\"request_id\":\"" + id + "\"") != std::string::npos;
    });
  }
  return lines;
}

rapidjson::Document Parsed(const std::string& line) {
  rapidjson::Document document;
  document.Parse(line.c_str(), line.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

TEST_CASE(
    "serve logs one JSON line per request, by route pattern, without ids, queries, bodies "
    "or tokens",
    "[e2e][log]") {
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "alice", "woonoverlast");
  ServeProcess serve(db.path());
  HttpClient client(serve.port, token);

  Request created{http::verb::post, "/api/v1/cases", 11};
  created.set(http::field::content_type, "application/json");
  created.set("X-Request-Id", "log-test-post");
  created.body() =
      R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
      R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Geheime overlast",)"
      R"("address":{"street":"Geheimstraat","number":"7","postcode":"2711AA"}})";
  const Response posted = client.Send(std::move(created));
  REQUIRE(posted.result() == http::status::created);
  CHECK(std::string(posted["X-Request-Id"]) == "log-test-post");
  const std::string id = std::to_string(Json(posted)["id"].GetInt64());

  Request read{http::verb::get, "/api/v1/cases/" + id, 11};
  read.set("X-Request-Id", "log-test-get");
  REQUIRE(client.Send(std::move(read)).result() == http::status::ok);
  const Response searched = client.Get("/api/v1/cases?q=Geheimstraat");
  const std::string generated(searched["X-Request-Id"]);
  CHECK(generated.size() == 36);
  HttpClient stranger(serve.port, "not-a-token");
  Request refused{http::verb::get, "/api/v1/cases", 11};
  refused.set("X-Request-Id", "log-test-401");
  CHECK(stranger.Send(std::move(refused)).result() == http::status::unauthorized);

  const auto lines =
      LinesUntil(serve, {"log-test-post", "log-test-get", generated, "log-test-401"});
  std::map<std::string, rapidjson::Document> requests;  // by request id
  bool started = false;
  for (const std::string& line : lines) {
    INFO(line);
    CHECK(line.find(token) == std::string::npos);
    CHECK(line.find("Geheim") == std::string::npos);
    CHECK(line.find("/api/v1/cases/" + id) == std::string::npos);
    auto record = Parsed(line);
    CHECK(record.HasMember("ts"));
    CHECK(record.HasMember("level"));
    if (std::string(record["event"].GetString()) == "start") started = true;
    if (std::string(record["event"].GetString()) == "request") {
      const std::string request_id = record["request_id"].GetString();
      requests.emplace(request_id, std::move(record));
    }
  }
  CHECK(started);
  REQUIRE(requests.size() == 4);
  const auto check = [](const rapidjson::Document& record, const char* request_id,
                        const char* method, const char* route, int status, const char* who) {
    CHECK(std::string(record["request_id"].GetString()) == request_id);
    CHECK(std::string(record["method"].GetString()) == method);
    CHECK(std::string(record["route"].GetString()) == route);
    CHECK(record["status"].GetInt() == status);
    CHECK(std::string(record["who"].GetString()) == who);
    CHECK(std::string(record["client"].GetString()) == "127.0.0.1");
    CHECK(record["duration_ms"].GetDouble() >= 0);
    CHECK(record["bytes"].GetUint64() > 0);
  };
  check(requests.at("log-test-post"), "log-test-post", "POST", "/api/v1/cases", 201, "alice");
  check(requests.at("log-test-get"), "log-test-get", "GET", "/api/v1/cases/{id}", 200, "alice");
  check(requests.at(generated), generated.c_str(), "GET", "/api/v1/cases", 200, "alice");
  check(requests.at("log-test-401"), "log-test-401", "GET", "/api/v1/cases", 401, "-");
}

}  // namespace
}  // namespace casus::e2e
