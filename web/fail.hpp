#pragma once

#include "web/asio.hpp"

namespace casus::web {

// The one place where I/O failures are logged (to stderr, one line each). Routine endings of
// a connection (the peer closed it, the server cancelled it) are not logged.
void Fail(beast::error_code error, const char* what);

}  // namespace casus::web
