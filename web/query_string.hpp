#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace casus::web {

// A request target split at the first '?'. Views into the target.
struct Target {
  std::string_view path;
  std::string_view query;  // without the '?'; empty when there is none
};

// Splits an origin-form target ("/api/v1/cases?limit=5") or an absolute-form one
// ("http://host:8080/api/v1/cases?limit=5", which RFC 9112 3.2.2 says a server must accept;
// proxies send it): the scheme and authority of an http or https target are skipped, and an
// absolute target without a path has the path "/".
Target SplitTarget(std::string_view target);

// Decodes %XX escapes and, when `plus_is_space`, '+' as a space (form encoding, as in
// queries). nullopt on a malformed escape or when the result is not valid UTF-8.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// `path` as a URI reference safe to show anywhere (a problem's instance, an audit row): bytes
// that are not printable ASCII, quotes and backslashes are percent-encoded, so that whatever
// arrived in a request target cannot make JSON invalid (UTF-8) or a log line ambiguous.
std::string UriReference(std::string_view path);

// The decoded parameters of a query ("a=1&b=De%20Leyens"). Refuses, by throwing
// DomainError(kMalformed): a parameter not in `allowed`, a parameter given twice, a
// malformed escape. A parameter with an empty value counts as not given.
class QueryString {
 public:
  QueryString(std::string_view query, std::initializer_list<std::string_view> allowed);

  // The decoded value; nullopt when absent or empty.
  std::optional<std::string> Get(std::string_view name) const;

 private:
  std::vector<std::pair<std::string, std::string>> parameters_;
};

}  // namespace casus::web
