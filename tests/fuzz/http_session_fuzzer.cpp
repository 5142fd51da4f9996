// libFuzzer target: raw request bytes through the real HTTP server -- Beast's parser, the
// session's limits and timeouts, the worker lanes and the Router -- on in-memory services,
// over a loopback connection. Each input is written on a new connection, which is then
// half-closed; the server must answer (or close) within 5 s, and never with a 500. A hang, a
// 500, a crash or a sanitizer report is a finding.
//
// The server runs with small limits (a 4 KiB header, an 8 KiB body) so that inputs of the
// fuzzer's usual length reach the 413 and 431 paths too.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "fuzz_services.hpp"
#include "web/server.hpp"

namespace {

struct Fixture {
  std::unique_ptr<casus::web::Server> server;
  std::unique_ptr<casus::fuzz::FuzzServices> services;
  unsigned short port = 0;
  int runs = 0;

  // Fresh services (and a server on them) now and then, so that what POSTs add does not grow
  // without bound.
  unsigned short Next() {
    if (!server || ++runs % 20000 == 0) {
      server.reset();
      services = std::make_unique<casus::fuzz::FuzzServices>();
      casus::web::ServerOptions options;
      options.port = 0;
      options.threads = 1;
      // One worker: the in-memory fakes are not thread-safe, and one input is one request at
      // a time anyway.
      options.workers = 1;
      options.report_workers = 1;
      options.header_limit = 4 * 1024;
      options.body_limit = 8 * 1024;
      options.header_timeout = std::chrono::seconds(2);
      options.body_timeout = std::chrono::seconds(2);
      options.idle_timeout = std::chrono::seconds(2);
      server = std::make_unique<casus::web::Server>(services->Api(), options);
      port = server->Start();
    }
    return port;
  }
};

[[noreturn]] void Finding(const char* what, const std::string& received) {
  std::fprintf(stderr, "%s\n--- received ---\n%s\n", what, received.c_str());
  std::abort();
}

// libFuzzer's -timeout watchdog is a periodic SIGALRM, so any blocking call here may return
// EINTR (a CI run once failed on exactly that). An interrupted connect() goes on in the
// background: wait for it to finish and read its outcome instead of calling connect() again.
bool Connect(int fd, const sockaddr_in& address) {
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) return true;
  if (errno != EINTR) return false;
  pollfd watched{fd, POLLOUT, 0};
  int ready;
  do ready = ::poll(&watched, 1, 5000);
  while (ready < 0 && errno == EINTR);
  if (ready <= 0) {
    if (ready == 0) errno = ETIMEDOUT;
    return false;
  }
  int error = 0;
  socklen_t length = sizeof error;
  if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) return false;
  errno = error;
  return error == 0;
}

// The status codes of the responses in `received`, read from their status lines only: a body
// may quote the request back ("unknown field 'address.numHTTP/1.0 500postcode'", a CI run
// once stopped on that), so a search for "HTTP/1.1 500" anywhere would report echoes as 500s.
// The server always frames with Content-Length; a tail that cannot be framed ends the walk.
bool AnyStatus500(const std::string& received) {
  std::size_t at = 0;
  while (at + 12 <= received.size() && received.compare(at, 5, "HTTP/") == 0) {
    if (received.compare(at + 8, 4, " 500") == 0) return true;
    const std::size_t head_end = received.find("\r\n\r\n", at);
    if (head_end == std::string::npos) break;
    std::size_t body_length = 0;
    static constexpr char kLength[] = "\r\nContent-Length: ";
    const std::size_t length_at = received.find(kLength, at);
    if (length_at != std::string::npos && length_at < head_end) {
      body_length = std::strtoul(received.c_str() + length_at + sizeof kLength - 1, nullptr, 10);
    }
    at = head_end + 4 + body_length;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static Fixture* const fixture = new Fixture();  // lives for the run
  const unsigned short port = fixture->Next();

  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) Finding("socket() failed", {});
  timeval timeout{5, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
  // Each connection from the next of 250 loopback source addresses: this client closes first,
  // so every connection leaves a socket in TIME_WAIT for a minute, and at a thousand a second
  // one source address runs out of ephemeral ports (a four-minute run did, and could no
  // longer connect).
  static std::uint32_t connections = 0;
  sockaddr_in source{};
  source.sin_family = AF_INET;
  source.sin_addr.s_addr = htonl(INADDR_LOOPBACK + 1 + connections++ % 250);
  if (::bind(fd, reinterpret_cast<const sockaddr*>(&source), sizeof source) != 0) {
    Finding((std::string("no loopback source address: ") + std::strerror(errno)).c_str(), {});
  }
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (!Connect(fd, address)) {
    Finding((std::string("no connection to the server: ") + std::strerror(errno)).c_str(), {});
  }
  // The server may answer and close before it has read everything (a header over the limit):
  // a failed send is not a finding, a missing answer is.
  std::size_t sent = 0;
  while (sent < size) {
    const ssize_t n = ::send(fd, data + sent, size - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);

  std::string received;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n > 0) {
      received.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      Finding("no answer and no close within 5 s", received);
    }
    break;  // closed, or reset after a refusal
  }
  ::close(fd);
  if (AnyStatus500(received)) Finding("the server answered 500", received);
  return 0;
}
