#include "http_client.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <cstdlib>
#include "web/http.hpp"

namespace casus::e2e {

namespace {

void ThrowIf(beast::error_code error, const char* what) {
  if (error) throw beast::system_error(error, what);
}

// With CASUS_RESPONSE_LOG=FILE, every request sent and the response read are appended to FILE
// as one JSON line (method, target, status, content type, body), for .ci/ctest-both to check
// each against the OpenAPI document (tests/openapi/validate_responses.py). One write per line
// with O_APPEND, so that tests running side by side do not mix their lines.
void RecordExchange(const Request& request, const Response& response) {
  const char* path = std::getenv("CASUS_RESPONSE_LOG");
  if (path == nullptr || *path == '\0') return;
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  const auto string = [&](std::string_view text) {
    writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  };
  writer.StartObject();
  string("method");
  string(web::ToStd(request.method_string()));
  string("target");
  string(web::ToStd(request.target()));
  string("status");
  writer.Uint(response.result_int());
  string("content_type");
  string(web::ToStd(response[http::field::content_type]));
  string("body");
  string(response.body());
  writer.EndObject();
  std::string line(buffer.GetString(), buffer.GetSize());
  line += '\n';
  const int fd = ::open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) return;
  [[maybe_unused]] const ssize_t written = ::write(fd, line.data(), line.size());
  ::close(fd);
}

}  // namespace

HttpClient::HttpClient(unsigned short port, std::string token, std::chrono::milliseconds timeout)
    : stream_(context_), timeout_(timeout), token_(std::move(token)) {
  beast::error_code result;
  stream_.expires_after(timeout_);
  stream_.async_connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port),
                        [&](beast::error_code error) { result = error; });
  Run();
  ThrowIf(result, "connect");
}

void HttpClient::Run() {
  context_.restart();
  context_.run();
}

Response HttpClient::Send(Request request) {
  request.set(http::field::host, "127.0.0.1");
  if (!token_.empty() && request.count(http::field::authorization) == 0) {
    request.set(http::field::authorization, "Bearer " + token_);
  }
  request.prepare_payload();
  beast::error_code result;
  stream_.expires_after(timeout_);
  http::async_write(stream_, request,
                    [&](beast::error_code error, std::size_t) { result = error; });
  Run();
  ThrowIf(result, "write request");
  Response response = Read();
  RecordExchange(request, response);
  return response;
}

Response HttpClient::Get(const std::string& target) {
  return Send(Request{http::verb::get, target, 11});
}

Response HttpClient::Post(const std::string& target, const std::string& body,
                          const std::string& content_type) {
  Request request{http::verb::post, target, 11};
  request.set(http::field::content_type, content_type);
  request.body() = body;
  return Send(std::move(request));
}

void HttpClient::WriteRaw(const std::string& bytes) {
  beast::error_code result;
  stream_.expires_after(timeout_);
  net::async_write(stream_, net::buffer(bytes),
                   [&](beast::error_code error, std::size_t) { result = error; });
  Run();
  ThrowIf(result, "write");
}

Response HttpClient::Read() {
  http::response_parser<http::string_body> parser;
  parser.body_limit(64 * 1024 * 1024);
  beast::error_code result;
  stream_.expires_after(timeout_);
  http::async_read(stream_, buffer_, parser,
                   [&](beast::error_code error, std::size_t) { result = error; });
  Run();
  ThrowIf(result, "read response");
  return parser.release();
}

std::optional<std::chrono::milliseconds> HttpClient::WaitForClose(std::chrono::milliseconds limit) {
  const auto start = std::chrono::steady_clock::now();
  stream_.expires_after(limit);
  char scratch[4096];
  while (true) {
    beast::error_code result;
    std::size_t bytes = 0;
    stream_.async_read_some(net::buffer(scratch), [&](beast::error_code error, std::size_t n) {
      result = error;
      bytes = n;
    });
    Run();
    if (result == beast::error::timeout) return std::nullopt;
    if (result) {  // eof, or a reset: closed either way
      return std::chrono::duration_cast<std::chrono::milliseconds>(
          std::chrono::steady_clock::now() - start);
    }
  }
}

unsigned short HttpClient::local_port() const { return stream_.socket().local_endpoint().port(); }

}  // namespace casus::e2e
