#include "web/query_string.hpp"

#include <catch2/catch.hpp>

#include "domain/error.hpp"

namespace casus::web {
namespace {

TEST_CASE("SplitTarget separates the path from the query", "[web][query]") {
  CHECK(SplitTarget("/a/b?x=1&y=2").path == "/a/b");
  CHECK(SplitTarget("/a/b?x=1&y=2").query == "x=1&y=2");
  CHECK(SplitTarget("/a").query.empty());
  CHECK(SplitTarget("/a?").query.empty());
}

TEST_CASE("SplitTarget accepts the absolute form of a target", "[web][query]") {
  CHECK(SplitTarget("http://host/api/v1/cases/1").path == "/api/v1/cases/1");
  CHECK(SplitTarget("HTTP://host:8080/a?x=1").path == "/a");
  CHECK(SplitTarget("HTTP://host:8080/a?x=1").query == "x=1");
  CHECK(SplitTarget("https://[::1]:8443/a/b").path == "/a/b");
  CHECK(SplitTarget("http://host").path == "/");
  CHECK(SplitTarget("http://host?x=1").path == "/");
  CHECK(SplitTarget("http://host?x=1").query == "x=1");
  // Not a scheme Casus serves: left as it is, so that no route matches it.
  CHECK(SplitTarget("ftp://host/a").path == "ftp://host/a");
  CHECK(SplitTarget("/http://host/a").path == "/http://host/a");
}

TEST_CASE("PercentDecode decodes escapes and, in queries, plus as space", "[web][query]") {
  CHECK(PercentDecode("De%20Leyens", true) == "De Leyens");
  CHECK(PercentDecode("De+Leyens", true) == "De Leyens");
  CHECK(PercentDecode("De+Leyens", false) == "De+Leyens");
  CHECK(PercentDecode("%2B%2b", true) == "++");
  CHECK(PercentDecode("caf%C3%A9", true) == "caf\xC3\xA9");
}

TEST_CASE("PercentDecode refuses broken escapes and invalid UTF-8", "[web][query]") {
  CHECK(PercentDecode("%", true) == std::nullopt);
  CHECK(PercentDecode("%2", true) == std::nullopt);
  CHECK(PercentDecode("%g0", true) == std::nullopt);
  CHECK(PercentDecode("%FF", true) == std::nullopt);
  CHECK(PercentDecode("%C0%AF", true) == std::nullopt);     // overlong '/'
  CHECK(PercentDecode("%ED%A0%80", true) == std::nullopt);  // a surrogate
}

TEST_CASE("QueryString returns decoded values and treats empty ones as absent", "[web][query]") {
  const QueryString query("district=De%20Leyens&state=&limit", {"district", "state", "limit"});
  CHECK(query.Get("district") == "De Leyens");
  CHECK(query.Get("state") == std::nullopt);
  CHECK(query.Get("limit") == std::nullopt);
  CHECK(query.Get("after") == std::nullopt);
}

TEST_CASE("QueryString refuses unknown and repeated parameters", "[web][query]") {
  CHECK_THROWS_WITH(QueryString("x=1", {"y"}), "unknown query parameter 'x'");
  CHECK_THROWS_WITH(QueryString("y=1&y=2", {"y"}), "query parameter 'y' is given more than once");
  CHECK_THROWS_AS(QueryString("y=%zz", {"y"}), domain::DomainError);
  CHECK_NOTHROW(QueryString("&&y=1&", {"y"}));
}

}  // namespace
}  // namespace casus::web
