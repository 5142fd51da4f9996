-- A counter of changes to the data the year reports are computed from, bumped by the database
-- itself inside every transaction that inserts, updates or deletes a row of those tables, so
-- that a report cached under one value (domain/reports/report_cache.hpp) is known to be stale
-- as soon as any process has changed anything it counts. Tokens, the audit trail and the
-- retention policies do not count: every request writes an audit row.
CREATE TABLE data_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);
INSERT INTO data_version (id, version) VALUES (1, 0);

CREATE TRIGGER districts_data_version_insert AFTER INSERT ON districts
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER districts_data_version_update AFTER UPDATE ON districts
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER districts_data_version_delete AFTER DELETE ON districts
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cases_data_version_insert AFTER INSERT ON cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cases_data_version_update AFTER UPDATE ON cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER cases_data_version_delete AFTER DELETE ON cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_categories_data_version_insert AFTER INSERT ON case_categories
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_categories_data_version_update AFTER UPDATE ON case_categories
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_categories_data_version_delete AFTER DELETE ON case_categories
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_transitions_data_version_insert AFTER INSERT ON case_transitions
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_transitions_data_version_update AFTER UPDATE ON case_transitions
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_transitions_data_version_delete AFTER DELETE ON case_transitions
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_themes_data_version_insert AFTER INSERT ON case_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_themes_data_version_update AFTER UPDATE ON case_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER case_themes_data_version_delete AFTER DELETE ON case_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signals_data_version_insert AFTER INSERT ON signals
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signals_data_version_update AFTER UPDATE ON signals
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signals_data_version_delete AFTER DELETE ON signals
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signal_themes_data_version_insert AFTER INSERT ON signal_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signal_themes_data_version_update AFTER UPDATE ON signal_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER signal_themes_data_version_delete AFTER DELETE ON signal_themes
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activities_data_version_insert AFTER INSERT ON activities
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activities_data_version_update AFTER UPDATE ON activities
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activities_data_version_delete AFTER DELETE ON activities
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_partners_data_version_insert AFTER INSERT ON activity_partners
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_partners_data_version_update AFTER UPDATE ON activity_partners
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_partners_data_version_delete AFTER DELETE ON activity_partners
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_cases_data_version_insert AFTER INSERT ON activity_cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_cases_data_version_update AFTER UPDATE ON activity_cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER activity_cases_data_version_delete AFTER DELETE ON activity_cases
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
