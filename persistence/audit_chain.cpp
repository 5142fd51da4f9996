#include "persistence/audit_chain.hpp"

#include "persistence/sha256.hpp"

namespace casus::persistence {

namespace {

// Changing the encoding would break every stored chain: a new encoding needs a new tag, and
// Verify then has to know which rows use which.
constexpr std::string_view kEncodingTag = "casus-audit-v1\n";

void AppendField(std::string& encoding, std::string_view field) {
  encoding += std::to_string(field.size());
  encoding += ':';
  encoding += field;
  encoding += '\n';
}

}  // namespace

std::string AuditChainEncoding(std::int64_t id, const domain::AuditEvent& event,
                               std::string_view prev_hash) {
  std::string encoding(kEncodingTag);
  AppendField(encoding, std::to_string(id));
  AppendField(encoding, event.at);
  AppendField(encoding, event.token);
  AppendField(encoding, event.role);
  AppendField(encoding, event.action);
  AppendField(encoding, event.object);
  AppendField(encoding, event.result);
  AppendField(encoding, event.client);
  AppendField(encoding, prev_hash);
  return encoding;
}

std::string AuditChainHash(std::int64_t id, const domain::AuditEvent& event,
                           std::string_view prev_hash) {
  return Sha256Hex(AuditChainEncoding(id, event, prev_hash));
}

}  // namespace casus::persistence
