#include "web/fail.hpp"

#include <string>

#include "web/log.hpp"

namespace casus::web {

void Fail(beast::error_code error, const char* what) {
  // Routine endings: the peer closed or reset the connection, went silent past a timeout, or
  // the server cancelled it.
  if (error == net::error::operation_aborted || error == net::error::eof ||
      error == http::error::end_of_stream || error == net::error::connection_reset ||
      error == net::error::broken_pipe || error == net::error::not_connected ||
      error == beast::error::timeout) {
    return;
  }
  Log::Event("error", "io", std::string(what) + ": " + error.message());
}

}  // namespace casus::web
