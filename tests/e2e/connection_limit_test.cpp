// The real casus binary under the common open-file limit of 1,024, flooded with idle
// connections: a new client is still served.

#include <chrono>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "http_client.hpp"
#include "running_server.hpp"
#include "serve_process.hpp"
#include "temp_path.hpp"

namespace casus::e2e {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

constexpr int kIdleConnections = 2000;

// A connection that is opened and then never used, like a client that went away without
// closing, or an attacker's.
class IdleConnection {
 public:
  explicit IdleConnection(unsigned short port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    REQUIRE(fd_ >= 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Completes in the kernel's backlog whether or not the server has accepted it yet.
    REQUIRE(::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
  }
  ~IdleConnection() {
    if (fd_ >= 0) ::close(fd_);
  }
  IdleConnection(IdleConnection&& other) noexcept : fd_(other.fd_) { other.fd_ = -1; }
  IdleConnection(const IdleConnection&) = delete;
  IdleConnection& operator=(const IdleConnection&) = delete;
  IdleConnection& operator=(IdleConnection&&) = delete;

  // Whether the server has closed it (end of stream or a reset), waiting at most `limit`.
  bool ClosedByServer(std::chrono::milliseconds limit) const {
    pollfd poll_fd{fd_, POLLIN, 0};
    if (::poll(&poll_fd, 1, static_cast<int>(limit.count())) <= 0) return false;
    char byte = 0;
    return ::recv(fd_, &byte, 1, MSG_DONTWAIT) <= 0;
  }

 private:
  int fd_;
};

// This test process holds 2,000 sockets of its own: raise its soft limit to the hard one.
void AllowManyDescriptors() {
  rlimit limit{};
  REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
  limit.rlim_cur = limit.rlim_max;
  REQUIRE(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
  INFO("the test needs a hard open-file limit above 2,100; this machine allows " << limit.rlim_max);
  REQUIRE(limit.rlim_cur > kIdleConnections + 100);
}

// Floods `casus serve <cap_arguments>` under `ulimit -n 1024` with idle connections; checks that
// a new client is served within 3 s and that the server made room by closing the oldest.
void ServedDespiteIdleFlood(const std::string& cap_arguments) {
  AllowManyDescriptors();
  TempDatabaseLocation db;
  const std::string token = CreateToken(db.path(), "connections", "woonoverlast");
  // `ulimit -n` sets the soft and the hard limit, so the server cannot raise it past 1,024.
  ServeProcess serve("/bin/sh", {"-c",
                                 "ulimit -n 1024 && exec \"$0\" serve --db \"$1\" "
                                 "--listen 127.0.0.1:0 " +
                                     cap_arguments,
                                 CASUS_BINARY, db.path()});

  std::vector<IdleConnection> idle;
  idle.reserve(kIdleConnections);
  for (int i = 0; i < kIdleConnections; ++i) idle.emplace_back(serve.port);

  // Well inside the header timeout (10 s) that would otherwise free descriptors at last.
  const auto start = Clock::now();
  HttpClient health(serve.port, {}, 3s);
  CHECK(health.Get("/healthz").result() == http::status::ok);
  HttpClient client(serve.port, token, 3s);
  CHECK(client.Get("/api/v1/cases").result() == http::status::ok);
  CHECK(Clock::now() - start < 3s);

  // The server made room by closing the connections idle longest: the first ones opened.
  CHECK(idle.front().ClosedByServer(2s));
  CHECK(serve.process.Wait(0ms) == std::nullopt);  // and it is still running
}

TEST_CASE(
    "Two thousand idle connections under ulimit -n 1024 do not keep a new client from being served",
    "[e2e][write_path]") {
  // The cap the server works out leaves room for its database connections' descriptors.
  ServedDespiteIdleFlood("");
}

TEST_CASE("Out of descriptors below the connection cap the server closes idle connections",
          "[e2e][write_path]") {
  // A cap the descriptors cannot reach: accept fails (EMFILE) first, and each failure closes
  // an idle connection and accepts again at once, working through the backlog of 2,000.
  ServedDespiteIdleFlood("--max-connections 1000");
}

web::ServerOptions CappedAt(std::size_t connections) {
  web::ServerOptions options = ShortTimeouts();
  options.max_connections = connections;
  options.header_timeout = 5s;
  return options;
}

TEST_CASE("At the connection cap a new client closes the connection idle longest",
          "[e2e][write_path]") {
  RunningServer running(CappedAt(4));
  std::vector<IdleConnection> idle;
  for (int i = 0; i < 4; ++i) {
    idle.emplace_back(running.port);
    std::this_thread::sleep_for(20ms);  // accepted one after another: the first is oldest
  }
  HttpClient health(running.port, {}, 3s);
  CHECK(health.Get("/healthz").result() == http::status::ok);
  CHECK(idle[0].ClosedByServer(2s));
  CHECK_FALSE(idle[3].ClosedByServer(200ms));
}

TEST_CASE("At the connection cap with every connection busy a new client gets 503 at once",
          "[e2e][write_path]") {
  RunningServer running(CappedAt(2));
  // Two clients in the middle of sending a request: busy, not idle.
  HttpClient first(running.port, {}, 3s);
  HttpClient second(running.port, {}, 3s);
  first.WriteRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  second.WriteRaw("GET /healthz HTTP/1.1\r\nHost: x\r\n");
  std::this_thread::sleep_for(200ms);

  HttpClient third(running.port, {}, 3s);
  const Response refused = third.Read();
  CHECK(refused.result() == http::status::service_unavailable);
  CHECK(refused[http::field::content_type] == "application/problem+json");
  CHECK(refused[http::field::retry_after] == "1");
  CHECK(third.WaitForClose(2s).has_value());

  // The busy ones are served once they finish their requests.
  first.WriteRaw("\r\n");
  CHECK(first.Read().result() == http::status::ok);
}

}  // namespace
}  // namespace casus::e2e
