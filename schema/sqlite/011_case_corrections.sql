-- Corrections of a casus (PATCH /api/v1/cases/{id}) and who handles it.
--
-- The handler: the name of an API token (or a person signed in with OpenID Connect) of the
-- casus's team; NULL when nobody has taken it. Not personal data of the citizen.
ALTER TABLE cases ADD COLUMN assignee TEXT NULL;
CREATE INDEX cases_assignee_id ON cases (assignee, id);

-- Every corrected field, one row per field per correction, oldest first by id. old_value and
-- new_value are the JSON text of the field's value as the API shows it ('"Centrum"',
-- '["geluid"]', 'null', an address object); reason is NULL only for a change of assignee
-- without one. The purge of a casus sets reason and the values of summary and address to NULL
-- (personal data). `who` is the actor's token or person name, changed_at a UTC instant.
CREATE TABLE case_changes (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  field TEXT NOT NULL CHECK (field IN ('district', 'housing_type', 'categories', 'summary',
                                       'address', 'reported_on', 'themes', 'assignee')),
  old_value TEXT NULL,
  new_value TEXT NULL,
  reason TEXT NULL,
  who TEXT NOT NULL,
  changed_at TEXT NOT NULL
);
CREATE INDEX case_changes_case ON case_changes (case_id, id);

-- A corrected reported_on moves the registration row (sequence 1) with it, so that every
-- reader of the history (timelines, last_change_on, the reports) sees one reported date. Only
-- that: sequence 1 is never a closure nor the end of one (it is the first row, into gemeld), so
-- case_closures stay right. Every other change of a transition is still refused.
DROP TRIGGER case_closures_transition_changed;
CREATE TRIGGER case_closures_transition_changed
BEFORE UPDATE OF case_id, sequence, to_state, effective_on ON case_transitions
WHEN NOT (OLD.sequence = 1 AND NEW.sequence = 1 AND NEW.case_id = OLD.case_id
          AND NEW.to_state = OLD.to_state)
BEGIN
  SELECT RAISE(ABORT, 'case_transitions are append-only: case_closures are derived from them');
END;
