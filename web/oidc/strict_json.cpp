#include "web/oidc/strict_json.hpp"

#include <set>
#include <string>

#include "web/json_reader.hpp"

namespace casus::web::oidc {

namespace {

bool HasDuplicateMembers(const rapidjson::Value& value) {
  if (value.IsArray()) {
    for (const auto& element : value.GetArray()) {
      if (HasDuplicateMembers(element)) return true;
    }
    return false;
  }
  if (!value.IsObject()) return false;
  std::set<std::string_view> names;
  for (const auto& member : value.GetObject()) {
    if (!names.emplace(member.name.GetString(), member.name.GetStringLength()).second) return true;
    if (HasDuplicateMembers(member.value)) return true;
  }
  return false;
}

}  // namespace

std::optional<rapidjson::Document> ParseStrictObject(std::string_view text, int max_depth) {
  try {
    CheckJsonDepth(text, max_depth);
  } catch (const domain::DomainError&) {
    return std::nullopt;
  }
  rapidjson::Document document;
  constexpr unsigned kFlags =
      rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  document.Parse<kFlags>(text.data(), text.size());
  // The recursion in HasDuplicateMembers is bounded by the depth checked above.
  if (document.HasParseError() || !document.IsObject() || HasDuplicateMembers(document)) {
    return std::nullopt;
  }
  return document;
}

}  // namespace casus::web::oidc
