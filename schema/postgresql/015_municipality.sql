-- Another municipality's wijken and titles (issue 13); see schema/sqlite/015_municipality.sql.
ALTER TABLE districts ADD COLUMN code TEXT NULL
  CHECK (code IS NULL OR code ~ '^WK[0-9]{6}$');
ALTER TABLE districts ADD COLUMN retired_on TEXT NULL
  CHECK (retired_on IS NULL OR retired_on LIKE '____-__-__');
CREATE UNIQUE INDEX districts_code ON districts (code);

CREATE TABLE district_names (
  district_id BIGINT NOT NULL REFERENCES districts (id),
  name TEXT NOT NULL,
  until TEXT NOT NULL CHECK (until LIKE '____-__-__'),
  PRIMARY KEY (district_id, until)
);

CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (key IN ('municipality', 'woonoverlast_table_title')),
  value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('municipality', 'Zoetermeer'),
  ('woonoverlast_table_title', 'Tabel 5.1 Woonoverlast');

CREATE TRIGGER district_names_data_version AFTER INSERT OR UPDATE OR DELETE ON district_names
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
CREATE TRIGGER settings_data_version AFTER INSERT OR UPDATE OR DELETE ON settings
  FOR EACH STATEMENT EXECUTE FUNCTION casus_bump_data_version();
