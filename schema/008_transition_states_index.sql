-- Covers the year reports' pass over the transitions (persistence/soci_case_repository.cpp,
-- WoonoverlastTallies): per casus, its transitions up to a day, with their sequence and state,
-- read from the index alone. About a fifth off a Tabel 5.1 over a million casussen.
CREATE INDEX case_transitions_states ON case_transitions (case_id, effective_on, sequence, to_state);
