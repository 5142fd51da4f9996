#include "web/media_type.hpp"

#include <boost/beast/http/rfc7230.hpp>

#include "web/http.hpp"
#include "web/text.hpp"

namespace casus::web {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return boost::beast::iequals(boost::beast::string_view(a.data(), a.size()),
                               boost::beast::string_view(b.data(), b.size()));
}

}  // namespace

bool IsJsonMediaType(std::string_view content_type, std::string_view also) {
  const auto semicolon = content_type.find(';');
  const std::string_view type = TrimWhitespace(content_type.substr(0, semicolon));
  if (!EqualsIgnoreCase(type, "application/json") &&
      (also.empty() || !EqualsIgnoreCase(type, also))) {
    return false;
  }
  if (semicolon == std::string_view::npos) return true;
  // Beast's param_list reads ";name=value" pairs (values possibly quoted) as RFC 7230 has
  // them; parameters that do not parse as such end the list, and are not a charset.
  const std::string_view parameters = content_type.substr(semicolon);
  for (const auto& [name, value] : http::param_list({parameters.data(), parameters.size()})) {
    if (!boost::beast::iequals(name, "charset")) continue;
    std::string_view charset = ToStd(value);
    if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
      charset = charset.substr(1, charset.size() - 2);
    }
    if (!EqualsIgnoreCase(charset, "utf-8")) return false;
  }
  return true;
}

}  // namespace casus::web
