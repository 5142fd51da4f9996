-- Which key the audit chain is keyed with (issue #11): NULL for a chain hashed with plain
-- SHA-256, as every chain before this migration was; else the key's fingerprint
-- (persistence/audit_key.hpp: an HMAC under the key, never the key itself), set by
-- `casus audit rekey` in the transaction that rewrites the chain under the key. Casus refuses
-- to append to a keyed chain without that key, and to verify it without the key.
ALTER TABLE audit_head ADD COLUMN key_id TEXT NULL;
