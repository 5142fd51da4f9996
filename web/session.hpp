#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "web/asio.hpp"
#include "web/problem.hpp"
#include "web/request_context.hpp"
#include "web/request_pool.hpp"
#include "web/router.hpp"
#include "web/server.hpp"

namespace casus::web {

class Session;

// The live sessions of one server, so that Server::Stop can close idle connections and wait
// for the others, and so that the number of open connections stays under a cap. Thread-safe.
class SessionRegistry {
 public:
  explicit SessionRegistry(std::size_t max_connections) : max_connections_(max_connections) {}

  // Whether one more connection may open: below the cap, or at it once the connection idle
  // longest has been told to close. False when every connection is busy.
  bool Admit();
  // Tells the connection idle longest to close; false when none is idle.
  bool CloseLongestIdle();

  // Counts a session from its construction to its destruction (Remove).
  void Opened();
  // Adds a session; false once stopping, and the caller must then close its connection.
  bool Add(const std::shared_ptr<Session>& session);
  void Remove(const Session* session);

  std::size_t open() const;
  std::size_t max_connections() const { return max_connections_; }

  bool stopping() const { return stopping_.load(); }

  // From now on Add refuses; every live session is told to finish (Session::Shutdown).
  void StopAll();

  // True when every session ended before `deadline`.
  bool WaitUntilEmpty(std::chrono::steady_clock::time_point deadline);

 private:
  const std::size_t max_connections_;
  std::atomic<bool> stopping_{false};
  mutable std::mutex mutex_;
  std::size_t open_ = 0;  // sessions constructed and not yet destroyed
  std::condition_variable empty_;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions_;
};

// One HTTP/1.1 connection: reads requests one at a time with a fresh parser and the
// configured limits, a deadline before every read and write, answers each through the
// Router, and keeps the connection open as long as the response says so.
// All of its work runs on its own strand; Shutdown may be called from any thread.
class Session : public std::enable_shared_from_this<Session> {
 public:
  // Does not own `router`, `options` or `registry`, which must outlive every session.
  // Requests that need the domain run on the pool of their lane, the rest (/healthz, 404,
  // 405) right here.
  Session(tcp::socket&& socket, Router& router, WorkerLanes lanes, const ServerOptions& options,
          SessionRegistry& registry);
  ~Session();

  void Run();

  // Asks the session to end: at once when it waits for a request, after the response when
  // it is handling one.
  void Shutdown();

  // Since when the session has been waiting for a request with nothing read (steady clock
  // ticks); 0 while it reads, handles or writes one.
  std::int64_t idle_since() const { return idle_since_.load(std::memory_order_relaxed); }
  // Closes the connection if it is still waiting for a request with nothing read; a request
  // that has just begun to arrive is served.
  void CloseIfIdle();

 private:
  enum class Phase { kWaiting, kReading, kHandling, kWriting, kClosing };

  void WaitForRequest();
  void OnFirstBytes(beast::error_code error, std::size_t bytes);
  void ReadHeader();
  void OnHeader(beast::error_code error, std::size_t bytes);
  void OnContinueWritten(beast::error_code error, std::size_t bytes);
  void ReadBody();
  void OnBody(beast::error_code error, std::size_t bytes);
  void HandleRequest();
  // Handles `request` on a thread of `pool`, or answers 503 when the pool is full.
  void HandleOn(RequestPool& pool, std::shared_ptr<const Request> request);
  // On a worker: handles `request` and posts the response back to the session's strand.
  void HandleHere(const Request& request);
  // 503: no worker can take `request` now. From any thread.
  void RespondBusy(const Request& request);
  void Respond(Response response);
  // A problem the session answers itself (the request could not be read in full), for `path`,
  // and the connection then closes. `header_read`: the request's header arrived whole, so its
  // forwarding fields may name the client.
  void RespondProblem(const Problem& problem, const std::string& path, bool header_read);
  void OnReadError(beast::error_code error);
  // The request just answered in the metrics and the access log (ServerOptions).
  void RecordRequest();
  void Write(Response response);
  void OnWrite(beast::error_code error, std::size_t bytes);
  // Sends `head` chunked, then the pieces of the body stream its handler left (trace_), each
  // made on a request worker and written before the next is made: the body is never held
  // whole, and a slow reader holds up only its own stream.
  void WriteStreamed(Response head);
  // The head or a piece is written: the next piece, or the end of a failed write.
  void OnStreamPartWritten(beast::error_code error, std::size_t bytes);
  void MakeNextPiece();
  void OnPiece(std::optional<std::string> piece, bool failed);
  void OnStreamEnd(beast::error_code error, std::size_t bytes);
  void Close(bool linger);
  void Drain();
  void OnDrain(beast::error_code error, std::size_t bytes);
  void OnShutdown();

  beast::tcp_stream stream_;
  // The TCP peer's IP address, taken once at the start; each request's client follows from it
  // and the request's forwarding headers (ServerOptions::trusted_proxies).
  std::string peer_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::empty_body> continue_;
  Response response_;
  // While a streamed body is sent (WriteStreamed): its header and serializer, what makes its
  // pieces, the piece being written, and the bytes sent, for the access log.
  std::optional<http::response<http::empty_body>> stream_head_;
  std::optional<http::response_serializer<http::empty_body>> stream_serializer_;
  BodyStream body_stream_;
  std::string piece_;
  std::size_t streamed_bytes_ = 0;
  // The request being handled: its id and client, what the Router learned of it, and when
  // it was read, for the access log; set when a request is read (or refused unread).
  RequestContext context_;
  RequestTrace trace_;
  std::string method_;
  std::chrono::steady_clock::time_point started_{};
  bool linger_after_write_ = false;  // the request was not read completely
  std::size_t drained_ = 0;
  bool first_request_ = true;
  Phase phase_ = Phase::kWaiting;
  std::atomic<std::int64_t> idle_since_{0};  // read from other threads by the registry
  Router& router_;
  WorkerLanes lanes_;
  const ServerOptions& options_;
  SessionRegistry& registry_;
};

}  // namespace casus::web
