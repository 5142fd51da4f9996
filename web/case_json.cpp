#include "web/case_json.hpp"

#include <utility>

#include "domain/error.hpp"
#include "web/json_values.hpp"

namespace casus::web {

namespace {

void WriteTransition(JsonWriter& writer, const domain::TransitionRecord& record) {
  writer.StartObject();
  WriteKey(writer, "sequence");
  writer.Int64(record.sequence);
  WriteKey(writer, "from");
  WriteOptionalName(writer, record.from);
  WriteKey(writer, "to");
  WriteString(writer, domain::Name(record.to));
  WriteKey(writer, "on");
  WriteString(writer, record.on.ToString());
  WriteKey(writer, "reason");
  WriteOptionalString(writer, record.reason);
  WriteKey(writer, "result");
  WriteOptionalName(writer, record.result);
  WriteKey(writer, "recorded_at");
  WriteString(writer, record.recorded_at);
  WriteKey(writer, "partner");
  WriteOptionalString(writer, record.partner);
  WriteKey(writer, "measure");
  WriteOptionalName(writer, record.measure);
  WriteKey(writer, "legal_basis");
  WriteOptionalName(writer, record.legal_basis);
  WriteKey(writer, "until");
  WriteOptionalDate(writer, record.until);
  writer.EndObject();
}

}  // namespace

domain::NewCase NewCaseFromReader(const JsonObjectReader& reader, domain::CaseKind kind) {
  domain::NewCase request;
  request.kind = kind;
  request.district = reader.OptionalString("district");
  request.housing_type = reader.OptionalEnum<domain::HousingType>("housing_type");
  request.reported_on = reader.RequiredDate("reported_on");
  request.categories = reader.OptionalEnumArray<domain::NuisanceCategory>("categories");
  request.themes = reader.OptionalEnumArray<domain::Theme>("themes");
  request.summary = reader.RequiredString("summary");
  request.address = OptionalAddress(reader, "address");
  return request;
}

domain::NewCase NewCaseFromJson(std::string_view body) {
  const JsonBody json(body);
  const JsonObjectReader reader(json.root(), "",
                                {"kind", "district", "housing_type", "reported_on", "categories",
                                 "themes", "summary", "address"});
  return NewCaseFromReader(reader, reader.RequiredEnum<domain::CaseKind>("kind"));
}

domain::TransitionRequest TransitionRequestFromJson(std::string_view body) {
  const JsonBody json(body);
  const JsonObjectReader reader(
      json.root(), "",
      {"to", "on", "reason", "result", "partner", "measure", "legal_basis", "until"});
  domain::TransitionRequest request;
  request.to = reader.RequiredEnum<domain::CaseState>("to");
  request.on = reader.RequiredDate("on");
  request.reason = reader.OptionalString("reason");
  request.result = reader.OptionalEnum<domain::CloseResult>("result");
  request.partner = reader.OptionalString("partner");
  request.measure = reader.OptionalEnum<domain::EnforcementMeasure>("measure");
  request.legal_basis = reader.OptionalEnum<domain::LegalBasis>("legal_basis");
  request.until = reader.OptionalDate("until");
  return request;
}

domain::CaseCorrection CaseCorrectionFromJson(std::string_view body) {
  const JsonBody json(body);
  const JsonObjectReader reader(json.root(), "",
                                {"district", "housing_type", "categories", "summary", "address",
                                 "reported_on", "themes", "assignee", "reason", "state"});
  if (reader.Has("state")) {
    throw domain::DomainError(domain::ErrorCode::kConflict,
                              "the state is not corrected: move the casus with POST "
                              "/api/v1/cases/{id}/transitions");
  }
  domain::CaseCorrection correction;
  if (reader.Has("district")) correction.district = reader.OptionalString("district");
  if (reader.Has("housing_type")) {
    correction.housing_type = reader.OptionalEnum<domain::HousingType>("housing_type");
  }
  if (reader.Has("categories")) {
    correction.categories = reader.OptionalEnumArray<domain::NuisanceCategory>("categories");
  }
  if (reader.Has("summary")) correction.summary = reader.RequiredString("summary");
  if (reader.Has("address")) correction.address = OptionalAddress(reader, "address");
  if (reader.Has("reported_on")) correction.reported_on = reader.RequiredDate("reported_on");
  if (reader.Has("themes")) correction.themes = reader.OptionalEnumArray<domain::Theme>("themes");
  if (reader.Has("assignee")) correction.assignee = reader.OptionalString("assignee");
  correction.reason = reader.OptionalString("reason");
  return correction;
}

std::string ChangesJson(const std::vector<domain::CaseChange>& changes) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (const auto& change : changes) {
    writer.StartObject();
    WriteKey(writer, "field");
    WriteString(writer, change.field);
    // The values are kept as JSON text (case_changes); null once purged.
    for (const auto& [key, value] :
         {std::pair{"old", &change.old_value}, std::pair{"new", &change.new_value}}) {
      WriteKey(writer, key);
      if (value->has_value()) {
        writer.RawValue((*value)->data(), (*value)->size(), rapidjson::kObjectType);
      } else {
        writer.Null();
      }
    }
    WriteKey(writer, "reason");
    WriteOptionalString(writer, change.reason);
    WriteKey(writer, "who");
    WriteString(writer, change.who);
    WriteKey(writer, "at");
    WriteString(writer, change.at);
    writer.EndObject();
  }
  writer.EndArray();
  return buffer.GetString();
}

void WriteCase(JsonWriter& writer, const domain::Casus& casus) {
  writer.StartObject();
  WriteKey(writer, "id");
  writer.Int64(casus.id);
  WriteKey(writer, "kind");
  WriteString(writer, domain::Name(casus.kind));
  WriteKey(writer, "state");
  WriteString(writer, domain::Name(casus.state));
  WriteKey(writer, "district");
  WriteOptionalString(writer, casus.district);
  WriteKey(writer, "housing_type");
  WriteOptionalName(writer, casus.housing_type);
  WriteKey(writer, "reported_on");
  WriteString(writer, casus.reported_on.ToString());
  WriteKey(writer, "categories");
  WriteNames(writer, casus.categories);
  WriteKey(writer, "themes");
  WriteNames(writer, casus.themes);
  WriteKey(writer, "summary");
  WriteString(writer, casus.summary);
  WriteKey(writer, "address");
  WriteAddress(writer, casus.address);
  WriteKey(writer, "signal_ids");
  WriteInt64s(writer, casus.signal_ids);
  WriteKey(writer, "assignee");
  WriteOptionalString(writer, casus.assignee);
  WriteKey(writer, "version");
  writer.Int64(casus.version);
  writer.EndObject();
}

std::string CaseJson(const domain::Casus& casus) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  WriteCase(writer, casus);
  return buffer.GetString();
}

std::string CasePageJson(const domain::CasePage& page) { return PageJson(page, WriteCase); }

namespace {

void WriteNote(JsonWriter& writer, const domain::CaseNote& note) {
  writer.StartObject();
  WriteKey(writer, "id");
  writer.Int64(note.id);
  WriteKey(writer, "case_id");
  writer.Int64(note.case_id);
  WriteKey(writer, "text");
  WriteString(writer, note.text);
  WriteKey(writer, "author");
  WriteString(writer, note.author);
  WriteKey(writer, "at");
  WriteString(writer, note.at);
  writer.EndObject();
}

}  // namespace

std::string NoteTextFromJson(std::string_view body) {
  const JsonBody json(body);
  return JsonObjectReader(json.root(), "", {"text"}).RequiredString("text");
}

std::string NoteJson(const domain::CaseNote& note) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  WriteNote(writer, note);
  return buffer.GetString();
}

std::string NotePageJson(const domain::NotePage& page) { return PageJson(page, WriteNote); }

std::string HistoryJson(const std::vector<domain::TransitionRecord>& history) {
  rapidjson::StringBuffer buffer;
  JsonWriter writer(buffer);
  writer.StartArray();
  for (const auto& record : history) WriteTransition(writer, record);
  writer.EndArray();
  return buffer.GetString();
}

}  // namespace casus::web
