#pragma once

// The hash chain of the audit trail, shared by SociAuditTrail's Append and Verify and by its
// tests. Internal to persistence/.

#include <cstdint>
#include <string>
#include <string_view>

#include "domain/access/audit_trail.hpp"
#include "persistence/audit_key.hpp"

namespace casus::persistence {

// The prev_hash of row 1; also the head of an empty trail (schema/004_access.sql).
inline constexpr std::string_view kAuditGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// The bytes a row's hash is computed over: a version tag, then id, at, token, role, action,
// object, result, client and prev_hash, each as "<byte length>:<bytes>\n", and for a row that
// counts several requests (count > 1, tag v2) the count last. Every field is length-prefixed,
// so no two different rows encode alike whatever characters they hold.
std::string AuditChainEncoding(std::int64_t id, const domain::AuditEvent& event,
                               std::string_view prev_hash);

// The bytes a row of a keyed chain is MACed over: tag casus-audit-hmac-v1, then the fields of
// AuditChainEncoding and the count, always. The tag differs from every unkeyed one, so a keyed
// and an unkeyed hash are never computed over the same bytes.
std::string KeyedAuditChainEncoding(std::int64_t id, const domain::AuditEvent& event,
                                    std::string_view prev_hash);

// The `hash` column of row `id` (64 hex digits): without a key (an unkeyed chain) SHA-256 of
// AuditChainEncoding; with one, HMAC-SHA-256 of KeyedAuditChainEncoding under `key`.
std::string AuditChainHash(std::int64_t id, const domain::AuditEvent& event,
                           std::string_view prev_hash, const AuditKey* key = nullptr);

}  // namespace casus::persistence
