-- Access control, the audit trail and the retention of personal data. PostgreSQL's dialect of
-- schema/sqlite/004_access.sql: the same tables, and the append-only rules as trigger
-- functions. Conventions as in 001_cases.sql.

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
  id BIGINT PRIMARY KEY,
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
CREATE INDEX audit_log_object_id ON audit_log (object, id);
CREATE INDEX audit_log_at ON audit_log (at);

-- The end of the chain, advanced in the same transaction as every append; its row is also
-- where concurrent appenders from several instances queue (a row lock), so the chain stays
-- one.
CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_id BIGINT NOT NULL CHECK (last_id >= 0),
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Append-only, enforced by the database for every writer, not only this program.
CREATE FUNCTION casus_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '%', TG_ARGV[0];
END
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION casus_refuse('audit_log is append-only');
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION casus_refuse('audit_log is append-only');
-- The head only moves forward, one row at a time, and is never removed.
CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
  FOR EACH ROW WHEN (NEW.id <> OLD.id OR NEW.last_id <> OLD.last_id + 1)
  EXECUTE FUNCTION casus_refuse('audit_head only advances by one row');
CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
  FOR EACH ROW EXECUTE FUNCTION casus_refuse('audit_head cannot be removed');
CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head
  FOR EACH STATEMENT EXECUTE FUNCTION casus_refuse('audit_head cannot be removed');

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
