#include "web/session.hpp"

#include <algorithm>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

#include "web/fail.hpp"
#include "web/log.hpp"
#include "web/metrics.hpp"
#include "web/problem.hpp"
#include "web/query_string.hpp"
#include "web/text.hpp"

namespace casus::web {

namespace {

using Clock = std::chrono::steady_clock;

// Bytes asked for while waiting for the first byte of a request.
constexpr std::size_t kFirstReadBytes = 4096;
// After refusing a request that was not read completely, the rest is read and discarded for
// at most this long (and this much) before closing: closing a socket with unread input makes
// the kernel send a reset, which can destroy the refusal before the client has read it.
constexpr std::chrono::seconds kLingerTimeout{2};
constexpr std::size_t kMaxLingerBytes = 8 * 1024 * 1024;
// How long a streamed body waits before asking again for a worker to make its next piece.
constexpr std::chrono::milliseconds kPieceRetryDelay{10};

bool IsParseError(beast::error_code error) {
  return error.category() == http::make_error_code(http::error::bad_target).category();
}

// The peer's IP address; "unknown" when the connection is gone already.
std::string PeerAddress(const tcp::socket& socket) {
  beast::error_code error;
  const tcp::endpoint peer = socket.remote_endpoint(error);
  return error ? "unknown" : peer.address().to_string();
}

// The client of `request` from `peer`, as the trusted proxies (ServerOptions) make it out:
// the peer itself unless it is one of them.
std::string ClientOf(const TrustedProxies& proxies, const std::string& peer,
                     const Request& request) {
  if (proxies.empty()) return peer;
  const auto values = [&request](std::string_view name) {
    std::vector<std::string_view> found;
    const auto [first, last] = request.equal_range(beast::string_view(name.data(), name.size()));
    for (auto field = first; field != last; ++field) found.push_back(ToStd(field->value()));
    return found;
  };
  return proxies.ClientOf(peer, values("X-Forwarded-For"), values("Forwarded"));
}

bool ExpectsContinue(const Request& request) {
  return beast::iequals(request[http::field::expect], "100-continue");
}

// No Transfer-Encoding, or exactly the one coding Casus decodes: "chunked" (in any case, with
// optional whitespace). Anything else -- gzip, "gzip, chunked", two chunked -- is not.
bool IsSupportedTransferEncoding(const Request& request) {
  const auto fields = request.equal_range(http::field::transfer_encoding);
  if (fields.first == fields.second) return true;
  if (std::next(fields.first) != fields.second) return false;
  const std::string_view coding = TrimWhitespace(ToStd(fields.first->value()));
  return beast::iequals(beast::string_view(coding.data(), coding.size()), "chunked");
}

}  // namespace

bool SessionRegistry::Admit() {
  {
    std::lock_guard lock(mutex_);
    if (open_ < max_connections_) return true;
  }
  // The new connection takes the place of the idle one; until that one has closed, the
  // count is one over the cap, which the reserved descriptors cover.
  return CloseLongestIdle();
}

bool SessionRegistry::CloseLongestIdle() {
  std::shared_ptr<Session> longest;
  {
    std::lock_guard lock(mutex_);
    std::int64_t oldest = 0;
    for (const auto& [key, weak] : sessions_) {
      const std::int64_t since = key->idle_since();
      if (since == 0 || (oldest != 0 && since >= oldest)) continue;
      if (auto session = weak.lock()) {
        oldest = since;
        longest = std::move(session);
      }
    }
  }
  if (!longest) return false;
  longest->CloseIfIdle();
  return true;
}

void SessionRegistry::Opened() {
  std::lock_guard lock(mutex_);
  ++open_;
}

std::size_t SessionRegistry::open() const {
  std::lock_guard lock(mutex_);
  return open_;
}

bool SessionRegistry::Add(const std::shared_ptr<Session>& session) {
  std::lock_guard lock(mutex_);
  if (stopping_) return false;
  sessions_.emplace(session.get(), session);
  return true;
}

void SessionRegistry::Remove(const Session* session) {
  std::lock_guard lock(mutex_);
  --open_;
  if (sessions_.erase(session) > 0 && sessions_.empty()) empty_.notify_all();
}

void SessionRegistry::StopAll() {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    for (const auto& [key, weak] : sessions_) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (const auto& session : live) session->Shutdown();
}

bool SessionRegistry::WaitUntilEmpty(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(mutex_);
  return empty_.wait_until(lock, deadline, [this] { return sessions_.empty(); });
}

Session::Session(tcp::socket&& socket, Router& router, WorkerLanes lanes,
                 const ServerOptions& options, SessionRegistry& registry)
    : stream_(std::move(socket)),
      peer_(PeerAddress(stream_.socket())),
      router_(router),
      lanes_(lanes),
      options_(options),
      registry_(registry) {
  registry_.Opened();
  if (options_.metrics != nullptr) options_.metrics->ConnectionOpened();
}

Session::~Session() {
  if (options_.metrics != nullptr) options_.metrics->ConnectionClosed();
  registry_.Remove(this);
}

void Session::Run() {
  // The acceptor hands over the socket on its own strand; all our work runs on ours.
  net::dispatch(stream_.get_executor(), [self = shared_from_this()] {
    if (!self->registry_.Add(self)) return;  // the server is stopping: just close
    self->WaitForRequest();
  });
}

void Session::Shutdown() {
  net::post(stream_.get_executor(), [self = shared_from_this()] { self->OnShutdown(); });
}

void Session::CloseIfIdle() {
  // Claimed at once, so that the next connection over the cap picks another idle one.
  idle_since_.store(0, std::memory_order_relaxed);
  net::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->phase_ == Phase::kWaiting) self->stream_.cancel();
  });
}

void Session::OnShutdown() {
  // A session between requests can go at once; one in the middle of a request finishes it
  // (its response will say Connection: close) within the server's stop timeout.
  if (phase_ == Phase::kWaiting) stream_.cancel();
}

void Session::WaitForRequest() {
  phase_ = Phase::kWaiting;
  if (registry_.stopping()) return Close(false);
  // Pipelined bytes of the next request may already be buffered.
  if (buffer_.size() > 0) return ReadHeader();
  // A new connection gets the header timeout for its first request; a kept-alive one may
  // idle longer, and the header timeout starts with the first byte of its next request.
  stream_.expires_after(first_request_ ? options_.header_timeout : options_.idle_timeout);
  idle_since_.store(std::max<std::int64_t>(1, Clock::now().time_since_epoch().count()),
                    std::memory_order_relaxed);
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                          beast::bind_front_handler(&Session::OnFirstBytes, shared_from_this()));
}

void Session::OnFirstBytes(beast::error_code error, std::size_t bytes) {
  idle_since_.store(0, std::memory_order_relaxed);
  if (error == net::error::eof) return Close(false);
  // An idle connection timing out is routine, not worth a log line.
  if (error == beast::error::timeout) return;
  if (error) return Fail(error, "wait for request");
  buffer_.commit(bytes);
  ReadHeader();
}

void Session::ReadHeader() {
  phase_ = Phase::kReading;
  first_request_ = false;
  // A fresh parser per message: its limits and state must not carry over.
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
  parser_->body_limit(options_.body_limit);
  stream_.expires_after(options_.header_timeout);
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
}

void Session::OnHeader(beast::error_code error, std::size_t) {
  if (error) return OnReadError(error);
  if (!IsSupportedTransferEncoding(parser_->get())) {
    // RFC 9112 6.1: a server that does not understand a transfer coding answers 501. Beast
    // would decode the chunked framing and hand on a still gzip-coded body as if it were
    // plain; and the body cannot be skipped, so the connection closes after the answer.
    return RespondProblem(
        ProblemFor(ProtocolError::kUnsupportedCoding,
                   "only Transfer-Encoding: chunked is supported; send the body as is, with "
                   "Content-Length or chunked"),
        std::string(SplitTarget(ToStd(parser_->get().target())).path), /*header_read=*/true);
  }
  if (parser_->is_done()) return HandleRequest();
  if (ExpectsContinue(parser_->get())) {
    // The client waits for our go-ahead before it sends the body (the size is acceptable,
    // or the parser would have refused the header).
    continue_ = http::response<http::empty_body>{http::status::continue_, 11};
    stream_.expires_after(options_.body_timeout);
    return http::async_write(
        stream_, continue_,
        beast::bind_front_handler(&Session::OnContinueWritten, shared_from_this()));
  }
  ReadBody();
}

void Session::OnContinueWritten(beast::error_code error, std::size_t) {
  if (error) return Fail(error, "write 100 Continue");
  ReadBody();
}

void Session::ReadBody() {
  stream_.expires_after(options_.body_timeout);
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&Session::OnBody, shared_from_this()));
}

void Session::OnBody(beast::error_code error, std::size_t) {
  if (error) return OnReadError(error);
  HandleRequest();
}

void Session::OnReadError(beast::error_code error) {
  if (error == http::error::end_of_stream) return Close(false);
  // The start line may have been read even when the header as a whole was refused (a
  // Content-Length over the limit is refused at the end of the header); then it names the
  // instance, otherwise the problem has none.
  const std::string path =
      parser_ ? std::string(SplitTarget(ToStd(parser_->get().target())).path) : std::string();
  std::optional<Problem> problem;
  if (error == http::error::body_limit) {
    problem =
        ProblemFor(ProtocolError::kPayloadTooLarge,
                   "the request body exceeds " + std::to_string(options_.body_limit) + " bytes");
  } else if (error == http::error::header_limit) {
    problem = ProblemFor(
        ProtocolError::kHeaderTooLarge,
        "the request header exceeds " + std::to_string(options_.header_limit) + " bytes");
  } else if (IsParseError(error) && error != http::error::partial_message) {
    problem = ProblemFor(ProtocolError::kMalformedMessage,
                         "the request is not valid HTTP/1.1: " + error.message());
  }
  if (!problem) return Fail(error, "read request");  // timeout, reset, ...: just let go
  // A body over the limit is refused once the whole header is in; the other refusals may
  // have cut the header short, before the fields our proxy added: those are not believed.
  RespondProblem(*problem, path, /*header_read=*/error == http::error::body_limit);
}

void Session::RespondProblem(const Problem& problem, const std::string& path, bool header_read) {
  // What of the request was read names it: its id and method, when the start line and the
  // header got that far.
  // A proxy's request whose header was cut short is from a client it did not get to name.
  std::string client = parser_ && header_read
                           ? ClientOf(options_.trusted_proxies, peer_, parser_->get())
                           : (options_.trusted_proxies.Contains(peer_) ? "unknown" : peer_);
  context_ = {std::move(client), parser_ ? RequestIdOf(parser_->get()) : NewRequestId()};
  trace_ = {};
  method_ = parser_ ? std::string(ToStd(parser_->get().method_string())) : "-";
  if (method_.empty()) method_ = "-";
  started_ = Clock::now();
  if (options_.metrics != nullptr) options_.metrics->RequestStarted();
  linger_after_write_ = true;
  Response response = ProblemResponse(problem, context_.Instance(path), 11, /*keep_alive=*/false);
  response.set("X-Request-Id", context_.request_id);
  Write(std::move(response));
}

void Session::HandleRequest() {
  phase_ = Phase::kHandling;
  auto request = std::make_shared<const Request>(parser_->release());
  // Per request: a proxy may forward the requests of many clients over one connection.
  context_ = {ClientOf(options_.trusted_proxies, peer_, *request), RequestIdOf(*request)};
  trace_ = {};
  trace_.streams = request->version() >= 11;  // chunked needs HTTP/1.1
  method_ = std::string(ToStd(request->method_string()));
  started_ = Clock::now();
  if (options_.metrics != nullptr) options_.metrics->RequestStarted();
  const Lane lane = Router::LaneOf(*request);
  if (lane == Lane::kIoThread) return Respond(router_.Handle(*request, context_, &trace_));
  if (lane == Lane::kWorker) return HandleOn(lanes_.requests, std::move(request));
  // A report already computed is answered as fast as a casus is read, so on a request worker;
  // only a report still to compute waits for a report worker.
  const bool posted = lanes_.requests.TryPost([self = shared_from_this(), request] {
    if (!self->router_.AnswersAtOnce(*request))
      return self->HandleOn(self->lanes_.reports, request);
    self->HandleHere(*request);
  });
  if (!posted) RespondBusy(*request);
}

void Session::HandleOn(RequestPool& pool, std::shared_ptr<const Request> request) {
  // The domain may wait on the database: on a worker, and back on this session's strand.
  const bool posted =
      pool.TryPost([self = shared_from_this(), request] { self->HandleHere(*request); });
  if (!posted) RespondBusy(*request);
}

void Session::HandleHere(const Request& request) {
  // The strand leaves context_ and trace_ alone until the response is posted back to it.
  Response response = router_.Handle(request, context_, &trace_);
  net::post(stream_.get_executor(),
            [self = shared_from_this(), response = std::move(response)]() mutable {
              self->Respond(std::move(response));
            });
}

void Session::RespondBusy(const Request& request) {
  const std::string path(SplitTarget(ToStd(request.target())).path);
  Response response =
      ProblemResponse(ProblemFor(domain::DomainError(
                          domain::ErrorCode::kUnavailable,
                          "the server is handling too many requests; try again in a moment")),
                      context_.Instance(path), request.version(), request.keep_alive());
  response.set("X-Request-Id", context_.request_id);
  // From a worker too (a report request handed on to a full report lane): back on the strand.
  net::post(stream_.get_executor(),
            [self = shared_from_this(), response = std::move(response)]() mutable {
              self->Respond(std::move(response));
            });
}

void Session::Respond(Response response) {
  if (registry_.stopping()) response.keep_alive(false);
  if (trace_.body_stream && response.result() == http::status::ok) {
    return WriteStreamed(std::move(response));
  }
  Write(std::move(response));
}

void Session::Write(Response response) {
  phase_ = Phase::kWriting;
  streamed_bytes_ = 0;
  response_ = std::move(response);
  stream_.expires_after(options_.body_timeout);
  http::async_write(stream_, response_,
                    beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
}

void Session::OnWrite(beast::error_code error, std::size_t) {
  RecordRequest();
  if (error) return Fail(error, "write response");
  // Keep-alive is decided by the response just sent.
  if (response_.need_eof()) return Close(linger_after_write_);
  response_ = {};
  WaitForRequest();
}

void Session::WriteStreamed(Response head) {
  phase_ = Phase::kWriting;
  streamed_bytes_ = 0;
  body_stream_ = std::move(trace_.body_stream);
  trace_.body_stream = nullptr;
  // What the access log, the metrics and keep-alive read; the body goes out in chunks.
  response_ = Response{head.result(), head.version()};
  response_.keep_alive(head.keep_alive());
  response_.chunked(true);  // so that need_eof() follows keep-alive, as for the head sent
  stream_head_.emplace(std::move(head.base()));
  stream_head_->erase(http::field::content_length);
  stream_head_->chunked(true);
  stream_serializer_.emplace(*stream_head_);
  stream_.expires_after(options_.body_timeout);
  http::async_write_header(
      stream_, *stream_serializer_,
      beast::bind_front_handler(&Session::OnStreamPartWritten, shared_from_this()));
}

void Session::OnStreamPartWritten(beast::error_code error, std::size_t) {
  if (error) {
    RecordRequest();
    return Fail(error, "write response");
  }
  MakeNextPiece();
}

void Session::MakeNextPiece() {
  // The piece may read the database: on a worker, and back on this session's strand.
  const bool posted = lanes_.requests.TryPost([self = shared_from_this()] {
    std::optional<std::string> piece;
    bool failed = false;
    try {
      piece = self->body_stream_();
    } catch (const std::exception& error) {
      failed = true;
      Log::Event("error", "request",
                 "response cut short (request " + self->context_.request_id + "): " + error.what());
    } catch (...) {
      failed = true;
      Log::Event("error", "request",
                 "response cut short (request " + self->context_.request_id + ")");
    }
    net::post(self->stream_.get_executor(), [self, piece = std::move(piece), failed]() mutable {
      self->OnPiece(std::move(piece), failed);
    });
  });
  if (posted) return;
  // Every worker is taken: try again in a moment rather than read the database here.
  auto retry = std::make_shared<net::steady_timer>(stream_.get_executor(), kPieceRetryDelay);
  retry->async_wait(
      [self = shared_from_this(), retry](beast::error_code) { self->MakeNextPiece(); });
}

void Session::OnPiece(std::optional<std::string> piece, bool failed) {
  if (failed) {
    // No last chunk: the client sees the body end before its end, never a truncated file
    // that looks whole.
    RecordRequest();
    return Close(/*linger=*/false);
  }
  stream_.expires_after(options_.body_timeout);
  if (!piece) {
    return net::async_write(stream_, http::make_chunk_last(),
                            beast::bind_front_handler(&Session::OnStreamEnd, shared_from_this()));
  }
  if (piece->empty()) return MakeNextPiece();  // an empty chunk would end the body
  piece_ = std::move(*piece);
  streamed_bytes_ += piece_.size();
  net::async_write(stream_, http::make_chunk(net::buffer(piece_)),
                   beast::bind_front_handler(&Session::OnStreamPartWritten, shared_from_this()));
}

void Session::OnStreamEnd(beast::error_code error, std::size_t bytes) {
  stream_serializer_.reset();
  stream_head_.reset();
  body_stream_ = nullptr;
  piece_ = {};
  OnWrite(error, bytes);
}

void Session::RecordRequest() {
  const std::chrono::duration<double> took = Clock::now() - started_;
  if (options_.metrics != nullptr) {
    options_.metrics->RequestFinished(trace_.route_index, method_, response_.result_int(),
                                      took.count());
  }
  if (!options_.access_log) return;
  Log::Request({context_.request_id, method_, trace_.route, response_.result_int(),
                took.count() * 1000, response_.body().size() + streamed_bytes_, trace_.who,
                context_.client});
}

void Session::Close(bool linger) {
  phase_ = Phase::kClosing;
  beast::error_code error;
  stream_.socket().shutdown(tcp::socket::shutdown_send, error);
  if (error && error != net::error::not_connected) Fail(error, "shutdown");
  if (!linger) return;  // the socket closes when the last handler lets go of the session
  // One deadline for the whole drain: it applies to every read started until it is reset.
  stream_.expires_after(kLingerTimeout);
  buffer_.clear();
  Drain();
}

void Session::Drain() {
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                          beast::bind_front_handler(&Session::OnDrain, shared_from_this()));
}

void Session::OnDrain(beast::error_code error, std::size_t bytes) {
  if (error) return;  // eof when the client has read the refusal and closed; or the deadline
  drained_ += bytes;
  if (drained_ < kMaxLingerBytes) Drain();
}

}  // namespace casus::web
