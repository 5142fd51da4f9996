-- What each audit row is about (issue #12): its object up to the second path segment, without a
-- query (domain/access/audit_subject.hpp: "cases/2/history" -> "cases/2"), so that "everything
-- that touched casus 2" (GET /api/v1/audit?object=cases/2) is one index range, not a pattern
-- over every row. Derived from the object, which the chain hashes; `casus audit verify` checks
-- that it still follows it. Filled in here for the rows written before, with the append-only
-- trigger lifted for this one statement of the migration's transaction.
ALTER TABLE audit_log ADD COLUMN subject TEXT NOT NULL DEFAULT '';

DROP TRIGGER audit_log_no_update;
UPDATE audit_log SET subject = (
  SELECT CASE WHEN instr(base, '/') = 0 THEN base
              WHEN instr(substr(base, instr(base, '/') + 1), '/') = 0 THEN base
              ELSE substr(base, 1, instr(base, '/') + instr(substr(base, instr(base, '/') + 1), '/') - 1)
         END
  FROM (SELECT CASE WHEN instr(audit_log.object, '?') > 0
                    THEN substr(audit_log.object, 1, instr(audit_log.object, '?') - 1)
                    ELSE audit_log.object END AS base));
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
  SELECT RAISE(ABORT, 'audit_log is append-only');
END;

-- The audit query's filters, each followed by the keyset cursor.
CREATE INDEX audit_log_subject_id ON audit_log (subject, id);
CREATE INDEX audit_log_token_id ON audit_log (token, id);
