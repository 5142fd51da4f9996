-- What each audit row is about (issue #12): its object up to the second path segment, without a
-- query (domain/access/audit_subject.hpp: "cases/2/history" -> "cases/2"), so that "everything
-- that touched casus 2" (GET /api/v1/audit?object=cases/2) is one index range, not a pattern
-- over every row. Derived from the object, which the chain hashes; `casus audit verify` checks
-- that it still follows it. Filled in here for the rows written before, with the append-only
-- triggers disabled within the migration's transaction only.
ALTER TABLE audit_log ADD COLUMN subject TEXT NOT NULL DEFAULT '';

ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update;
UPDATE audit_log SET subject = CASE
  WHEN strpos(split_part(object, '?', 1), '/') = 0 THEN split_part(object, '?', 1)
  ELSE split_part(split_part(object, '?', 1), '/', 1) || '/' ||
       split_part(split_part(object, '?', 1), '/', 2)
END;
ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update;

-- The audit query's filters, each followed by the keyset cursor.
CREATE INDEX audit_log_subject_id ON audit_log (subject, id);
CREATE INDEX audit_log_token_id ON audit_log (token, id);
