#include "web/json_reader.hpp"

#include <rapidjson/error/en.h>

#include <bitset>
#include <limits>
#include "web/text.hpp"

namespace casus::web {

namespace {

constexpr std::size_t kMaxAllowedFields = 32;

const char* TypeName(const rapidjson::Value& value) {
  switch (value.GetType()) {
    case rapidjson::kNullType:
      return "null";
    case rapidjson::kFalseType:
    case rapidjson::kTrueType:
      return "a boolean";
    case rapidjson::kObjectType:
      return "an object";
    case rapidjson::kArrayType:
      return "an array";
    case rapidjson::kStringType:
      return "a string";
    case rapidjson::kNumberType:
      return "a number";
  }
  return "an unknown type";
}

}  // namespace

void CheckJsonDepth(std::string_view text, int max_depth) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      if (++depth > max_depth) {
        ThrowMalformed("JSON nests deeper than " + std::to_string(max_depth) + " levels");
      }
    } else if (c == ']' || c == '}') {
      --depth;  // unbalanced input is the parser's to report
    }
  }
}

JsonBody::JsonBody(std::string_view text) {
  CheckJsonDepth(text);
  // Iterative parsing bounds the stack even if the depth check were ever bypassed; encoding
  // validation keeps invalid UTF-8 out of the domain and out of our own responses.
  constexpr unsigned kFlags =
      rapidjson::kParseValidateEncodingFlag | rapidjson::kParseIterativeFlag;
  document_.Parse<kFlags>(text.data(), text.size());
  if (document_.HasParseError()) {
    ThrowMalformed(std::string("malformed JSON at offset ") +
                   std::to_string(document_.GetErrorOffset()) + ": " +
                   rapidjson::GetParseError_En(document_.GetParseError()));
  }
  if (!document_.IsObject()) ThrowMalformed("the request body must be a JSON object");
}

JsonObjectReader::JsonObjectReader(const rapidjson::Value& object, std::string path,
                                   std::initializer_list<std::string_view> allowed)
    : object_(&object), path_(std::move(path)) {
  if (!object.IsObject()) {
    ThrowMalformed("field '" + path_ + "' must be an object, not " + TypeName(object));
  }
  if (allowed.size() > kMaxAllowedFields) throw std::logic_error("too many allowed fields");
  // Linear in the member count: the first unknown or repeated member ends the scan.
  std::bitset<kMaxAllowedFields> seen;
  for (auto member = object.MemberBegin(); member != object.MemberEnd(); ++member) {
    const std::string_view name(member->name.GetString(), member->name.GetStringLength());
    std::size_t index = 0;
    for (const std::string_view candidate : allowed) {
      if (candidate == name) break;
      ++index;
    }
    if (index == allowed.size()) ThrowMalformed("unknown field '" + Path(Echo(name)) + "'");
    if (seen.test(index)) ThrowMalformed("field '" + Path(name) + "' appears more than once");
    seen.set(index);
  }
}

std::string JsonObjectReader::Path(std::string_view field) const {
  return path_.empty() ? std::string(field) : path_ + "." + std::string(field);
}

std::string JsonObjectReader::ElementPath(std::string_view field, rapidjson::SizeType index) const {
  return Path(field) + "[" + std::to_string(index) + "]";
}

const rapidjson::Value* JsonObjectReader::Find(std::string_view field) const {
  const auto member = object_->FindMember(
      rapidjson::Value(field.data(), static_cast<rapidjson::SizeType>(field.size())));
  return member == object_->MemberEnd() ? nullptr : &member->value;
}

const rapidjson::Value* JsonObjectReader::FindArray(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull()) return nullptr;
  if (!value->IsArray()) {
    ThrowMalformed("field '" + Path(field) + "' must be an array, not " + TypeName(*value));
  }
  return value;
}

std::string JsonObjectReader::StringValue(const rapidjson::Value& value, const std::string& path) {
  if (!value.IsString()) {
    ThrowMalformed("field '" + path + "' must be a string, not " + TypeName(value));
  }
  std::string text(value.GetString(), value.GetStringLength());
  if (text.find('\0') != std::string::npos) {
    ThrowMalformed("field '" + path + "' must not contain NUL characters");
  }
  return text;
}

// RapidJSON keeps 3 and 3.0 apart: only the first is a whole number here, as in the contract.
std::int64_t JsonObjectReader::Int64Value(const rapidjson::Value& value, const std::string& path) {
  if (!value.IsNumber()) {
    ThrowMalformed("field '" + path + "' must be a number, not " + TypeName(value));
  }
  if (!value.IsInt64()) {
    throw domain::DomainError(domain::ErrorCode::kInvalid,
                              "field '" + path + "' must be a whole number");
  }
  return value.GetInt64();
}

void JsonObjectReader::RequirePresent(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull())
    ThrowMalformed("field '" + Path(field) + "' is required");
}

std::string JsonObjectReader::RequiredString(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr) ThrowMalformed("field '" + Path(field) + "' is required");
  return StringValue(*value, Path(field));
}

std::optional<std::string> JsonObjectReader::OptionalString(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull()) return std::nullopt;
  return StringValue(*value, Path(field));
}

domain::Date JsonObjectReader::RequiredDate(std::string_view field) const {
  const auto date = domain::Date::Parse(RequiredString(field));
  if (!date) {
    throw domain::DomainError(domain::ErrorCode::kInvalid,
                              "field '" + Path(field) + "' must be a date YYYY-MM-DD");
  }
  return *date;
}

std::optional<domain::Date> JsonObjectReader::OptionalDate(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull()) return std::nullopt;
  return RequiredDate(field);
}

std::int64_t JsonObjectReader::RequiredInt64(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr) ThrowMalformed("field '" + Path(field) + "' is required");
  return Int64Value(*value, Path(field));
}

std::optional<int> JsonObjectReader::OptionalInt(std::string_view field) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull()) return std::nullopt;
  const std::int64_t number = Int64Value(*value, Path(field));
  if (number < std::numeric_limits<int>::min() || number > std::numeric_limits<int>::max()) {
    throw domain::DomainError(domain::ErrorCode::kInvalid,
                              "field '" + Path(field) + "' is out of range");
  }
  return static_cast<int>(number);
}

std::vector<std::string> JsonObjectReader::OptionalStringArray(std::string_view field) const {
  std::vector<std::string> values;
  const rapidjson::Value* array = FindArray(field);
  if (array == nullptr) return values;
  for (rapidjson::SizeType i = 0; i < array->Size(); ++i) {
    values.push_back(StringValue((*array)[i], ElementPath(field, i)));
  }
  return values;
}

std::vector<std::int64_t> JsonObjectReader::OptionalInt64Array(std::string_view field) const {
  std::vector<std::int64_t> values;
  const rapidjson::Value* array = FindArray(field);
  if (array == nullptr) return values;
  for (rapidjson::SizeType i = 0; i < array->Size(); ++i) {
    values.push_back(Int64Value((*array)[i], ElementPath(field, i)));
  }
  return values;
}

std::optional<JsonObjectReader> JsonObjectReader::OptionalObject(
    std::string_view field, std::initializer_list<std::string_view> allowed) const {
  const rapidjson::Value* value = Find(field);
  if (value == nullptr || value->IsNull()) return std::nullopt;
  return JsonObjectReader(*value, Path(field), allowed);
}

}  // namespace casus::web
