#include "web/media_type.hpp"

#include <cctype>
#include <cstddef>

namespace casus::web {

namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string_view Trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return text.substr(first, last - first + 1);
}

}  // namespace

bool IsJsonMediaType(std::string_view content_type) {
  bool media_type = true;
  std::size_t start = 0;
  while (true) {
    const auto end = content_type.find(';', start);
    const std::string_view part =
        Trim(content_type.substr(start, end == std::string_view::npos ? end : end - start));
    if (media_type) {
      if (!EqualsIgnoreCase(part, "application/json")) return false;
      media_type = false;
    } else if (const auto equals = part.find('=');
               equals != std::string_view::npos &&
               EqualsIgnoreCase(Trim(part.substr(0, equals)), "charset")) {
      std::string_view charset = Trim(part.substr(equals + 1));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"') {
        charset = charset.substr(1, charset.size() - 2);
      }
      if (!EqualsIgnoreCase(charset, "utf-8")) return false;
    }
    if (end == std::string_view::npos) return true;
    start = end + 1;
  }
}

}  // namespace casus::web
