-- A counter of changes to the data the year reports are computed from, bumped by the database
-- itself inside every transaction that inserts, updates or deletes a row of those tables, so
-- that a report cached under one value (domain/reports/report_cache.hpp) is known to be stale
-- as soon as any process has changed anything it counts. Tokens, the audit trail and the
-- retention policies do not count: every request writes an audit row.
-- PostgreSQL's dialect of schema/sqlite/007_data_version.sql: a statement-level trigger per
-- table.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version BIGINT NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

CREATE FUNCTION casus_bump_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END
$$;
CREATE TRIGGER districts_data_version AFTER INSERT OR UPDATE OR DELETE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER cases_data_version AFTER INSERT OR UPDATE OR DELETE ON cases
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER case_categories_data_version AFTER INSERT OR UPDATE OR DELETE ON case_categories
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER case_transitions_data_version AFTER INSERT OR UPDATE OR DELETE ON case_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER case_themes_data_version AFTER INSERT OR UPDATE OR DELETE ON case_themes
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER signals_data_version AFTER INSERT OR UPDATE OR DELETE ON signals
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER signal_themes_data_version AFTER INSERT OR UPDATE OR DELETE ON signal_themes
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER activities_data_version AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER activity_partners_data_version AFTER INSERT OR UPDATE OR DELETE ON activity_partners
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER activity_cases_data_version AFTER INSERT OR UPDATE OR DELETE ON activity_cases
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
