#include "web/fail.hpp"

#include <cstdio>

namespace casus::web {

void Fail(beast::error_code error, const char* what) {
  if (error == net::error::operation_aborted || error == net::error::eof ||
      error == http::error::end_of_stream) {
    return;
  }
  // One fprintf per line: stdio locks the stream, so lines from several threads never mix.
  std::fprintf(stderr, "casus: %s: %s\n", what, error.message().c_str());
}

}  // namespace casus::web
