// The OpenAPI document and the route table cannot drift: every route has its path and method
// in the document, the document names no other, open routes are open in it too, and every
// path parameter is declared.

#include "web/openapi.hpp"

#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "api_fixture.hpp"
#include "web/router.hpp"

namespace casus::web {
namespace {

rapidjson::Document Document() {
  rapidjson::Document document;
  const std::string_view text = OpenApiDocument();
  document.Parse(text.data(), text.size());
  REQUIRE_FALSE(document.HasParseError());
  return document;
}

std::string Lowered(std::string_view text) {
  std::string lowered(text);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered;
}

TEST_CASE("Every route is in the OpenAPI document, and the document names no other",
          "[web][openapi]") {
  const auto document = Document();
  CHECK(std::string(document["openapi"].GetString()) == "3.1.0");
  std::set<std::string> documented;
  for (const auto& path : document["paths"].GetObject()) {
    for (const auto& operation : path.value.GetObject()) {
      documented.insert(Lowered(operation.name.GetString()) + " " + path.name.GetString());
    }
  }
  std::set<std::string> routed;
  for (const RouteInfo& route : Router::Routes()) {
    routed.insert(Lowered(ToStd(http::to_string(route.method))) + " " + std::string(route.pattern));
  }
  CHECK(documented == routed);
}

TEST_CASE(
    "The document's operations are open exactly where the routes are, and declare "
    "every path parameter",
    "[web][openapi]") {
  const auto document = Document();
  for (const RouteInfo& route : Router::Routes()) {
    const std::string pattern(route.pattern);
    INFO(pattern);
    const auto& operation =
        document["paths"][pattern.c_str()][Lowered(ToStd(http::to_string(route.method))).c_str()];
    const bool open = operation.HasMember("security") && operation["security"].Empty();
    CHECK(open == !route.action.has_value());
    CHECK(operation["responses"].IsObject());
    std::set<std::string> declared;
    for (const auto& parameter : operation["parameters"].GetArray()) {
      if (parameter.HasMember("in") && std::string(parameter["in"].GetString()) == "path") {
        declared.insert(parameter["name"].GetString());
      }
    }
    std::set<std::string> in_pattern;
    for (std::size_t open_brace = pattern.find('{'); open_brace != std::string::npos;
         open_brace = pattern.find('{', open_brace + 1)) {
      in_pattern.insert(
          pattern.substr(open_brace + 1, pattern.find('}', open_brace) - open_brace - 1));
    }
    CHECK(declared == in_pattern);
  }
}

TEST_CASE("GET /api/v1/openapi.json serves the document without a token", "[web][openapi]") {
  testing::Api api;
  const Response response = api.Handle(Request{http::verb::get, "/api/v1/openapi.json", 11});
  REQUIRE(response.result() == http::status::ok);
  CHECK(std::string(ToStd(response[http::field::content_type])) == "application/json");
  CHECK(response.body() == OpenApiDocument());
}

}  // namespace
}  // namespace casus::web
