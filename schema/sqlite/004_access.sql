-- Access control, the audit trail and the retention of personal data. Conventions as in
-- 001_cases.sql: portable SQL, TEXT dates ('YYYY-MM-DD') and instants ('YYYY-MM-DDTHH:MM:SSZ'),
-- enums stored by their wire names and checked here. The triggers are SQLite's dialect; see
-- the note above them.

-- API tokens. Only the SHA-256 (hex) of a secret is stored; the secret is shown once.
-- A revoked token stays, so that its name is never reused and the audit trail stays readable.
CREATE TABLE api_tokens (
  name TEXT NOT NULL PRIMARY KEY,
  role TEXT NOT NULL CHECK (role IN ('woonoverlast', 'ondermijning', 'analist', 'beheerder')),
  secret_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  expires_on TEXT NULL CHECK (expires_on LIKE '____-__-__'),
  revoked_at TEXT NULL
);

-- The audit trail (BIO), append-only and hash-chained: `hash` is SHA-256 over the row's id,
-- its event columns and `prev_hash`, the hash of row id - 1 (64 zeros for row 1). Ids are
-- assigned by the application, consecutive from 1, so a removed row leaves a visible gap.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  token TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  object TEXT NOT NULL,
  result TEXT NOT NULL,
  client TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
-- The audit query: one object's rows in chain order, and a period.
CREATE INDEX audit_log_object_id ON audit_log (object, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The end of the chain, advanced in the same transaction as every append. Appends chain onto
-- it, and Verify compares it with the last row, so that removing the newest rows is detected
-- too (a chain alone cannot tell a shortened trail from a short one).
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id INTEGER NOT NULL CHECK (last_id >= 0),
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only, enforced by the database for every writer, not only this program. SQLite
-- dialect: PostgreSQL needs a trigger function instead, e.g.
--   CREATE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS
--     $$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
--   CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
--     FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
-- a row-level BEFORE UPDATE trigger on audit_head for its forward-only rule below, and
-- REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM the application's role.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;
-- The head only moves forward, one row at a time, and is never removed.
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
WHEN NEW.id <> OLD.id OR NEW.last_id <> OLD.last_id + 1
BEGIN
  SELECT RAISE(ABORT, 'audit_head only advances by one row');
END;
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
BEGIN
  SELECT RAISE(ABORT, 'audit_head cannot be removed');
END;

-- How many years personal data is kept after a casus of a kind closes (for ondermijning also
-- after a signal is assessed).
CREATE TABLE retention_policies (
  kind TEXT NOT NULL PRIMARY KEY CHECK (kind IN ('woonoverlast', 'ondermijning')),
  years INTEGER NOT NULL CHECK (years BETWEEN 1 AND 100)
);
INSERT INTO retention_policies (kind, years) VALUES ('woonoverlast', 5), ('ondermijning', 5);

-- The day the retention purge removed a row's personal data; NULL while it still holds it.
ALTER TABLE cases ADD COLUMN purged_on TEXT NULL CHECK (purged_on LIKE '____-__-__');
ALTER TABLE signals ADD COLUMN purged_on TEXT NULL CHECK (purged_on LIKE '____-__-__');
