-- Notes on a casus, and searching the case list (issue #12). Conventions as in 001_cases.sql.

-- What a team member wrote on a casus, oldest first by id. Personal data: the retention purge
-- deletes a casus's notes with the rest of its personal data (SociPersonalDataStore::Purge).
-- AUTOINCREMENT: the id of a purged note is never handed out again.
CREATE TABLE case_notes (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  text TEXT NOT NULL,
  author TEXT NOT NULL,
  at TEXT NOT NULL
);
-- GET /cases/{id}/notes: one casus's notes in id order (the keyset cursor).
CREATE INDEX case_notes_case_id_id ON case_notes (case_id, id);

-- The postcode filter, exact on the normal form ("2711AA"), then the id cursor.
CREATE INDEX cases_postcode_id ON cases (address_postcode, id);
-- The sorts on reported_on need no index of their own here: cases_kind_reported_on
-- (001_cases.sql) holds the rowid, the id, after its columns, so it is ordered by
-- (kind, reported_on, id) and serves both directions with the kind filter.

-- The full-text index of `q`: one document per casus, rowid = case id, of its summary, its
-- street and all its notes. Whole words, case-insensitive (unicode61 folds case); diacritics
-- kept (remove_diacritics 0), as PostgreSQL's 'simple' configuration keeps them, so both
-- backends find the same casussen. A plain FTS5 table (it keeps its own copy of the text):
-- the triggers below keep it current in the transaction of every write, whoever writes.
CREATE VIRTUAL TABLE case_search USING fts5(
  summary, street, notes, tokenize = 'unicode61 remove_diacritics 0'
);

INSERT INTO case_search (rowid, summary, street, notes)
SELECT id, summary, COALESCE(address_street, ''), '' FROM cases;

CREATE TRIGGER case_search_case_added AFTER INSERT ON cases
BEGIN
  INSERT INTO case_search (rowid, summary, street, notes)
  VALUES (NEW.id, NEW.summary, COALESCE(NEW.address_street, ''), '');
END;

-- A correction, or the purge (summary '', street NULL).
CREATE TRIGGER case_search_case_changed AFTER UPDATE OF summary, address_street ON cases
BEGIN
  UPDATE case_search SET summary = NEW.summary, street = COALESCE(NEW.address_street, '')
    WHERE rowid = NEW.id;
END;

CREATE TRIGGER case_search_note_added AFTER INSERT ON case_notes
BEGIN
  UPDATE case_search SET notes = notes || ' ' || NEW.text WHERE rowid = NEW.case_id;
END;

-- The purge: the notes left (none, once it is done) are indexed again.
CREATE TRIGGER case_search_note_removed AFTER DELETE ON case_notes
BEGIN
  UPDATE case_search
    SET notes = COALESCE((SELECT group_concat(n.text, ' ') FROM case_notes n
                          WHERE n.case_id = OLD.case_id), '')
    WHERE rowid = OLD.case_id;
END;
