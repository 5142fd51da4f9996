-- How many requests an audit row stands for: 1, except for requests refused without a valid
-- token, which are written once per client address and minute with their count
-- (domain/access/refusal_tally.hpp). Rows with a count above 1 are hashed with the count
-- (persistence/audit_chain.cpp), so it cannot be changed unnoticed; rows of 1 hash as before.
ALTER TABLE audit_log ADD COLUMN count INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1);
