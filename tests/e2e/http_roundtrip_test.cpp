// The real web::Server on an ephemeral loopback port, over a migrated SQLite file.

#include <atomic>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "running_server.hpp"

namespace casus::e2e {
namespace {

using namespace std::chrono_literals;
using domain::Role;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"De Leyens","housing_type":"corporatie",)"
    R"("reported_on":"2024-03-01","categories":["geluid","zorg"],"summary":"Burenruzie",)"
    R"("address":{"street":"Dorpsstraat","number":"12a","postcode":"2711 AB"}})";

std::size_t StoredCases(RunningServer& running) {
  domain::CaseFilter all;
  all.limit = domain::CaseService::kMaxPageSize;
  return running.cases.List(all).items.size();
}

TEST_CASE("Over HTTP a casus is registered, moved, listed, its history and report read back",
          "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);

  const Response created = client.Post("/api/v1/cases", kCaseBody);
  REQUIRE(created.result() == http::status::created);
  CHECK(Field(created, http::field::location) == "/api/v1/cases/1");
  CHECK(Field(created, http::field::etag) == "\"1\"");
  CHECK(Json(created)["address"]["city"].IsNull());

  Request move{http::verb::post, "/api/v1/cases/1/transitions", 11};
  move.set(http::field::content_type, "application/json; charset=utf-8");
  move.set(http::field::if_match, "\"1\"");
  move.body() = R"({"to":"lopend","on":"2024-03-05"})";
  const Response moved = client.Send(move);
  REQUIRE(moved.result() == http::status::ok);
  CHECK(Field(moved, http::field::etag) == "\"2\"");

  // The same If-Match again is now stale.
  const Response stale = client.Send(move);
  CHECK(stale.result() == http::status::precondition_failed);
  CHECK(Field(stale, http::field::content_type) == "application/problem+json");

  const Response fetched = client.Get("/api/v1/cases/1");
  REQUIRE(fetched.result() == http::status::ok);
  CHECK(std::string(Json(fetched)["state"].GetString()) == "lopend");
  CHECK(Field(fetched, http::field::etag) == "\"2\"");

  const Response listed = client.Get("/api/v1/cases?district=De%20Leyens&state=lopend");
  REQUIRE(listed.result() == http::status::ok);
  CHECK(Json(listed)["items"].Size() == 1);

  const Response history = client.Get("/api/v1/cases/1/history");
  REQUIRE(history.result() == http::status::ok);
  const auto steps = Json(history);
  REQUIRE(steps.IsArray());
  REQUIRE(steps.Size() == 2);
  CHECK(steps[0]["from"].IsNull());
  CHECK(std::string(steps[1]["to"].GetString()) == "lopend");
  CHECK(std::string(steps[1]["recorded_at"].GetString()) == "2025-01-15T12:00:00Z");

  const Response report = client.Get("/api/v1/reports/woonoverlast/2024");
  REQUIRE(report.result() == http::status::ok);
  const auto table = Json(report);
  CHECK(table["totals"]["corporatie"]["lopend"].GetInt() == 1);
  CHECK(table["new_in_year"].GetInt() == 1);

  const Response csv = client.Get("/api/v1/reports/woonoverlast/2024?format=csv");
  REQUIRE(csv.result() == http::status::ok);
  CHECK(Field(csv, http::field::content_type) == "text/csv; charset=utf-8");
  CHECK(csv.body().find("De Leyens,0,0,1,0,0,0,1\n") != std::string::npos);
}

TEST_CASE("Several requests are answered on one kept-alive connection", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  const unsigned short local_port = client.local_port();
  for (int i = 0; i < 5; ++i) {
    const Response response = client.Get("/healthz");
    REQUIRE(response.result() == http::status::ok);
    CHECK(response.keep_alive());
  }
  CHECK(client.Post("/api/v1/cases", kCaseBody).result() == http::status::created);
  CHECK(client.Get("/api/v1/cases/1").result() == http::status::ok);
  CHECK(client.local_port() == local_port);
}

TEST_CASE("Pipelined requests are answered in order", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw(
      "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/cases/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
      running.Token(Role::kWoonoverlast) +
      "\r\n\r\n"
      "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
  CHECK(client.Read().result() == http::status::ok);
  CHECK(client.Read().result() == http::status::not_found);  // no case 1 yet
  CHECK(client.Read().result() == http::status::not_found);
}

TEST_CASE("A client asking to close gets its answer and then the connection closed", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  Request request{http::verb::get, "/healthz", 11};
  request.keep_alive(false);
  const Response response = client.Send(request);
  CHECK(response.result() == http::status::ok);
  CHECK_FALSE(response.keep_alive());
  CHECK(client.WaitForClose(2s).has_value());
}

TEST_CASE("A body over 1 MiB is answered 413 problem+json over the wire and stores nothing",
          "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  const std::string body(1024 * 1024 + 1, ' ');
  client.WriteRaw(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n");
  client.WriteRaw(body);  // the server drains it, so this write does not fail
  const Response response = client.Read();
  REQUIRE(response.result() == http::status::payload_too_large);
  CHECK(Field(response, http::field::content_type) == "application/problem+json");
  CHECK_FALSE(response.keep_alive());
  const auto problem = Json(response);
  CHECK(std::string(problem["type"].GetString()) == "/problems/payload-too-large");
  CHECK(std::string(problem["instance"].GetString()) ==
        "/api/v1/cases#" + std::string(response["X-Request-Id"]));
  CHECK(client.WaitForClose(3s).has_value());
  CHECK(StoredCases(running) == 0);
}

TEST_CASE("A body of exactly 1 MiB is read and judged on its content", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  std::string body = kCaseBody;
  body.append(1024 * 1024 - body.size(), ' ');
  CHECK(client.Post("/api/v1/cases", body).result() == http::status::created);
}

TEST_CASE("A client announcing a too large body with Expect: 100-continue gets 413 at once",
          "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Expect: 100-continue\r\nContent-Length: 5000000\r\n\r\n");
  CHECK(client.Read().result() == http::status::payload_too_large);
}

TEST_CASE("A client announcing an acceptable body with Expect: 100-continue is told to go on",
          "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  const std::string body = kCaseBody;
  client.WriteRaw(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Authorization: Bearer " +
      running.Token(Role::kWoonoverlast) +
      "\r\nExpect: 100-continue\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n");
  CHECK(client.Read().result() == http::status::continue_);
  client.WriteRaw(body);
  CHECK(client.Read().result() == http::status::created);
}

TEST_CASE("A header over 8 KiB is answered 431", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(9000, 'a') +
                  "\r\n\r\n");
  const Response response = client.Read();
  CHECK(response.result() == http::status::request_header_fields_too_large);
  CHECK(Field(response, http::field::content_type) == "application/problem+json");
}

TEST_CASE("Bytes that are not HTTP are answered 400 and the connection closed", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw("HELLO\r\n\r\n");
  const Response response = client.Read();
  CHECK(response.result() == http::status::bad_request);
  CHECK(client.WaitForClose(3s).has_value());
}

// A POST of kCaseBody, framed in chunks, declaring `coding` as its Transfer-Encoding.
std::string ChunkedCasePost(const RunningServer& running, const std::string& coding) {
  std::ostringstream request;
  request << "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
          << running.Token(Role::kWoonoverlast)
          << "\r\nContent-Type: application/json\r\nTransfer-Encoding: " << coding << "\r\n\r\n"
          << std::hex << std::string(kCaseBody).size() << "\r\n"
          << kCaseBody << "\r\n0\r\n\r\n";
  return request.str();
}

TEST_CASE("A body in a transfer coding other than chunked is answered 501 and stores nothing",
          "[e2e]") {
  RunningServer running;
  // "gzip, chunked" was once accepted with the gzip ignored; codings Beast cannot even frame
  // may be 400 instead.
  for (const char* coding : {"gzip, chunked", "gzip", "chunked, chunked", "deflate,chunked"}) {
    CAPTURE(coding);
    HttpClient client = running.Client(Role::kWoonoverlast);
    client.WriteRaw(ChunkedCasePost(running, coding));
    const Response response = client.Read();
    if (std::string(coding) == "gzip, chunked") {
      CHECK(response.result() == http::status::not_implemented);
    } else {
      CHECK((response.result() == http::status::not_implemented ||
             response.result() == http::status::bad_request));
    }
    CHECK(Field(response, http::field::content_type) == "application/problem+json");
    CHECK(client.WaitForClose(3s).has_value());
  }
  CHECK(StoredCases(running) == 0);
}

TEST_CASE("A chunked body is read as the body it frames", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw(ChunkedCasePost(running, "Chunked"));
  CHECK(client.Read().result() == http::status::created);
  CHECK(StoredCases(running) == 1);
}

TEST_CASE("A request in absolute form is served like its origin form", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  REQUIRE(client.Post("/api/v1/cases", kCaseBody).result() == http::status::created);
  const Response absolute = client.Get("http://casus.example:8080/api/v1/cases/1");
  CHECK(absolute.result() == http::status::ok);
  CHECK(absolute.body().find("\"id\":1") != std::string::npos);
  CHECK(client.Get("HTTP://casus.example/healthz").result() == http::status::ok);
}

TEST_CASE("A silent client is cut off by the header timeout", "[e2e]") {
  RunningServer running;  // header_timeout 1 s
  HttpClient client = running.Client(Role::kWoonoverlast);
  const auto closed_after = client.WaitForClose(5s);
  REQUIRE(closed_after.has_value());
  CHECK(*closed_after >= 800ms);
  CHECK(*closed_after < 3s);
}

TEST_CASE("A client sending its header too slowly is cut off by the header timeout", "[e2e]") {
  RunningServer running;
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw("GET /healthz HTTP/1.1\r\n");
  const auto closed_after = client.WaitForClose(5s);
  REQUIRE(closed_after.has_value());
  CHECK(*closed_after < 3s);
}

TEST_CASE("A client that stops sending its body is cut off by the body timeout", "[e2e]") {
  RunningServer running;  // body_timeout 2 s
  HttpClient client = running.Client(Role::kWoonoverlast);
  client.WriteRaw(
      "POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: 100\r\n\r\n{\"kind\":");
  const auto closed_after = client.WaitForClose(6s);
  REQUIRE(closed_after.has_value());
  CHECK(*closed_after < 4s);
  CHECK(StoredCases(running) == 0);
}

TEST_CASE("An idle kept-alive connection is closed after the idle timeout", "[e2e]") {
  RunningServer running;  // idle_timeout 2 s
  HttpClient client = running.Client(Role::kWoonoverlast);
  REQUIRE(client.Get("/healthz").result() == http::status::ok);
  const auto closed_after = client.WaitForClose(6s);
  REQUIRE(closed_after.has_value());
  CHECK(*closed_after >= 1500ms);
  CHECK(*closed_after < 4s);
}

TEST_CASE("A stalled connection does not keep other clients waiting", "[e2e]") {
  RunningServer running;
  HttpClient stalled(running.port);
  stalled.WriteRaw("POST /api/v1/cases HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n{");
  HttpClient other(running.port, {}, 500ms);
  CHECK(other.Get("/healthz").result() == http::status::ok);
}

TEST_CASE("Stop closes idle connections and returns well before the stop timeout", "[e2e]") {
  RunningServer running;
  HttpClient idle(running.port);
  REQUIRE(idle.Get("/healthz").result() == http::status::ok);
  const auto start = std::chrono::steady_clock::now();
  running.server.Stop();
  CHECK(std::chrono::steady_clock::now() - start < 2s);
  CHECK(idle.WaitForClose(1s).has_value());
  CHECK_THROWS(HttpClient(running.port, {}, 500ms));
}

TEST_CASE("Concurrent clients registering at once all get distinct cases", "[e2e]") {
  RunningServer running;
  constexpr int kClients = 8;
  constexpr int kEach = 5;
  std::vector<std::thread> threads;
  std::atomic<int> created{0};
  for (int c = 0; c < kClients; ++c) {
    threads.emplace_back([&] {
      HttpClient client = running.Client(Role::kWoonoverlast);
      for (int i = 0; i < kEach; ++i) {
        if (client.Post("/api/v1/cases", kCaseBody).result() == http::status::created) ++created;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(created == kClients * kEach);
  CHECK(StoredCases(running) == kClients * kEach);
}

}  // namespace
}  // namespace casus::e2e
