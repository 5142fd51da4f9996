#pragma once

#include <string_view>

namespace casus::web {

// The API's OpenAPI 3.1 document (web/openapi.json, embedded at build time), served at
// GET /api/v1/openapi.json without a token. Every route of RouteTable() has its path and
// method in it and it names no other (tests/web/openapi_test.cpp); .ci/run lints it with
// @redocly/cli.
std::string_view OpenApiDocument();

}  // namespace casus::web
