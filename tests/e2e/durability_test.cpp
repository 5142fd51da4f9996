// The real casus binary: a committed registration survives kill -9.

#include <csignal>
#include <string>

#include <sys/wait.h>

#include <catch2/catch.hpp>

#include "child_process.hpp"
#include "http_client.hpp"
#include "temp_path.hpp"

#ifndef CASUS_BINARY
#error "CASUS_BINARY must name the casus executable (see tests/e2e/CMakeLists.txt)"
#endif

namespace casus::e2e {
namespace {

using namespace std::chrono_literals;

constexpr const char* kListeningPrefix = "listening on http://127.0.0.1:";
constexpr auto kStartTimeout = 20s;

constexpr const char* kCaseBody =
    R"({"kind":"woonoverlast","district":"Centrum","housing_type":"koop",)"
    R"("reported_on":"2024-03-01","categories":["geluid"],"summary":"Harde muziek"})";

// `casus token create` for `db_path`: the token it prints alone on its last line.
std::string CreateToken(const std::string& db_path, const std::string& name,
                        const std::string& role) {
  ChildProcess create(CASUS_BINARY,
                      {"token", "create", "--db", db_path, "--name", name, "--role", role});
  std::string last;
  while (const auto line = create.WaitForLine("", kStartTimeout)) last = *line;
  const auto status = create.Wait(10s);
  REQUIRE(status.has_value());
  REQUIRE(WIFEXITED(*status));
  REQUIRE(WEXITSTATUS(*status) == 0);
  REQUIRE_FALSE(last.empty());
  REQUIRE(last.find(' ') == std::string::npos);
  return last;
}

// `casus serve` on an ephemeral loopback port; the port is read from its "listening on" line.
struct ServeProcess {
  explicit ServeProcess(const std::string& db_path)
      : process(CASUS_BINARY, {"serve", "--db", db_path, "--listen", "127.0.0.1:0"}) {
    const auto line = process.WaitForLine(kListeningPrefix, kStartTimeout);
    REQUIRE(line.has_value());
    port =
        static_cast<unsigned short>(std::stoi(line->substr(std::string(kListeningPrefix).size())));
    REQUIRE(port != 0);
  }

  ChildProcess process;
  unsigned short port = 0;
};

TEST_CASE("A registered casus survives kill -9 of the server", "[e2e][durability]") {
  TempDatabasePath db;
  const std::string token = CreateToken(db.path(), "durability", "woonoverlast");
  std::string created_body;
  {
    ServeProcess serve(db.path());
    HttpClient client(serve.port, token);
    const Response created = client.Post("/api/v1/cases", kCaseBody);
    REQUIRE(created.result() == http::status::created);
    CHECK(created[http::field::location] == "/api/v1/cases/1");
    created_body = created.body();
    serve.process.Signal(SIGKILL);
    const auto status = serve.process.Wait(10s);
    REQUIRE(status.has_value());
    CHECK(WIFSIGNALED(*status));
  }
  ServeProcess again(db.path());
  HttpClient client(again.port, token);
  const Response fetched = client.Get("/api/v1/cases/1");
  REQUIRE(fetched.result() == http::status::ok);
  CHECK(fetched.body() == created_body);
  // The token outlived the kill too, and is still the only way in.
  CHECK(HttpClient(again.port).Get("/api/v1/cases/1").result() == http::status::unauthorized);
}

TEST_CASE("casus serve stops cleanly on SIGTERM", "[e2e][durability]") {
  TempDatabasePath db;
  ServeProcess serve(db.path());
  {
    HttpClient client(serve.port);
    REQUIRE(client.Get("/healthz").result() == http::status::ok);
    serve.process.Signal(SIGTERM);  // with this connection still open and idle
    CHECK(serve.process.WaitForLine("stopped", 10s).has_value());
  }
  const auto status = serve.process.Wait(10s);
  REQUIRE(status.has_value());
  CHECK(WIFEXITED(*status));
  CHECK(WEXITSTATUS(*status) == 0);
}

}  // namespace
}  // namespace casus::e2e
