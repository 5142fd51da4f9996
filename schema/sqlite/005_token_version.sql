-- A counter of changes to api_tokens, bumped by the database itself on every insert, update
-- and delete, so that every process that caches verified tokens (persistence/
-- cached_token_store.cpp) sees another process's create or revoke by reading one row.
CREATE TABLE token_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO token_version (id, version) VALUES (1, 0);

CREATE TRIGGER api_tokens_version_insert AFTER INSERT ON api_tokens
BEGIN
  UPDATE token_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER api_tokens_version_update AFTER UPDATE ON api_tokens
BEGIN
  UPDATE token_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER api_tokens_version_delete AFTER DELETE ON api_tokens
BEGIN
  UPDATE token_version SET version = version + 1 WHERE id = 1;
END;
