// casus_fixed_response_server: the HTTP limit of this machine. A minimal Boost.Beast HTTP/1.1
// server with keep-alive that answers every request with 200 and the fixed body
// {"status":"ok"}, no routing, no storage. bench/run.sh compares Casus's rates with its rate.
//
//   casus_fixed_response_server [--listen HOST:PORT] [--threads N]
//
// Prints "listening on http://HOST:PORT" once it accepts connections (port 0 picks a free
// one), as `casus serve` does, and stops on SIGINT or SIGTERM.

// Boost 1.74's asio/awaitable.hpp uses std::exchange without including <utility>.
#include <utility>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;

constexpr const char* kUsage =
    "usage: casus_fixed_response_server [--listen HOST:PORT] [--threads N]\n"
    "  default --listen 127.0.0.1:8081 --threads 2\n";
constexpr const char* kBody = R"({"status":"ok"})";

// One connection: read a request, answer it, repeat while the client keeps it alive.
class Session : public std::enable_shared_from_this<Session> {
 public:
  explicit Session(tcp::socket socket) : stream_(std::move(socket)) {}

  void Run() {
    net::dispatch(stream_.get_executor(),
                  beast::bind_front_handler(&Session::Read, shared_from_this()));
  }

 private:
  void Read() {
    request_ = {};
    stream_.expires_after(std::chrono::seconds(60));
    http::async_read(stream_, buffer_, request_,
                     beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code error, std::size_t) {
    if (error) return Close();
    response_ = {};
    response_.version(request_.version());
    response_.result(http::status::ok);
    response_.set(http::field::content_type, "application/json");
    response_.keep_alive(request_.keep_alive());
    response_.body() = kBody;
    response_.prepare_payload();
    http::async_write(stream_, response_,
                      beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code error, std::size_t) {
    if (error || !response_.keep_alive()) return Close();
    Read();
  }

  void Close() {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  http::request<http::string_body> request_;
  http::response<http::string_body> response_;
};

class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(net::io_context& context, const tcp::endpoint& endpoint)
      : context_(context), acceptor_(net::make_strand(context)) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(net::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(net::socket_base::max_listen_connections);
  }

  unsigned short port() const { return acceptor_.local_endpoint().port(); }

  void Accept() {
    acceptor_.async_accept(net::make_strand(context_),
                           beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
  }

  void Close() {
    net::post(acceptor_.get_executor(), [self = shared_from_this()] {
      beast::error_code ignored;
      self->acceptor_.close(ignored);
    });
  }

 private:
  void OnAccept(beast::error_code error, tcp::socket socket) {
    if (!acceptor_.is_open()) return;
    if (!error) {
      beast::error_code ignored;
      socket.set_option(tcp::no_delay(true), ignored);
      std::make_shared<Session>(std::move(socket))->Run();
    }
    Accept();
  }

  net::io_context& context_;
  tcp::acceptor acceptor_;
};

int WholeNumber(const std::string& text, const char* what) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size()) {
    throw std::invalid_argument(std::string(what) + " must be a whole number, not '" + text + "'");
  }
  return value;
}

}  // namespace

int main(int argc, char** argv) {
  std::string host = "127.0.0.1";
  int port = 8081;
  int threads = 2;
  try {
    for (int i = 1; i < argc; ++i) {
      const std::string option = argv[i];
      if (option == "--help") {
        std::cout << kUsage;
        return 0;
      }
      if ((option != "--listen" && option != "--threads") || i + 1 >= argc) {
        throw std::invalid_argument("unknown option or missing value: " + option);
      }
      const std::string value = argv[++i];
      if (option == "--threads") {
        threads = WholeNumber(value, "--threads");
        if (threads < 1 || threads > 64) throw std::invalid_argument("--threads: 1..64");
        continue;
      }
      const auto colon = value.rfind(':');
      if (colon == std::string::npos || colon == 0) {
        throw std::invalid_argument("--listen takes HOST:PORT");
      }
      host = value.substr(0, colon);
      if (host.size() > 2 && host.front() == '[' && host.back() == ']') {
        host = host.substr(1, host.size() - 2);
      }
      port = WholeNumber(value.substr(colon + 1), "the port");
      if (port < 0 || port > 65535) throw std::invalid_argument("the port: 0..65535");
    }
  } catch (const std::exception& error) {
    std::cerr << "casus_fixed_response_server: " << error.what() << "\n" << kUsage;
    return 2;
  }

  try {
    net::io_context context(threads);
    const auto address = net::ip::make_address(host);
    auto listener = std::make_shared<Listener>(
        context, tcp::endpoint{address, static_cast<unsigned short>(port)});
    net::signal_set signals(context, SIGINT, SIGTERM);
    signals.async_wait([&](beast::error_code, int) {
      listener->Close();
      context.stop();
    });
    listener->Accept();
    const std::string shown = address.is_v6() ? "[" + host + "]" : host;
    std::cout << "listening on http://" << shown << ':' << listener->port() << std::endl;

    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&context] { context.run(); });
    context.run();
    for (auto& thread : pool) thread.join();
    std::cout << "stopped" << std::endl;
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "casus_fixed_response_server: " << error.what() << "\n";
    return 1;
  }
}
