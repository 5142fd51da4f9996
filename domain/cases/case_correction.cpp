#include "domain/cases/case_correction.hpp"

#include <cstdio>

namespace casus::domain {

std::string JsonString(const std::string& text) {
  std::string out = "\"";
  for (const char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
          out += escaped;
        } else {
          out += c;  // UTF-8 passes as it is
        }
    }
  }
  return out + "\"";
}

namespace {

std::string JsonValue(const std::optional<std::string>& text) {
  return text ? JsonString(*text) : "null";
}

template <typename E>
std::string JsonValue(const std::optional<E>& value) {
  return value ? JsonString(std::string(Name(*value))) : "null";
}

template <typename E>
std::string JsonNames(const std::vector<E>& values) {
  std::string out = "[";
  for (const auto& value : values) {
    if (out.size() > 1) out += ',';
    out += JsonString(std::string(Name(value)));
  }
  return out + "]";
}

// As web/json_values.cpp's WriteAddress writes it.
std::string JsonValue(const std::optional<Address>& address) {
  if (!address) return "null";
  return "{\"street\":" + JsonString(address->street) +
         ",\"number\":" + JsonString(address->number) +
         ",\"postcode\":" + JsonString(address->postcode) +
         ",\"city\":" + JsonValue(address->city) + "}";
}

}  // namespace

std::vector<CaseChange> ChangedFields(const Casus& current, const Casus& corrected) {
  std::vector<CaseChange> changes;
  const auto add = [&](const char* field, std::string old_value, std::string new_value) {
    if (old_value == new_value) return;
    CaseChange change;
    change.field = field;
    change.old_value = std::move(old_value);
    change.new_value = std::move(new_value);
    changes.push_back(std::move(change));
  };
  add("district", JsonValue(current.district), JsonValue(corrected.district));
  add("housing_type", JsonValue(current.housing_type), JsonValue(corrected.housing_type));
  add("categories", JsonNames(current.categories), JsonNames(corrected.categories));
  add("summary", JsonString(current.summary), JsonString(corrected.summary));
  add("address", JsonValue(current.address), JsonValue(corrected.address));
  add("reported_on", JsonString(current.reported_on.ToString()),
      JsonString(corrected.reported_on.ToString()));
  add("themes", JsonNames(current.themes), JsonNames(corrected.themes));
  add("assignee", JsonValue(current.assignee), JsonValue(corrected.assignee));
  return changes;
}

}  // namespace casus::domain
