#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "web/asio.hpp"

namespace casus::e2e {

using web::Request;
using web::Response;
namespace http = web::http;
namespace beast = web::beast;
namespace net = web::net;
using web::tcp;

// A minimal HTTP/1.1 client on one loopback connection, for tests. Every operation is bounded
// by `timeout` and throws beast::system_error when it fails or times out. Given a token, it
// sends `Authorization: Bearer <token>` with every request that carries no Authorization of
// its own (raw bytes excepted).
class HttpClient {
 public:
  explicit HttpClient(unsigned short port, std::string token = {},
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));

  // Sends one request (Host, Content-Length and the token are filled in) and reads its
  // response.
  Response Send(Request request);
  Response Get(const std::string& target);
  Response Post(const std::string& target, const std::string& body,
                const std::string& content_type = "application/json");

  // Writes bytes as they are, without reading anything back.
  void WriteRaw(const std::string& bytes);
  // Reads one response from the connection.
  Response Read();

  // Waits, at most `limit`, for the server to close the connection; returns how long it took,
  // or nullopt when the connection was still open at the limit. Data that arrives is ignored.
  std::optional<std::chrono::milliseconds> WaitForClose(std::chrono::milliseconds limit);

  // The local port of this connection: the same one over several requests means keep-alive.
  unsigned short local_port() const;

 private:
  void Run();

  net::io_context context_;
  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::chrono::milliseconds timeout_;
  std::string token_;
};

}  // namespace casus::e2e
