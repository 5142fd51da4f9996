#include "web/trusted_proxies.hpp"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstring>
#include <stdexcept>

namespace casus::web {

namespace {

// Longer than any IP address in text ("ffff:...:255.255.255.255" is 45 characters).
constexpr std::size_t kMaxAddressText = 64;

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A port as RFC 7239 6 allows it after a node's address: 1 to 5 digits, or an obfuscated
// "_name"; X-Forwarded-For's "203.0.113.7:4711" uses the digits.
bool IsPort(std::string_view port) {
  if (port.empty()) return false;
  if (port.front() == '_') {
    return std::all_of(port.begin() + 1, port.end(), [](char c) {
      return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' ||
             c == '_' || c == '-';
    });
  }
  return port.size() <= 5 && std::all_of(port.begin(), port.end(), IsDigit);
}

// Where `mapped` starts: ::ffff:0:0/96, the IPv4 addresses as IPv6 sees them.
constexpr std::array<std::uint8_t, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

struct Address {
  std::array<std::uint8_t, 16> bytes{};
  bool ipv6 = false;
};

// A numeric IPv4 or IPv6 address, exactly (no port, no brackets, no zone); an IPv4-mapped
// IPv6 address becomes its IPv4 address, so that 127.0.0.1 matches however the peer came in.
std::optional<Address> ParseAddress(std::string_view text) {
  if (text.empty() || text.size() > kMaxAddressText) return std::nullopt;
  if (text.find('\0') != std::string_view::npos) return std::nullopt;  // inet_pton stops there
  const std::string terminated(text);
  Address address;
  if (::inet_pton(AF_INET, terminated.c_str(), address.bytes.data()) == 1) return address;
  if (::inet_pton(AF_INET6, terminated.c_str(), address.bytes.data()) != 1) return std::nullopt;
  if (std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), address.bytes.begin())) {
    std::copy(address.bytes.begin() + 12, address.bytes.end(), address.bytes.begin());
    std::fill(address.bytes.begin() + 4, address.bytes.end(), 0);
    return address;
  }
  address.ipv6 = true;
  return address;
}

std::string TextOf(const Address& address) {
  char text[INET6_ADDRSTRLEN] = {};
  ::inet_ntop(address.ipv6 ? AF_INET6 : AF_INET, address.bytes.data(), text, sizeof text);
  return text;
}

// One node of a forwarding chain: "203.0.113.7", "203.0.113.7:4711", "2001:db8::1",
// "[2001:db8::1]" or "[2001:db8::1]:4711"; nullopt for anything else ("unknown", "_hidden",
// garbage).
std::optional<Address> ParseNode(std::string_view node) {
  node = Trim(node);
  if (!node.empty() && node.front() == '[') {
    const auto close = node.find(']');
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view rest = node.substr(close + 1);
    if (!rest.empty() && (rest.front() != ':' || !IsPort(rest.substr(1)))) return std::nullopt;
    auto address = ParseAddress(node.substr(1, close - 1));
    if (!address || !address->ipv6) return std::nullopt;
    return address;
  }
  if (std::count(node.begin(), node.end(), ':') == 1) {  // IPv4 with a port
    const auto colon = node.find(':');
    if (!IsPort(node.substr(colon + 1))) return std::nullopt;
    auto address = ParseAddress(node.substr(0, colon));
    if (!address || address->ipv6) return std::nullopt;
    return address;
  }
  return ParseAddress(node);
}

// `text` cut at each `separator` that is not inside a quoted-string (RFC 9110 5.6.4, with its
// backslash escapes); an unterminated quote runs to the end.
std::vector<std::string_view> SplitOutsideQuotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '\\') {
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (!quoted && c == separator) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// The value of a Forwarded element's for= parameter, unquoted; "" when it has none (a hop that
// did not say whom it forwarded for) or the quoted-string holds escapes (no address does).
std::string_view ForOf(std::string_view element) {
  for (const std::string_view pair : SplitOutsideQuotes(element, ';')) {
    const auto equals = pair.find('=');
    if (equals == std::string_view::npos) continue;
    const std::string_view name = Trim(pair.substr(0, equals));
    if (name.size() != 3 || std::tolower(static_cast<unsigned char>(name[0])) != 'f' ||
        std::tolower(static_cast<unsigned char>(name[1])) != 'o' ||
        std::tolower(static_cast<unsigned char>(name[2])) != 'r') {
      continue;
    }
    std::string_view value = Trim(pair.substr(equals + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
      if (value.find('\\') != std::string_view::npos) return {};
    }
    return value;
  }
  return {};
}

// The chain the headers give, leftmost (the client, by their word) first.
std::vector<std::string_view> Chain(std::span<const std::string_view> x_forwarded_for,
                                    std::span<const std::string_view> forwarded) {
  std::vector<std::string_view> nodes;
  if (!x_forwarded_for.empty()) {
    for (const std::string_view field : x_forwarded_for) {
      for (const std::string_view node : SplitOutsideQuotes(field, ',')) {
        if (!Trim(node).empty()) nodes.push_back(node);  // "a,,b": empty list members
      }
    }
    return nodes;
  }
  for (const std::string_view field : forwarded) {
    for (const std::string_view element : SplitOutsideQuotes(field, ',')) {
      if (!Trim(element).empty()) nodes.push_back(ForOf(element));
    }
  }
  return nodes;
}

}  // namespace

TrustedProxies TrustedProxies::Parse(std::string_view list) {
  TrustedProxies proxies;
  std::size_t start = 0;
  while (true) {
    const auto comma = list.find(',', start);
    const std::string_view entry =
        Trim(list.substr(start, comma == std::string_view::npos ? list.npos : comma - start));
    const auto refuse = [&entry](const std::string& why) {
      throw std::invalid_argument("'" + std::string(entry) + "' is not a network: " + why);
    };
    if (entry.empty()) refuse("expected an address or CIDR such as 10.0.0.0/8 or ::1");
    const auto slash = entry.find('/');
    const auto address = ParseAddress(entry.substr(0, slash));
    if (!address) refuse("expected an IPv4 or IPv6 address before the '/'");
    const int bits = address->ipv6 ? 128 : 32;
    int prefix = bits;
    if (slash != std::string_view::npos) {
      const std::string_view length = entry.substr(slash + 1);
      const auto [end, error] =
          std::from_chars(length.data(), length.data() + length.size(), prefix);
      if (length.empty() || error != std::errc{} || end != length.data() + length.size() ||
          prefix < 0 || prefix > bits) {
        refuse("the prefix length must be a whole number from 0 to " + std::to_string(bits));
      }
    }
    Network network{address->bytes, address->ipv6, prefix};
    // Host bits are cleared: 10.1.2.3/8 is 10.0.0.0/8.
    for (int bit = prefix; bit < bits; ++bit) {
      network.bytes[static_cast<std::size_t>(bit / 8)] &=
          static_cast<std::uint8_t>(~(0x80u >> (bit % 8)));
    }
    proxies.networks_.push_back(network);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return proxies;
}

bool TrustedProxies::Contains(const Network& address) const {
  return std::any_of(networks_.begin(), networks_.end(), [&address](const Network& network) {
    if (network.ipv6 != address.ipv6) return false;
    const int whole = network.prefix / 8;
    if (!std::equal(network.bytes.begin(), network.bytes.begin() + whole, address.bytes.begin())) {
      return false;
    }
    const int rest = network.prefix % 8;
    if (rest == 0) return true;
    const auto mask = static_cast<std::uint8_t>(0xffu << (8 - rest));
    return (network.bytes[static_cast<std::size_t>(whole)] & mask) ==
           (address.bytes[static_cast<std::size_t>(whole)] & mask);
  });
}

bool TrustedProxies::Contains(std::string_view address) const {
  const auto parsed = ParseAddress(address);
  return parsed && Contains(Network{parsed->bytes, parsed->ipv6, parsed->ipv6 ? 128 : 32});
}

std::string TrustedProxies::ClientOf(std::string_view peer,
                                     std::span<const std::string_view> x_forwarded_for,
                                     std::span<const std::string_view> forwarded) const {
  if (!Contains(peer)) return std::string(peer);
  std::string client(peer);
  const std::vector<std::string_view> chain = Chain(x_forwarded_for, forwarded);
  // From the right: the first address that is no trusted proxy; when every one is, the
  // leftmost (a machine of our own).
  for (auto node = chain.rbegin(); node != chain.rend(); ++node) {
    const auto address = ParseNode(*node);
    if (!address) return "unknown";
    client = TextOf(*address);
    if (!Contains(Network{address->bytes, address->ipv6, address->ipv6 ? 128 : 32})) break;
  }
  return client;
}

std::string TrustedProxies::ToString() const {
  std::string text;
  for (const Network& network : networks_) {
    if (!text.empty()) text += ',';
    text += TextOf(Address{network.bytes, network.ipv6}) + "/" + std::to_string(network.prefix);
  }
  return text;
}

}  // namespace casus::web
