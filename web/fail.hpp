#pragma once

#include "web/asio.hpp"

namespace casus::web {

// The one place where I/O failures are logged (web/log.hpp, level "error"). Routine endings of
// a connection (the peer closed or reset it, a timeout, the server cancelled it) are not.
void Fail(beast::error_code error, const char* what);

}  // namespace casus::web
