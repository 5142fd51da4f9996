#pragma once

#include <string_view>

namespace casus::web {

// Whether a Content-Type names JSON as every request body must be: application/json, with
// parameters allowed ("; charset=utf-8"), compared case-insensitively. A charset other than
// UTF-8 is refused, since every body is read as UTF-8. `also` names one more JSON media type
// accepted the same way (a PATCH takes application/merge-patch+json, RFC 7396).
bool IsJsonMediaType(std::string_view content_type, std::string_view also = {});

}  // namespace casus::web
