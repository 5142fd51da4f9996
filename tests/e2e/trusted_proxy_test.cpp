// casus serve behind a reverse proxy on this machine: with --trusted-proxy, the client a
// request's X-Forwarded-For names is the one the audit trail, the access log and /metrics'
// loopback check see; without it, the header is ignored and the client is the peer.

#include <chrono>
#include <csignal>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "casus_command.hpp"
#include "running_server.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

constexpr const char* kOutsideClient = "203.0.113.7";

// `casus serve` on an ephemeral loopback port with `extra` options.
std::vector<std::string> ServeArguments(const std::string& db, std::vector<std::string> extra) {
  std::vector<std::string> arguments{"serve", "--db", db, "--listen", "127.0.0.1:0"};
  arguments.insert(arguments.end(), extra.begin(), extra.end());
  return arguments;
}

// GET `target`, as a proxy would forward it for `forwarded_for` (none: not forwarded).
Response Get(HttpClient& client, const std::string& target, const std::string& forwarded_for,
             const std::string& request_id) {
  Request request{http::verb::get, target, 11};
  if (!forwarded_for.empty()) request.set("X-Forwarded-For", forwarded_for);
  request.set("X-Request-Id", request_id);
  return client.Send(std::move(request));
}

// The clients of the audit rows that `filter` selects, read with `casus audit list`.
std::vector<std::string> AuditedClients(const std::string& db, const std::string& filter) {
  const CommandRun listed =
      RunCasus("", "audit list --format json " + filter + " --db '" + db + "'");
  INFO(listed.out);
  REQUIRE(listed.exit_code == 0);
  rapidjson::Document page;
  page.Parse(listed.out.c_str(), listed.out.size());
  REQUIRE_FALSE(page.HasParseError());
  std::vector<std::string> clients;
  for (const auto& item : page["items"].GetArray()) clients.push_back(item["client"].GetString());
  return clients;
}

// The client the access log names for the request with `request_id`.
std::string LoggedClient(ServeProcess& serve, const std::string& request_id) {
  while (const auto line = serve.process.WaitForLine("{", std::chrono::seconds(10))) {
    if (line->find("\"request_id\":\"" + request_id + "\"") == std::string::npos) continue;
    rapidjson::Document record;
    record.Parse(line->c_str(), line->size());
    REQUIRE_FALSE(record.HasParseError());
    return record["client"].GetString();
  }
  FAIL("no access log line for request " << request_id);
  return {};
}

TEST_CASE("Behind a trusted proxy the audit row and the access log name the forwarded client",
          "[e2e][trusted_proxy]") {
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "alice", "woonoverlast");
  ServeProcess serve(CASUS_BINARY, ServeArguments(db.path(), {"--trusted-proxy", "127.0.0.1/32"}));
  HttpClient client(serve.port, token);
  // A client that prepends an address of its own stays itself: the proxy appended the rest.
  const Response listed =
      Get(client, "/api/v1/cases", std::string("198.51.100.99, ") + kOutsideClient, "proxied-1");
  REQUIRE(listed.result() == http::status::ok);
  CHECK(LoggedClient(serve, "proxied-1") == kOutsideClient);
  CHECK(AuditedClients(db.path(), "--token alice") == std::vector<std::string>{kOutsideClient});
}

TEST_CASE("Without --trusted-proxy X-Forwarded-For is ignored and the peer is the client",
          "[e2e][trusted_proxy]") {
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "alice", "woonoverlast");
  ServeProcess serve(db.path());
  HttpClient client(serve.port, token);
  REQUIRE(Get(client, "/api/v1/cases", kOutsideClient, "direct-1").result() == http::status::ok);
  CHECK(LoggedClient(serve, "direct-1") == "127.0.0.1");
  CHECK(AuditedClients(db.path(), "--token alice") == std::vector<std::string>{"127.0.0.1"});
}

TEST_CASE("Refusals of a forwarded client are tallied under that client, not the proxy",
          "[e2e][trusted_proxy]") {
  TempDatabaseLocation db;
  ServeProcess serve(CASUS_BINARY, ServeArguments(db.path(), {"--trusted-proxy", "127.0.0.1"}));
  HttpClient client(serve.port, "not-a-token");
  REQUIRE(Get(client, "/api/v1/cases", kOutsideClient, "refused-1").result() ==
          http::status::unauthorized);
  // The tally is written when its minute is over, or at the latest when serve stops.
  serve.process.Signal(SIGTERM);
  REQUIRE(serve.process.Wait(std::chrono::seconds(20)).has_value());
  CHECK(AuditedClients(db.path(), "--result unauthenticated") ==
        std::vector<std::string>{kOutsideClient});
}

TEST_CASE("/metrics is hidden from an outside client a trusted proxy on this machine forwards",
          "[e2e][trusted_proxy][metrics]") {
  TempDatabaseLocation db;
  ServeProcess serve(CASUS_BINARY, ServeArguments(db.path(), {"--trusted-proxy", "127.0.0.1"}));
  HttpClient client(serve.port);
  CHECK(Get(client, "/metrics", kOutsideClient, "metrics-1").result() == http::status::not_found);
  // The proxy's own requests, and a local client's through it, are local.
  CHECK(Get(client, "/metrics", "", "metrics-2").result() == http::status::ok);
  CHECK(Get(client, "/metrics", "127.0.0.1", "metrics-3").result() == http::status::ok);

  // Without a trusted proxy the header changes nothing: the peer is local.
  TempDatabaseLocation other;
  ServeProcess direct(other.path());
  HttpClient direct_client(direct.port);
  CHECK(Get(direct_client, "/metrics", kOutsideClient, "metrics-4").result() == http::status::ok);
}

}  // namespace
}  // namespace casus::e2e
