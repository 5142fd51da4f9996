#include "web/query_string.hpp"

#include <algorithm>
#include <cctype>

#include "domain/error.hpp"
#include "web/text.hpp"

namespace casus::web {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto byte = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    unsigned char low = 0x80;
    unsigned char high = 0xBF;
    if (byte < 0x80) {
      ++i;
      continue;
    } else if (byte >= 0xC2 && byte <= 0xDF) {
      length = 2;
    } else if (byte >= 0xE0 && byte <= 0xEF) {
      length = 3;
      if (byte == 0xE0) low = 0xA0;
      if (byte == 0xED) high = 0x9F;
    } else if (byte >= 0xF0 && byte <= 0xF4) {
      length = 4;
      if (byte == 0xF0) low = 0x90;
      if (byte == 0xF4) high = 0x8F;
    } else {
      return false;
    }
    if (i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? low : 0x80;
      const unsigned char max = k == 1 ? high : 0xBF;
      if (next < min || next > max) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

Target SplitTarget(std::string_view target) {
  for (const std::string_view scheme :
       {std::string_view("http://"), std::string_view("https://")}) {
    if (target.size() >= scheme.size() &&
        std::equal(scheme.begin(), scheme.end(), target.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      const auto path = target.find_first_of("/?", scheme.size());
      if (path == std::string_view::npos) return {"/", {}};
      if (target[path] == '?') return {"/", target.substr(path + 1)};
      target.remove_prefix(path);
      break;
    }
  }
  const auto question = target.find('?');
  if (question == std::string_view::npos) return {target, {}};
  return {target.substr(0, question), target.substr(question + 1)};
}

std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      if (i + 2 >= text.size()) return std::nullopt;
      const int high = HexValue(text[i + 1]);
      const int low = HexValue(text[i + 2]);
      if (high < 0 || low < 0) return std::nullopt;
      out += static_cast<char>(high * 16 + low);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!IsValidUtf8(out)) return std::nullopt;
  return out;
}

std::string UriReference(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (const char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte <= 0x20 || byte >= 0x7f || c == '"' || c == '\\') {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0f];
    } else {
      out += c;
    }
  }
  return out;
}

QueryString::QueryString(std::string_view query, std::initializer_list<std::string_view> allowed) {
  while (!query.empty()) {
    const auto amp = query.find('&');
    const std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
    if (pair.empty()) continue;
    const auto equals = pair.find('=');
    const auto name = PercentDecode(pair.substr(0, equals), true);
    if (!name) ThrowMalformed("the query contains a malformed percent-escape");
    const auto value = PercentDecode(
        equals == std::string_view::npos ? std::string_view{} : pair.substr(equals + 1), true);
    if (!value) ThrowMalformed("query parameter '" + Echo(*name) + "' is not properly encoded");
    if (std::find(allowed.begin(), allowed.end(), *name) == allowed.end()) {
      ThrowMalformed("unknown query parameter '" + Echo(*name) + "'");
    }
    const bool repeated = std::any_of(parameters_.begin(), parameters_.end(),
                                      [&](const auto& p) { return p.first == *name; });
    if (repeated) ThrowMalformed("query parameter '" + *name + "' is given more than once");
    parameters_.emplace_back(*name, *value);
  }
}

std::optional<std::string> QueryString::Get(std::string_view name) const {
  for (const auto& [key, value] : parameters_) {
    if (key == name) {
      if (value.empty()) return std::nullopt;
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace casus::web
