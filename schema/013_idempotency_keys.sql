-- The replies kept for Idempotency-Key (issue #12): a retry of a POST or PATCH with the same
-- key from the same caller within 24 hours gets the first reply again instead of changing
-- anything twice. Written in the unit of work of the change it answers (web/router.hpp).
-- `scope` is the caller (token or person name as the audit trail records it); `fingerprint`
-- the SHA-256 (hex) of the request's method, target and body; `created_at` an instant
-- "YYYY-MM-DDTHH:MM:SSZ". Rows older than 24 hours are never replayed and are removed
-- (domain/access/idempotency_keys.hpp): the bodies hold personal data for that long only.
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  status INTEGER NOT NULL,
  content_type TEXT NOT NULL,
  location TEXT NOT NULL,
  etag TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (scope, idempotency_key)
);

CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at);
