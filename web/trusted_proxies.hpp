#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace casus::web {

// The reverse proxies whose word on the client is believed (--trusted-proxy), and the client
// of a request as it follows from them: the one place that reads X-Forwarded-For and
// Forwarded (RFC 7239). Pure: no sockets, no Beast, so that src/ can hold one in
// ServerOptions and the tests can call it directly.
//
// Only when the TCP peer lies in one of the ranges are the headers looked at, and then the
// client is the rightmost address of the chain that is not itself a trusted proxy: every
// proxy appends the address it saw to the right, so whatever a client wrote itself stands to
// the left of what our proxy appended, and is never reached. Where that position holds no
// address (RFC 7239's "unknown" or an obfuscated "_name", a port alone, garbage), the client is
// "unknown": what stands further left was written by someone we do not trust.
//
// Immutable after Parse; safe to share between threads.
class TrustedProxies {
 public:
  // No proxy is trusted: the client is always the TCP peer.
  TrustedProxies() = default;

  // "CIDR[,CIDR...]": IPv4 and IPv6 networks (10.0.0.0/8, 2001:db8::/32); a bare address is
  // /32 or /128. Whitespace around the entries is allowed, empty entries are not. Throws
  // std::invalid_argument naming the first entry that is malformed.
  static TrustedProxies Parse(std::string_view list);

  bool empty() const { return networks_.empty(); }

  // Whether `address` (an IP address as text; an IPv4-mapped IPv6 address counts as its IPv4
  // address) lies in one of the networks.
  bool Contains(std::string_view address) const;

  // The client of a request that came from `peer` (the TCP peer's address as text) with these
  // values of its X-Forwarded-For and Forwarded header fields, each field in the order
  // received. X-Forwarded-For is read when the request has it, else Forwarded: the proxies
  // README documents (nginx, Caddy) write X-Forwarded-For and pass a client's Forwarded on
  // untouched. An address the headers give is returned in its canonical form
  // ("2001:db8::1", without brackets or port); `peer` is returned as it is.
  std::string ClientOf(std::string_view peer, std::span<const std::string_view> x_forwarded_for,
                       std::span<const std::string_view> forwarded) const;

  // The networks in canonical form ("10.0.0.0/8,::1/128"), for `casus config check`.
  std::string ToString() const;

 private:
  struct Network {
    std::array<std::uint8_t, 16> bytes{};  // an IPv4 network in the first 4
    bool ipv6 = false;
    int prefix = 0;  // in bits
  };

  bool Contains(const Network& address) const;

  std::vector<Network> networks_;
};

}  // namespace casus::web
