#pragma once

#include <memory>

#include "web/asio.hpp"
#include "web/router.hpp"
#include "web/server.hpp"
#include "web/session.hpp"

namespace casus::web {

// Accepts connections and starts a Session on its own strand for each.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  // Opens, binds and listens on `endpoint`; throws std::runtime_error when that fails.
  // Does not own `router`, `options` or `registry`, which must outlive it.
  Listener(net::io_context& context, const tcp::endpoint& endpoint, Router& router,
           WorkerLanes lanes, const ServerOptions& options, SessionRegistry& registry);

  unsigned short port() const { return port_; }

  void Run();

  // Stops accepting. Thread-safe.
  void Stop();

 private:
  void Accept();
  void OnAccept(beast::error_code error, tcp::socket socket);

  net::io_context& context_;
  tcp::acceptor acceptor_;
  net::steady_timer retry_timer_;
  unsigned short port_ = 0;
  Router& router_;
  WorkerLanes lanes_;
  const ServerOptions& options_;
  SessionRegistry& registry_;
};

}  // namespace casus::web
