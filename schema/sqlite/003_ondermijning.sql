-- Ondermijning: themes of casussen, enforcement details in their history, signals and
-- activities. Conventions as in 001_cases.sql: portable SQL, TEXT dates ('YYYY-MM-DD') and
-- instants ('YYYY-MM-DDTHH:MM:SSZ'), enums stored by their wire names and checked here.

-- Themes of an ondermijning casus, in the order they were submitted.
CREATE TABLE case_themes (
  case_id INTEGER NOT NULL REFERENCES cases (id),
  theme TEXT NOT NULL CHECK (theme IN ('drugs', 'prostitutie', 'witwassen', 'arbeidsuitbuiting',
                                       'illegale_bewoning', 'overig')),
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (case_id, theme),
  UNIQUE (case_id, position)
);

-- Into handhaving: which partner enforced with which measure. Into sluiting: the legal basis
-- and the last day of the closure period. NULL on every row written before this migration.
ALTER TABLE case_transitions ADD COLUMN partner TEXT NULL;
ALTER TABLE case_transitions ADD COLUMN measure TEXT NULL
  CHECK (measure IN ('bestuurlijke_waarschuwing', 'last_onder_dwangsom', 'sluiting', 'overig'));
ALTER TABLE case_transitions ADD COLUMN legal_basis TEXT NULL
  CHECK (legal_basis IN ('art_13b_opiumwet', 'art_174a_gemeentewet', 'overig'));
ALTER TABLE case_transitions ADD COLUMN until_on TEXT NULL CHECK (until_on LIKE '____-__-__');

-- What arrives at the ondermijning cluster, and how it was assessed.
CREATE TABLE signals (
  id INTEGER PRIMARY KEY,
  received_on TEXT NOT NULL CHECK (received_on LIKE '____-__-__'),
  source TEXT NOT NULL CHECK (source IN ('mma', 'meldpunt', 'partner', 'overig')),
  summary TEXT NOT NULL,
  district_id INTEGER NULL REFERENCES districts (id),
  -- Personal data, as the address of a casus.
  address_street TEXT NULL,
  address_number TEXT NULL,
  address_postcode TEXT NULL,
  address_city TEXT NULL,
  -- Personal data: who reported it; phone and email only together with a name.
  reporter_name TEXT NULL,
  reporter_phone TEXT NULL,
  reporter_email TEXT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'linked', 'dismissed')),
  assessment_decision TEXT NULL CHECK (assessment_decision IN ('link', 'new_case', 'dismiss')),
  assessed_on TEXT NULL CHECK (assessed_on LIKE '____-__-__'),
  case_id INTEGER NULL REFERENCES cases (id),
  assessment_reason TEXT NULL,
  assessed_at TEXT NULL,
  version INTEGER NOT NULL CHECK (version >= 1),
  created_at TEXT NOT NULL,
  CHECK ((address_street IS NULL) = (address_number IS NULL)),
  CHECK ((address_street IS NULL) = (address_postcode IS NULL)),
  CHECK (address_city IS NULL OR address_street IS NOT NULL),
  CHECK (reporter_name IS NOT NULL OR (reporter_phone IS NULL AND reporter_email IS NULL)),
  -- Meld Misdaad Anoniem is anonymous by law: no reporter details, whoever writes the row.
  CHECK (source <> 'mma' OR
         (reporter_name IS NULL AND reporter_phone IS NULL AND reporter_email IS NULL)),
  -- The assessment columns follow the status. Every comparison below is guarded by IS NOT NULL,
  -- because a CHECK whose expression is NULL passes.
  CHECK (status <> 'open' OR
         (assessment_decision IS NULL AND assessed_on IS NULL AND case_id IS NULL AND
          assessment_reason IS NULL AND assessed_at IS NULL)),
  CHECK (status = 'open' OR
         (assessment_decision IS NOT NULL AND assessed_on IS NOT NULL AND assessed_at IS NOT NULL)),
  CHECK (status <> 'linked' OR
         (assessment_decision IS NOT NULL AND assessment_decision IN ('link', 'new_case') AND
          case_id IS NOT NULL)),
  CHECK (status <> 'dismissed' OR
         (assessment_decision IS NOT NULL AND assessment_decision = 'dismiss' AND
          case_id IS NULL AND assessment_reason IS NOT NULL))
);

-- Keyset pagination of the list filters: each filter column followed by the cursor column.
CREATE INDEX signals_source_id ON signals (source, id);
CREATE INDEX signals_status_id ON signals (status, id);
-- The signals of a casus (Casus::signal_ids), ascending.
CREATE INDEX signals_case_id_id ON signals (case_id, id);
-- Year report: every signal received in a period.
CREATE INDEX signals_received_on ON signals (received_on);

-- Themes of a signal, in the order they were submitted.
CREATE TABLE signal_themes (
  signal_id INTEGER NOT NULL REFERENCES signals (id),
  theme TEXT NOT NULL CHECK (theme IN ('drugs', 'prostitutie', 'witwassen', 'arbeidsuitbuiting',
                                       'illegale_bewoning', 'overig')),
  position INTEGER NOT NULL CHECK (position >= 1),
  PRIMARY KEY (signal_id, theme),
  UNIQUE (signal_id, position)
);
-- The theme filter of the signal list.
CREATE INDEX signal_themes_theme_signal_id ON signal_themes (theme, signal_id);

-- Control days, knock-and-talk conversations and HEIT controls.
CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('control_day', 'knock_and_talk', 'heit_control')),
  on_date TEXT NOT NULL CHECK (on_date LIKE '____-__-__'),
  companies_checked INTEGER NULL CHECK (companies_checked >= 0),
  findings TEXT NULL,
  business_park TEXT NULL,
  heit_type TEXT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX activities_type_id ON activities (type, id);
CREATE INDEX activities_on_date ON activities (on_date);

-- The partners of an activity, in the order they were submitted.
CREATE TABLE activity_partners (
  activity_id INTEGER NOT NULL REFERENCES activities (id),
  position INTEGER NOT NULL CHECK (position >= 1),
  partner TEXT NOT NULL,
  PRIMARY KEY (activity_id, position)
);

-- The casussen an activity concerned: a set.
CREATE TABLE activity_cases (
  activity_id INTEGER NOT NULL REFERENCES activities (id),
  case_id INTEGER NOT NULL REFERENCES cases (id),
  PRIMARY KEY (activity_id, case_id)
);
CREATE INDEX activity_cases_case_id ON activity_cases (case_id);
