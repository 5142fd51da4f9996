// libFuzzer target: request targets (paths and query strings), methods and bodies through the
// Router on in-memory services, with a valid token of any role, so that every route's path
// and query parsing is reached. Input: a method byte, a role byte, then the target, and after
// the first newline the body. The Router never throws and answers 500 only for a bug: either
// is a finding, as is a crash or a sanitizer report.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <string_view>

#include "fuzz_services.hpp"
#include "web/http.hpp"
#include "web/router.hpp"

namespace {

constexpr casus::web::http::verb kMethods[] = {
    casus::web::http::verb::get,   casus::web::http::verb::get,     casus::web::http::verb::post,
    casus::web::http::verb::head,  casus::web::http::verb::put,     casus::web::http::verb::delete_,
    casus::web::http::verb::patch, casus::web::http::verb::options,
};

// Fresh services now and then, so that what POSTs add does not grow without bound.
struct Fixture {
  std::unique_ptr<casus::fuzz::FuzzServices> services;
  std::unique_ptr<casus::web::Router> router;
  int runs = 0;

  casus::web::Router& Next() {
    if (!router || ++runs % 20000 == 0) {
      router.reset();
      services = std::make_unique<casus::fuzz::FuzzServices>();
      router = std::make_unique<casus::web::Router>(services->Api());
    }
    return *router;
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace casus::web;
  if (size < 2) return 0;
  static Fixture* const fixture = new Fixture();  // lives for the run
  Router& router = fixture->Next();
  const std::string_view rest(reinterpret_cast<const char*>(data) + 2, size - 2);
  const auto newline = rest.find('\n');
  const std::string_view target = rest.substr(0, newline);
  const std::string_view body =
      newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);

  Request request;
  request.method(kMethods[data[0] % std::size(kMethods)]);
  request.target(boost::beast::string_view(target.data(), target.size()));
  request.version(11);
  request.set(http::field::host, "casus.test");
  // secret-1 .. secret-4 (fuzz_services.hpp); 0 sends none.
  const int role = data[1] % 5;
  if (role > 0) request.set(http::field::authorization, "Bearer secret-" + std::to_string(role));
  if (!body.empty()) {
    request.set(http::field::content_type, "application/json");
    request.body() = std::string(body);
  }
  request.prepare_payload();

  const Response response = router.Handle(request, "192.0.2.7");
  if (response.result() == http::status::internal_server_error) {
    std::fprintf(stderr, "500 for %.*s\n%s\n", static_cast<int>(target.size()), target.data(),
                 response.body().c_str());
    std::abort();
  }
  return 0;
}
