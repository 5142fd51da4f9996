#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "web/api_services.hpp"
#include "web/trusted_proxies.hpp"

namespace casus::web {

class Metrics;

// Limits and timeouts of the HTTP server; the defaults suit an internal API behind a proxy.
struct ServerOptions {
  std::string host = "127.0.0.1";  // a numeric IPv4 or IPv6 address to listen on
  unsigned short port = 8080;      // 0: an ephemeral port, returned by Server::Start
  // I/O threads: they parse and write HTTP, and never wait on the database; 0: one per core,
  // since more only take turns on the cores (measured: 2 rather than 4 on 2 cores, +30% GET).
  int threads = 0;
  // `threads`, or the default it stands for.
  int ThreadCount() const;
  // Threads that run the domain and the database for requests; 0: sixteen per core (at least
  // 16). They mostly wait for a commit they share with others, and the requests in flight are
  // what a group commit can gather: with 8 on 2 cores, 16 connections got 30% less through.
  // On a database server (PostgreSQL) every worker holds one of its connections, which all
  // instances share (max_connections, 100 by default): 0 stands for four per core (at least 8).
  int workers = 0;
  bool database_server = false;
  // `workers`, or the default it stands for.
  int WorkerCount() const;
  // Requests queued or running on the workers at most; more are answered 503 at once.
  std::size_t max_pending_requests = 1024;
  // Threads that compute year reports, apart from the workers, so that reports (seconds on a
  // large database when the cache misses) never hold up reads of single casussen; and the
  // report requests queued or running on them at most (more: 503 at once).
  int report_workers = 2;
  std::size_t max_pending_reports = 64;
  // A new connection must deliver a complete request header within this time; so must a
  // kept-alive connection once the first byte of its next request has arrived.
  std::chrono::seconds header_timeout{10};
  // Reading a request body, and writing a response, must each finish within this time.
  std::chrono::seconds body_timeout{30};
  // A kept-alive connection may wait this long for its next request before it is closed.
  std::chrono::seconds idle_timeout{60};
  std::size_t header_limit = 8 * 1024;   // larger headers are answered with 431
  std::size_t body_limit = 1024 * 1024;  // larger bodies are answered with 413
  // Open connections at most; 0: the process's open-file limit (soft RLIMIT_NOFILE) less
  // kReservedDescriptors and the database connections' descriptors. At the cap each new connection
  // closes the connection idle longest (kept alive between requests, or opened and silent); with
  // none idle it is answered 503 and closed, so the server keeps serving instead of running out of
  // descriptors.
  std::size_t max_connections = 0;
  // Descriptors left for logs, the listener, the event loop and a backup's files.
  static constexpr std::size_t kReservedDescriptors = 64;
  // What each database connection holds open: on SQLite the file and its WAL.
  static constexpr std::size_t kDescriptorsPerDatabaseConnection = 2;
  // A database connection for every thread that may hold one at once: the workers, the report
  // workers and the writer.
  std::size_t DatabaseConnections() const;
  // `max_connections`, or the cap it stands for now (at least 16).
  std::size_t ConnectionCap() const;
  // Stop() waits this long for requests in flight before it abandons them.
  std::chrono::seconds stop_timeout{10};
  // The reverse proxies whose X-Forwarded-For or Forwarded names the client (--trusted-proxy):
  // what the audit trail, the access log, the refusal tally and /metrics' loopback check take
  // as the client. None: the TCP peer is the client, and those headers are ignored.
  TrustedProxies trusted_proxies;
  // One line per request answered in the process's log (web/log.hpp): `casus serve` turns it
  // on; in-process servers of the tests leave it off.
  bool access_log = false;
  // Counts requests, their latency, requests in flight and connections; null: not counted.
  // Not owned; must outlive the server.
  Metrics* metrics = nullptr;
};

// The HTTP/1.1 server of the Casus API (see web/router.hpp for what it answers).
//
// Lifecycle: construct, Start (or RunUntilSignal), Stop; the destructor stops a running
// server. A stopped server cannot be started again. Start, Stop and RunUntilSignal may be
// called from different threads, but never from a request being handled (Stop joins the
// threads that run requests).
//
// The server does not own the services, which must outlive it and must tolerate concurrent
// calls from `options.threads` threads.
class Server {
 public:
  Server(ApiServices services, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the I/O threads. Returns the bound port (the ephemeral one when
  // options.port is 0). Throws std::runtime_error when the address cannot be bound. Calling it
  // again while running returns the same port.
  unsigned short Start();

  // Stops accepting, closes idle connections, lets requests in flight finish (their responses
  // carry "Connection: close") for at most options.stop_timeout, then joins the threads.
  // Idempotent; a no-op before Start.
  void Stop();

  // Starts if not started, blocks until SIGINT or SIGTERM (or until Stop is called from
  // another thread), then stops. The signals are caught from before the server listens, and
  // `on_listening`, when given, is called with the bound port once it does (e.g. to print
  // "listening on ..." for scripts that wait for it: a SIGTERM sent after that line is never
  // lost to the default action).
  //
  // With `on_reload`, SIGHUP is caught too and calls it (on the thread running this, one call
  // at a time), and the server goes on; without, SIGHUP keeps its default action.
  void RunUntilSignal(const std::function<void(unsigned short port)>& on_listening = {},
                      const std::function<void()>& on_reload = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace casus::web
