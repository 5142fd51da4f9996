-- Casussen and their history. Portable SQL: TEXT dates ('YYYY-MM-DD') and instants
-- ('YYYY-MM-DDTHH:MM:SSZ'); enums stored by their wire names (domain::Name) and checked here.
-- The only SQLite-specific reading is INTEGER PRIMARY KEY as the generated id (PostgreSQL:
-- BIGINT GENERATED ALWAYS AS IDENTITY).

-- The municipality's wijken; `position` is the reference order (rows of the year reports).
CREATE TABLE districts (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  position INTEGER NOT NULL UNIQUE
);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('woonoverlast', 'ondermijning')),
  state TEXT NOT NULL
    CHECK (state IN ('gemeld', 'lopend', 'handhaving', 'sluiting', 'ontkracht', 'afgerond')),
  district_id INTEGER NULL REFERENCES districts (id),
  housing_type TEXT NULL CHECK (housing_type IN ('koop', 'corporatie', 'particulier')),
  reported_on TEXT NOT NULL CHECK (reported_on LIKE '____-__-__'),
  summary TEXT NOT NULL,
  -- Personal data: the address as a whole is present or absent; city is optional within it.
  address_street TEXT NULL,
  address_number TEXT NULL,
  address_postcode TEXT NULL,
  address_city TEXT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  CHECK ((address_street IS NULL) = (address_number IS NULL)),
  CHECK ((address_street IS NULL) = (address_postcode IS NULL)),
  CHECK (address_city IS NULL OR address_street IS NOT NULL)
);

-- Keyset pagination of the list filters: each filter column followed by the cursor column.
CREATE INDEX cases_kind_id ON cases (kind, id);
CREATE INDEX cases_state_id ON cases (state, id);
CREATE INDEX cases_district_id_id ON cases (district_id, id);
CREATE INDEX cases_housing_type_id ON cases (housing_type, id);
-- Year reports: every casus of a kind reported on or before the peildatum.
CREATE INDEX cases_kind_reported_on ON cases (kind, reported_on);

-- Nuisance categories of a casus, in the order they were submitted.
CREATE TABLE case_categories (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  category TEXT NOT NULL CHECK (category IN ('geluid', 'zorg', 'wederzijds', 'verward_gedrag',
                                             'verslaving', 'verzamelwoede', 'vervuiling',
                                             'huisdieren', 'overig')),
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (case_id, category),
  UNIQUE (case_id, position)
);

-- The history of a casus, append-only. Row 1 is the registration and the only row without a
-- from_state.
CREATE TABLE case_transitions (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  sequence INTEGER NOT NULL CHECK (sequence >= 1),
  from_state TEXT NULL
    CHECK (from_state IN ('gemeld', 'lopend', 'handhaving', 'sluiting', 'ontkracht', 'afgerond')),
  to_state TEXT NOT NULL
    CHECK (to_state IN ('gemeld', 'lopend', 'handhaving', 'sluiting', 'ontkracht', 'afgerond')),
  effective_on TEXT NOT NULL CHECK (effective_on LIKE '____-__-__'),
  reason TEXT NULL,
  result TEXT NULL
    CHECK (result IN ('opgelost', 'onvoldoende_aanknopingspunten', 'doorverwezen', 'overig')),
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (case_id, sequence),
  CHECK ((sequence = 1) = (from_state IS NULL))
);
