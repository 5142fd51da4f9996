#include "web/text.hpp"

#include "domain/error.hpp"

namespace casus::web {

std::string_view TrimWhitespace(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

std::string Echo(std::string_view name) {
  if (name.size() <= kMaxEchoedNameBytes) return std::string(name);
  std::size_t end = kMaxEchoedNameBytes;
  while (end > 0 && (static_cast<unsigned char>(name[end]) & 0xC0) == 0x80) --end;
  return std::string(name.substr(0, end)) + "...";
}

void ThrowMalformed(const std::string& detail) {
  throw domain::DomainError(domain::ErrorCode::kMalformed, detail);
}

}  // namespace casus::web
