#include "web/listener.hpp"

#include <sstream>
#include <stdexcept>
#include <string>

#include "domain/error.hpp"
#include "web/fail.hpp"
#include "web/problem.hpp"

namespace casus::web {

namespace {

// After a failed accept (e.g. out of file descriptors) wait before trying again, rather than
// spinning on the error.
constexpr std::chrono::milliseconds kAcceptRetryDelay{100};
// After closing an idle connection for its descriptor: time for its strand to close it.
constexpr std::chrono::milliseconds kAcceptAfterClosingDelay{1};

void ThrowIf(beast::error_code error, const std::string& what) {
  if (error) throw std::runtime_error(what + ": " + error.message());
}

// Answers a connection over the cap with 503 and closes it, without waiting: a fresh socket's
// send buffer always has room for one small response, and a client that cannot take it
// loses only the explanation.
void Refuse(tcp::socket& socket) {
  static const std::string answer = [] {
    const Response response =
        ProblemResponse(ProblemFor(domain::DomainError(
                            domain::ErrorCode::kUnavailable,
                            "the server has too many open connections; try again in a moment")),
                        "", 11, /*keep_alive=*/false);
    std::ostringstream text;
    text << response;
    return text.str();
  }();
  beast::error_code ignored;
  socket.non_blocking(true, ignored);
  socket.write_some(net::buffer(answer), ignored);
  socket.shutdown(tcp::socket::shutdown_both, ignored);
  socket.close(ignored);
}

}  // namespace

Listener::Listener(net::io_context& context, const tcp::endpoint& endpoint, Router& router,
                   WorkerLanes lanes, const ServerOptions& options, SessionRegistry& registry)
    : context_(context),
      acceptor_(net::make_strand(context)),
      retry_timer_(acceptor_.get_executor()),
      router_(router),
      lanes_(lanes),
      options_(options),
      registry_(registry) {
  const std::string where = endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
  beast::error_code error;
  acceptor_.open(endpoint.protocol(), error);
  ThrowIf(error, "cannot open a socket for " + where);
  acceptor_.set_option(net::socket_base::reuse_address(true), error);
  ThrowIf(error, "cannot set SO_REUSEADDR for " + where);
  acceptor_.bind(endpoint, error);
  ThrowIf(error, "cannot bind to " + where);
  acceptor_.listen(net::socket_base::max_listen_connections, error);
  ThrowIf(error, "cannot listen on " + where);
  port_ = acceptor_.local_endpoint().port();
}

void Listener::Run() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->Accept(); });
}

void Listener::Stop() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->acceptor_.close(ignored);
    self->retry_timer_.cancel();
  });
}

void Listener::Accept() {
  // Each connection gets its own strand, so its handlers never run concurrently.
  acceptor_.async_accept(net::make_strand(context_),
                         beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
}

void Listener::OnAccept(beast::error_code error, tcp::socket socket) {
  if (error == net::error::operation_aborted || !acceptor_.is_open()) return;
  if (error) {
    Fail(error, "accept");
    // Out of descriptors although under the cap (another part of the process holds many):
    // an idle connection gives one back, and the next accept follows as soon as it has (a
    // backlog of a thousand would otherwise wait kAcceptRetryDelay each).
    const bool freed =
        (error == net::error::no_descriptors || error == net::error::no_buffer_space) &&
        registry_.CloseLongestIdle();
    retry_timer_.expires_after(freed ? kAcceptAfterClosingDelay : kAcceptRetryDelay);
    retry_timer_.async_wait([self = shared_from_this()](beast::error_code wait_error) {
      if (!wait_error && self->acceptor_.is_open()) self->Accept();
    });
    return;
  }
  if (registry_.Admit()) {
    std::make_shared<Session>(std::move(socket), router_, lanes_, options_, registry_)->Run();
  } else {
    Refuse(socket);
  }
  Accept();
}

}  // namespace casus::web
