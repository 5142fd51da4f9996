// TrustedProxies: which forwarding headers are believed, and which client they name.

#include "web/trusted_proxies.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>

namespace casus::web {
namespace {

using Fields = std::vector<std::string_view>;

// The client of a request from `peer` with these X-Forwarded-For fields (no Forwarded).
std::string ViaXff(const TrustedProxies& proxies, std::string_view peer, const Fields& fields) {
  return proxies.ClientOf(peer, fields, {});
}

std::string ViaForwarded(const TrustedProxies& proxies, std::string_view peer,
                         const Fields& fields) {
  return proxies.ClientOf(peer, {}, fields);
}

TEST_CASE("Networks parse as IPv4 and IPv6 CIDRs, a bare address as one host",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("10.1.2.3/8, 192.168.0.7 ,2001:db8::/32,::1");
  CHECK(proxies.ToString() == "10.0.0.0/8,192.168.0.7/32,2001:db8::/32,::1/128");
  CHECK(proxies.Contains("10.255.0.1"));
  CHECK(proxies.Contains("192.168.0.7"));
  CHECK_FALSE(proxies.Contains("192.168.0.8"));
  CHECK(proxies.Contains("2001:db8:ffff::1"));
  CHECK_FALSE(proxies.Contains("2001:db9::1"));
  CHECK(proxies.Contains("::1"));
  CHECK_FALSE(proxies.Contains("11.0.0.1"));
  CHECK_FALSE(proxies.Contains("unknown"));
}

TEST_CASE("A peer that is an IPv4-mapped IPv6 address matches its IPv4 network",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1/32");
  CHECK(proxies.Contains("::ffff:127.0.0.1"));
  CHECK(ViaXff(proxies, "::ffff:127.0.0.1", {"203.0.113.7"}) == "203.0.113.7");
}

TEST_CASE("A prefix length that is not a bit count of the address is refused",
          "[web][trusted_proxies]") {
  const auto refused = [](std::string_view text) {
    CHECK_THROWS_AS(TrustedProxies::Parse(text), std::invalid_argument);
  };
  refused("");
  refused("10.0.0.0/");
  refused("10.0.0.0/33");
  refused("10.0.0.0/-1");
  refused("10.0.0.0/8x");
  refused("::1/129");
  refused("10.0.0.0/8,,10.1.0.0/16");
  refused("10.0.0.0/8,");
  refused("localhost");
  refused("10.0.0");
  refused("[::1]");
  refused("10.0.0.1:80");
  CHECK_THROWS_WITH(TrustedProxies::Parse("10.0.0.0/8,10.0.0.300"),
                    Catch::Contains("'10.0.0.300'"));
}

TEST_CASE("Without trusted proxies the headers are ignored and the peer is the client",
          "[web][trusted_proxies]") {
  const TrustedProxies none;
  CHECK(ViaXff(none, "198.51.100.2", {"203.0.113.7"}) == "198.51.100.2");
  CHECK(ViaForwarded(none, "198.51.100.2", {"for=203.0.113.7"}) == "198.51.100.2");
}

TEST_CASE("A peer outside the trusted networks cannot name another client",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  CHECK(ViaXff(proxies, "198.51.100.2", {"127.0.0.1"}) == "198.51.100.2");
  CHECK(ViaForwarded(proxies, "198.51.100.2", {"for=10.0.0.1"}) == "198.51.100.2");
}

TEST_CASE("From a trusted proxy the rightmost address that is no trusted proxy is the client",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1,10.0.0.0/8");
  CHECK(ViaXff(proxies, "127.0.0.1", {"203.0.113.7"}) == "203.0.113.7");
  // A client that prepends an address of its choice stays itself.
  CHECK(ViaXff(proxies, "127.0.0.1", {"1.2.3.4, 203.0.113.7"}) == "203.0.113.7");
  // Proxies of our own between the client and the peer are passed over.
  CHECK(ViaXff(proxies, "127.0.0.1", {"1.2.3.4, 203.0.113.7, 10.0.0.5, 10.0.0.6"}) ==
        "203.0.113.7");
  // A client that prepends one of our proxies' addresses does not become it.
  CHECK(ViaXff(proxies, "127.0.0.1", {"10.0.0.5, 203.0.113.7"}) == "203.0.113.7");
  // Several fields are one list, in order.
  CHECK(ViaXff(proxies, "127.0.0.1", {"1.2.3.4", "203.0.113.7", "10.0.0.9"}) == "203.0.113.7");
}

TEST_CASE("A request from a trusted proxy without forwarding headers is the proxy's own",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  CHECK(ViaXff(proxies, "127.0.0.1", {}) == "127.0.0.1");
  CHECK(ViaXff(proxies, "127.0.0.1", {"", " , "}) == "127.0.0.1");
}

TEST_CASE("A chain of trusted proxies only names its leftmost as the client",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("10.0.0.0/8,127.0.0.1");
  CHECK(ViaXff(proxies, "127.0.0.1", {"10.0.0.2, 10.0.0.3"}) == "10.0.0.2");
}

TEST_CASE("Ports and brackets are taken off and addresses written canonically",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  CHECK(ViaXff(proxies, "127.0.0.1", {"203.0.113.7:4711"}) == "203.0.113.7");
  CHECK(ViaXff(proxies, "127.0.0.1", {"2001:DB8:0:0::1"}) == "2001:db8::1");
  CHECK(ViaXff(proxies, "127.0.0.1", {"[2001:db8::1]:4711"}) == "2001:db8::1");
  CHECK(ViaXff(proxies, "127.0.0.1", {"[2001:db8::1]"}) == "2001:db8::1");
  CHECK(ViaXff(proxies, "127.0.0.1", {" \t203.0.113.7\t "}) == "203.0.113.7");
}

TEST_CASE("Forwarded's for= is read, quoted IPv6 with a port included", "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=203.0.113.7"}) == "203.0.113.7");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {R"(For="[2001:db8:cafe::17]:4711")"}) ==
        "2001:db8:cafe::17");
  CHECK(ViaForwarded(proxies, "127.0.0.1",
                     {"for=192.0.2.43;proto=https;by=127.0.0.1, for=198.51.100.17"}) ==
        "198.51.100.17");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {R"(proto=http;for="203.0.113.7:80";host=a)"}) ==
        "203.0.113.7");
  // A comma inside a quoted string does not start another element.
  CHECK(ViaForwarded(proxies, "127.0.0.1", {R"(for=1.2.3.4;host="a,for=9.9.9.9")"}) == "1.2.3.4");
}

TEST_CASE("X-Forwarded-For is read before Forwarded, which a proxy may pass on untouched",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  const Fields xff{"203.0.113.7"};
  const Fields forwarded{"for=1.2.3.4"};
  CHECK(proxies.ClientOf("127.0.0.1", xff, forwarded) == "203.0.113.7");
}

TEST_CASE("Where the client should stand but no address does, the client is unknown",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=unknown"}) == "unknown");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=_hidden"}) == "unknown");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"proto=https"}) == "unknown");
  // Nothing left of an unknown hop is believed, not even a well-formed address.
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=203.0.113.7, for=unknown"}) == "unknown");
  CHECK(ViaXff(proxies, "127.0.0.1", {"203.0.113.7, garbage"}) == "unknown");
  CHECK(ViaXff(proxies, "127.0.0.1", {"unknown"}) == "unknown");
}

TEST_CASE("Hostile forwarding headers never yield anything but an address or unknown",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1");
  const std::vector<std::string> hostile{
      "203.0.113.7:99999999",
      "203.0.113.7:",
      "[2001:db8::1",
      "[2001:db8::1]x",
      "[203.0.113.7]",
      "2001:db8::1%eth0",
      "203.0.113.7/8",
      "'; DROP TABLE audit; --",
      std::string(100'000, 'a'),
      std::string(1, '\0') + "203.0.113.7",
      "203.0.113.7\r\nX-Evil: 1",
      "fe80::1:2:3:4:5:6:7:8:9",
  };
  for (const std::string& value : hostile) {
    INFO(value.substr(0, 60));
    CHECK(ViaXff(proxies, "127.0.0.1", {value}) == "unknown");
    CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=" + value}) == "unknown");
  }
  // Quotes are Forwarded's, where any value may be quoted, and not X-Forwarded-For's.
  CHECK(ViaXff(proxies, "127.0.0.1", {"\"203.0.113.7\""}) == "unknown");
  CHECK(ViaForwarded(proxies, "127.0.0.1", {"for=\"203.0.113.7\""}) == "203.0.113.7");
  // An unterminated quote swallows the rest of the field, never an address from the left.
  CHECK(ViaForwarded(proxies, "127.0.0.1", {R"(for=1.2.3.4, for="203.0.113.7)"}) == "unknown");
}

TEST_CASE("A huge chain of trusted proxies is walked to the client left of it",
          "[web][trusted_proxies]") {
  const auto proxies = TrustedProxies::Parse("127.0.0.1,10.0.0.0/8");
  std::string list = "1.2.3.4, 203.0.113.7";
  for (int i = 0; i < 20'000; ++i) list += ", 10.0." + std::to_string(i % 250) + ".1";
  CHECK(ViaXff(proxies, "127.0.0.1", {list}) == "203.0.113.7");
  const std::vector<std::string> many(5'000, "10.9.9.9");
  Fields fields{"198.51.100.1"};
  fields.insert(fields.end(), many.begin(), many.end());
  CHECK(ViaXff(proxies, "127.0.0.1", fields) == "198.51.100.1");
}

}  // namespace
}  // namespace casus::web
