-- Every time a casus was closed (afgerond, ontkracht): from the day of the closing transition
-- to the day of its next transition (the re-opening), NULL while it stays closed. With it the
-- year reports need no pass over the transitions: a casus is closed on day D when one of its
-- closures has closed_on <= D < reopened_on, and it was closed all through a period when one
-- has closed_on before the period and reopened_on after it (or none); both are range
-- conditions on this table, counted per wijk and woningtype by a GROUP BY over its index
-- (persistence/soci_case_repository.cpp, WoonoverlastCounts).
--
-- Kept by the triggers below in the transaction of every transition, whoever writes it; the
-- casus's kind, wijk, woningtype and reported_on are copied here so that the count needs no
-- join, and follow a correction of the casus.
-- PostgreSQL's dialect of schema/sqlite/009_case_closures.sql: trigger functions.
CREATE TABLE case_closures (
  case_id BIGINT NOT NULL REFERENCES cases (id),
  sequence INTEGER NOT NULL,  -- of the closing transition
  kind TEXT NOT NULL,
  district_id BIGINT NULL,
  housing_type TEXT NULL,
  reported_on TEXT NOT NULL,
  closed_on TEXT NOT NULL,
  reopened_on TEXT NULL,
  PRIMARY KEY (case_id, sequence)
);

INSERT INTO case_closures
  (case_id, sequence, kind, district_id, housing_type, reported_on, closed_on, reopened_on)
SELECT t.case_id, t.sequence, c.kind, c.district_id, c.housing_type, c.reported_on,
       t.effective_on, t.next_on
FROM (SELECT case_id, sequence, to_state, effective_on,
             LEAD(effective_on) OVER (PARTITION BY case_id ORDER BY sequence) AS next_on
      FROM case_transitions) t
JOIN cases c ON c.id = t.case_id
WHERE t.to_state IN ('afgerond', 'ontkracht');

CREATE INDEX case_closures_report
  ON case_closures (kind, district_id, housing_type, closed_on, reopened_on, reported_on);

-- The casussen side of the same count, read from the index alone.
CREATE INDEX cases_report ON cases (kind, district_id, housing_type, reported_on);

-- Any transition ends the closure it follows (a closed casus can only be re-opened); one into
-- a closed state begins a new one.
CREATE FUNCTION casus_case_closures_transition() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_closures SET reopened_on = NEW.effective_on
    WHERE case_id = NEW.case_id AND reopened_on IS NULL;
  IF NEW.to_state IN ('afgerond', 'ontkracht') THEN
    INSERT INTO case_closures
      (case_id, sequence, kind, district_id, housing_type, reported_on, closed_on, reopened_on)
    SELECT c.id, NEW.sequence, c.kind, c.district_id, c.housing_type, c.reported_on,
           NEW.effective_on, NULL
    FROM cases c WHERE c.id = NEW.case_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_closures_transition AFTER INSERT ON case_transitions
  FOR EACH ROW EXECUTE FUNCTION casus_case_closures_transition();

CREATE FUNCTION casus_case_closures_follow_case() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE case_closures
    SET kind = NEW.kind, district_id = NEW.district_id, housing_type = NEW.housing_type,
        reported_on = NEW.reported_on
    WHERE case_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER case_closures_follow_case
  AFTER UPDATE OF kind, district_id, housing_type, reported_on ON cases
  FOR EACH ROW EXECUTE FUNCTION casus_case_closures_follow_case();

-- Transitions are never changed or removed; should one be, the closures are no longer right.
CREATE TRIGGER case_closures_transition_changed
  BEFORE UPDATE OF case_id, sequence, to_state, effective_on OR DELETE ON case_transitions
  FOR EACH ROW EXECUTE FUNCTION
    casus_refuse('case_transitions are append-only: case_closures are derived from them');
CREATE TRIGGER case_closures_transition_truncated BEFORE TRUNCATE ON case_transitions
  FOR EACH STATEMENT EXECUTE FUNCTION
    casus_refuse('case_transitions are append-only: case_closures are derived from them');
