#include "persistence/audit_chain.hpp"

#include "persistence/sha256.hpp"

namespace casus::persistence {

namespace {

// Changing the encoding would break every stored chain: a new encoding needs a new tag, and
// Verify then has to know which rows use which.
constexpr std::string_view kEncodingTag = "casus-audit-v1\n";
// Rows that stand for several requests (AuditEvent::count > 1, from migration 006 on): the v1
// fields, then the count. Rows of one request keep v1, so chains written before still verify.
constexpr std::string_view kCountedEncodingTag = "casus-audit-v2\n";
// Rows of a keyed chain (issue #11): a tag of their own, and the count in every row.
constexpr std::string_view kKeyedEncodingTag = "casus-audit-hmac-v1\n";

void AppendField(std::string& encoding, std::string_view field) {
  encoding += std::to_string(field.size());
  encoding += ':';
  encoding += field;
  encoding += '\n';
}

void AppendFields(std::string& encoding, std::int64_t id, const domain::AuditEvent& event,
                  std::string_view prev_hash) {
  AppendField(encoding, std::to_string(id));
  AppendField(encoding, event.at);
  AppendField(encoding, event.token);
  AppendField(encoding, event.role);
  AppendField(encoding, event.action);
  AppendField(encoding, event.object);
  AppendField(encoding, event.result);
  AppendField(encoding, event.client);
  AppendField(encoding, prev_hash);
}

}  // namespace

std::string AuditChainEncoding(std::int64_t id, const domain::AuditEvent& event,
                               std::string_view prev_hash) {
  std::string encoding(event.count == 1 ? kEncodingTag : kCountedEncodingTag);
  AppendFields(encoding, id, event, prev_hash);
  if (event.count != 1) AppendField(encoding, std::to_string(event.count));
  return encoding;
}

std::string KeyedAuditChainEncoding(std::int64_t id, const domain::AuditEvent& event,
                                    std::string_view prev_hash) {
  std::string encoding(kKeyedEncodingTag);
  AppendFields(encoding, id, event, prev_hash);
  AppendField(encoding, std::to_string(event.count));
  return encoding;
}

std::string AuditChainHash(std::int64_t id, const domain::AuditEvent& event,
                           std::string_view prev_hash, const AuditKey* key) {
  if (key == nullptr) return Sha256Hex(AuditChainEncoding(id, event, prev_hash));
  return key->MacHex(KeyedAuditChainEncoding(id, event, prev_hash));
}

}  // namespace casus::persistence
