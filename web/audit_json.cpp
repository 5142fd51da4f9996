#include "web/audit_json.hpp"

#include "web/json.hpp"
#include "web/json_values.hpp"

namespace casus::web {

namespace {

void WriteMember(JsonWriter& writer, std::string_view key, const std::string& value) {
  WriteKey(writer, key);
  WriteString(writer, value);
}

void WriteAuditRecord(JsonWriter& writer, const domain::AuditRecord& record) {
  const domain::AuditEvent& event = record.event;
  writer.StartObject();
  WriteKey(writer, "id");
  writer.Int64(record.id);
  WriteMember(writer, "at", event.at);
  WriteMember(writer, "token", event.token);
  WriteMember(writer, "role", event.role);
  WriteMember(writer, "action", event.action);
  WriteMember(writer, "object", event.object);
  WriteMember(writer, "result", event.result);
  WriteMember(writer, "client", event.client);
  WriteMember(writer, "hash", record.hash);
  WriteKey(writer, "count");  // requests the row stands for: refusals without a token add up
  writer.Int64(event.count);
  writer.EndObject();
}

}  // namespace

std::string AuditPageJson(const domain::AuditPage& page) {
  return PageJson(page, WriteAuditRecord);
}

}  // namespace casus::web
