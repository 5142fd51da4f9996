-- Where an imported casus or signal came from (issue 15): the key of its row in the old
-- spreadsheet, so that importing the same file again finds it and changes nothing. Unique per
-- kind of casus (the two teams number their spreadsheets independently) and among the signals;
-- NULL for everything entered through the API, of which there may be any number. The same SQL
-- for both dialects: both accept a partial unique index.
ALTER TABLE cases ADD COLUMN external_ref TEXT NULL;
CREATE UNIQUE INDEX cases_kind_external_ref ON cases (kind, external_ref)
  WHERE external_ref IS NOT NULL;

ALTER TABLE signals ADD COLUMN external_ref TEXT NULL;
CREATE UNIQUE INDEX signals_external_ref ON signals (external_ref)
  WHERE external_ref IS NOT NULL;
