-- Another municipality's wijken and titles (issue 13). A wijk gets its CBS wijkcode (WK and six
-- digits; none for migration 002's eight until `casus districts load` gives them theirs), a
-- retirement day (from then on no casus reported may name it; its casussen keep it, and the
-- reports of years it had any still show it) and the names it had before a rename, each with
-- the last day it was in use, so that a year report shows a wijk by the name it had on the
-- peildatum.
ALTER TABLE districts ADD COLUMN code TEXT NULL
  CHECK (code IS NULL OR (length(code) = 8 AND code GLOB 'WK[0-9][0-9][0-9][0-9][0-9][0-9]'));
ALTER TABLE districts ADD COLUMN retired_on TEXT NULL
  CHECK (retired_on IS NULL OR retired_on LIKE '____-__-__');
CREATE UNIQUE INDEX districts_code ON districts (code);

CREATE TABLE district_names (
  district_id INTEGER NOT NULL REFERENCES districts (id),
  name TEXT NOT NULL,
  until TEXT NOT NULL CHECK (until LIKE '____-__-__'),
  PRIMARY KEY (district_id, until)
);

-- What the publications say about whose figures they are. A new database starts as
-- Zoetermeer's, as it starts with Zoetermeer's wijken.
CREATE TABLE settings (
  key TEXT PRIMARY KEY CHECK (key IN ('municipality', 'woonoverlast_table_title')),
  value TEXT NOT NULL
);
INSERT INTO settings (key, value) VALUES
  ('municipality', 'Zoetermeer'),
  ('woonoverlast_table_title', 'Tabel 5.1 Woonoverlast');

-- Both change what a report shows: a cached report made before is stale (007_data_version).
CREATE TRIGGER district_names_data_version_insert AFTER INSERT ON district_names
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER district_names_data_version_update AFTER UPDATE ON district_names
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER district_names_data_version_delete AFTER DELETE ON district_names
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER settings_data_version_insert AFTER INSERT ON settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER settings_data_version_update AFTER UPDATE ON settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
CREATE TRIGGER settings_data_version_delete AFTER DELETE ON settings
BEGIN
  UPDATE data_version SET version = version + 1 WHERE id = 1;
END;
