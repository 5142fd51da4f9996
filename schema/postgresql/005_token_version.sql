-- A counter of changes to api_tokens, bumped by the database itself on every insert, update
-- and delete, so that every process that caches verified tokens (persistence/
-- cached_token_store.cpp) sees another process's create or revoke by reading one row.
-- PostgreSQL's dialect of schema/sqlite/005_token_version.sql: one statement-level trigger.
CREATE TABLE token_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO token_version (id, version) VALUES (1, 0);

CREATE FUNCTION casus_bump_token_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE token_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER api_tokens_version AFTER INSERT OR UPDATE OR DELETE ON api_tokens
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_token_version();
