#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/enum_names.hpp"
#include "domain/error.hpp"
#include "web/enum_vocabulary.hpp"
#include "web/json.hpp"

namespace casus::web {

// Request bodies nesting deeper than this are refused before they reach the parser.
inline constexpr int kMaxJsonDepth = 32;

// Throws DomainError(kMalformed) when `text` opens more than `max_depth` arrays and objects
// inside each other. A linear scan that respects strings, run before parsing so that no
// parser ever recurses on hostile input.
void CheckJsonDepth(std::string_view text, int max_depth = kMaxJsonDepth);

// A request body that must be exactly one JSON object in valid UTF-8.
// Throws DomainError(kMalformed) otherwise, with a detail saying where it went wrong.
class JsonBody {
 public:
  explicit JsonBody(std::string_view text);

  // Valid as long as this JsonBody lives.
  const rapidjson::Value& root() const { return document_; }

 private:
  rapidjson::Document document_;
};

// Reads the fields of one JSON object and refuses what the contract does not allow, with a
// detail naming the field by its path, e.g. "address.street":
// - the shape, DomainError(kMalformed) (400): a member not in `allowed`, a repeated member, a
//   missing required member, a value of the wrong JSON type;
// - the value, DomainError(kInvalid) (422), like the domain's own value checks (unknown wijk,
//   future date): a string outside an enum's vocabulary, a date that is not YYYY-MM-DD, a
//   number where a whole number is expected that is not one (1.5) or out of range.
// "Optional" accessors treat an absent member and null alike. Does not own `object`.
class JsonObjectReader {
 public:
  JsonObjectReader(const rapidjson::Value& object, std::string path,
                   std::initializer_list<std::string_view> allowed);

  // Whether the member is there at all, null included (a merge patch's null clears a field).
  bool Has(std::string_view field) const { return Find(field) != nullptr; }

  std::string RequiredString(std::string_view field) const;
  std::optional<std::string> OptionalString(std::string_view field) const;
  domain::Date RequiredDate(std::string_view field) const;  // "YYYY-MM-DD"
  std::optional<domain::Date> OptionalDate(std::string_view field) const;
  std::int64_t RequiredInt64(std::string_view field) const;
  std::optional<int> OptionalInt(std::string_view field) const;

  // Arrays; empty when absent or null.
  std::vector<std::string> OptionalStringArray(std::string_view field) const;
  std::vector<std::int64_t> OptionalInt64Array(std::string_view field) const;

  template <typename E>
  E RequiredEnum(std::string_view field) const {
    return ParseEnum<E>(RequiredString(field), Path(field));
  }

  template <typename E>
  std::optional<E> OptionalEnum(std::string_view field) const {
    const auto text = OptionalString(field);
    if (!text) return std::nullopt;
    return ParseEnum<E>(*text, Path(field));
  }

  // An array of enum names; empty when absent or null.
  template <typename E>
  std::vector<E> OptionalEnumArray(std::string_view field) const {
    std::vector<E> values;
    const rapidjson::Value* array = FindArray(field);
    if (array == nullptr) return values;
    for (rapidjson::SizeType i = 0; i < array->Size(); ++i) {
      const std::string element_path = ElementPath(field, i);
      values.push_back(ParseEnum<E>(StringValue((*array)[i], element_path), element_path));
    }
    return values;
  }

  // As OptionalEnumArray, but an absent or null member is missing (400); [] is left to the
  // domain's judgement.
  template <typename E>
  std::vector<E> RequiredEnumArray(std::string_view field) const {
    RequirePresent(field);
    return OptionalEnumArray<E>(field);
  }

  // A nested object, read with its own list of allowed members; nullopt when absent or null.
  std::optional<JsonObjectReader> OptionalObject(
      std::string_view field, std::initializer_list<std::string_view> allowed) const;

 private:
  template <typename E>
  static E ParseEnum(std::string_view text, const std::string& path) {
    if (const auto value = domain::Parse<E>(text)) return *value;
    throw domain::DomainError(domain::ErrorCode::kInvalid,
                              "field '" + path + "' must be one of: " + Vocabulary<E>());
  }

  static std::string StringValue(const rapidjson::Value& value, const std::string& path);
  static std::int64_t Int64Value(const rapidjson::Value& value, const std::string& path);
  void RequirePresent(std::string_view field) const;                // absent or null: kMalformed
  const rapidjson::Value* Find(std::string_view field) const;       // nullptr when absent
  const rapidjson::Value* FindArray(std::string_view field) const;  // nullptr when absent/null
  std::string Path(std::string_view field) const;
  std::string ElementPath(std::string_view field, rapidjson::SizeType index) const;

  const rapidjson::Value* object_;
  std::string path_;
};

}  // namespace casus::web
