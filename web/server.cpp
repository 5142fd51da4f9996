#include "web/server.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <functional>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include "web/asio.hpp"
#include "web/listener.hpp"
#include "web/request_pool.hpp"
#include "web/router.hpp"
#include "web/session.hpp"

namespace casus::web {

namespace {

int Cores() { return std::max(1, static_cast<int>(std::thread::hardware_concurrency())); }

// A handler that throws must not end its thread (std::terminate) nor leave the pool short:
// log the exception and go on running.
void RunContext(net::io_context& context) {
  while (true) {
    try {
      context.run();
      return;
    } catch (const std::exception& error) {
      std::fprintf(stderr, "casus: unexpected exception in an I/O thread: %s\n", error.what());
    } catch (...) {
      std::fprintf(stderr, "casus: unexpected exception in an I/O thread\n");
    }
  }
}

}  // namespace

std::size_t ServerOptions::ConnectionCap() const {
  if (max_connections > 0) return max_connections;
  constexpr std::size_t kMinimum = 16;
  rlimit limit{};
  if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) {
    return 65536;
  }
  const auto soft = static_cast<std::size_t>(limit.rlim_cur);
  const std::size_t reserved =
      kReservedDescriptors + kDescriptorsPerDatabaseConnection * DatabaseConnections();
  return soft > reserved + kMinimum ? soft - reserved : kMinimum;
}

std::size_t ServerOptions::DatabaseConnections() const {
  return static_cast<std::size_t>(WorkerCount() + report_workers) + 1;
}

int ServerOptions::ThreadCount() const { return threads > 0 ? threads : Cores(); }

int ServerOptions::WorkerCount() const {
  if (workers > 0) return workers;
  return database_server ? std::max(8, 4 * Cores()) : std::max(16, 16 * Cores());
}

// Members are destroyed in reverse order: the io_context (and with it any session it still
// holds) before the registry, router and options those sessions refer to.
struct Server::Impl {
  Impl(ApiServices services, ServerOptions server_options)
      : options(std::move(server_options)),
        router(services),
        registry(options.ConnectionCap()),
        context(options.ThreadCount()),
        pool(options.WorkerCount(), options.max_pending_requests),
        report_pool(options.report_workers, options.max_pending_reports) {}

  ServerOptions options;
  Router router;
  SessionRegistry registry;
  std::mutex mutex;  // guards the fields below
  bool started = false;
  bool stopped = false;
  unsigned short port = 0;
  net::io_context* signal_context = nullptr;  // RunUntilSignal's, while it blocks
  net::io_context context;
  RequestPool pool;  // destroyed (joined) before the context its jobs post back to
  RequestPool report_pool;
  std::shared_ptr<Listener> listener;
  std::vector<std::thread> threads;
};

Server::Server(ApiServices services, ServerOptions options)
    : impl_(std::make_unique<Impl>(services, std::move(options))) {}

Server::~Server() { Stop(); }

unsigned short Server::Start() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->stopped) throw std::logic_error("a stopped server cannot be started again");
  if (impl_->started) return impl_->port;
  beast::error_code error;
  const net::ip::address address = net::ip::make_address(impl_->options.host, error);
  if (error) {
    throw std::runtime_error("not a numeric IP address to listen on: " + impl_->options.host);
  }
  impl_->listener = std::make_shared<Listener>(
      impl_->context, tcp::endpoint{address, impl_->options.port}, impl_->router,
      WorkerLanes{impl_->pool, impl_->report_pool}, impl_->options, impl_->registry);
  impl_->port = impl_->listener->port();
  impl_->listener->Run();
  const int thread_count = impl_->options.ThreadCount();
  try {
    for (int i = 0; i < thread_count; ++i) {
      impl_->threads.emplace_back([this] { RunContext(impl_->context); });
    }
  } catch (...) {  // no thread left joinable behind a server that never started
    impl_->context.stop();
    for (auto& thread : impl_->threads) thread.join();
    impl_->threads.clear();
    impl_->stopped = true;
    throw;
  }
  impl_->started = true;
  return impl_->port;
}

void Server::Stop() {
  std::lock_guard lock(impl_->mutex);
  if (impl_->signal_context != nullptr) impl_->signal_context->stop();
  if (!impl_->started || impl_->stopped) return;
  impl_->stopped = true;
  impl_->listener->Stop();
  impl_->registry.StopAll();
  const auto deadline = std::chrono::steady_clock::now() + impl_->options.stop_timeout;
  if (!impl_->registry.WaitUntilEmpty(deadline)) {
    std::fprintf(stderr, "casus: stop timeout: abandoning requests still in flight\n");
  }
  impl_->pool.Join();  // jobs of abandoned requests end before the threads they post to
  impl_->report_pool.Join();
  impl_->context.stop();
  for (auto& thread : impl_->threads) thread.join();
  impl_->threads.clear();
}

void Server::RunUntilSignal(const std::function<void(unsigned short port)>& on_listening,
                            const std::function<void()>& on_reload) {
  net::io_context signal_context;
  net::signal_set signals(signal_context, SIGINT, SIGTERM);
  std::function<void(beast::error_code, int)> on_hangup;  // re-arms itself after each call
  std::optional<net::signal_set> reloads;  // SIGHUP, apart: it does not stop the server
  if (on_reload) {
    reloads.emplace(signal_context, SIGHUP);
    on_hangup = [&](beast::error_code error, int) {
      if (error) return;
      on_reload();
      reloads->async_wait(on_hangup);
    };
    reloads->async_wait(on_hangup);
  }
  // The first SIGINT or SIGTERM ends run(), whatever SIGHUP handler is still waiting.
  signals.async_wait([&](beast::error_code error, int) {
    if (!error) signal_context.stop();
  });
  const unsigned short port = Start();
  if (on_listening) on_listening(port);
  {
    std::lock_guard lock(impl_->mutex);
    if (impl_->stopped) return;
    impl_->signal_context = &signal_context;
  }
  signal_context.run();  // returns on a signal, or when Stop stops it
  {
    std::lock_guard lock(impl_->mutex);
    impl_->signal_context = nullptr;
  }
  Stop();
}

}  // namespace casus::web
