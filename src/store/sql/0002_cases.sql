-- GAS cases (issue 3): users, the camera configuration, the read memory, pending reads, cases
-- with their parties, evidence and timeline, register lookups and the sanctions that the
-- recidivism check reads. Instants are TEXT in UTC as "YYYY-MM-DDTHH:MM:SSZ" (a fraction of a
-- second only where a camera read had one); days are TEXT "YYYY-MM-DD" (Europe/Brussels).

-- The people who act on cases. `role` is one of gas/procedure.h's roles. Issue 5 adds
-- passwords and sessions; the CLI names the user by login.
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'sanctioning_officer', 'reviewer',
                                     'finance', 'viewer')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

-- The camera configuration of SCREENING.md, as last imported (each import replaces its table
-- whole). warning_until: the end of the camera's warning period, when it has its own.
CREATE TABLE cameras (
  camera_id TEXT PRIMARY KEY,
  zone_id TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('entry', 'exit')),
  active_from TEXT NOT NULL,
  active_to TEXT,
  warning_until TEXT
);
CREATE TABLE zone_rules (
  id INTEGER PRIMARY KEY,
  zone_id TEXT NOT NULL,
  weekdays TEXT NOT NULL,
  restricted_from TEXT NOT NULL,
  restricted_to TEXT NOT NULL
);
-- Replaced whole at each import (permit_id uniqueness is checked on the file): a rowid table,
-- and its plate index is rebuilt after the load (a sort, not 200,000 random inserts).
CREATE TABLE permits (
  id INTEGER PRIMARY KEY,
  permit_id TEXT NOT NULL,
  plate TEXT NOT NULL,  -- normalised
  zone_id TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  category TEXT NOT NULL
);
CREATE INDEX permits_plate ON permits (plate);

-- The read memory: keyed hashes (SipHash-2-4 under a secret kept in settings) of the
-- (camera_id, detection_id) of every imported read, one row per import and UTC day, as a BLOB
-- of little-endian 8-byte keys. No plate and no detection id is kept for reads that made no
-- case. Rows older than the memory's period are deleted at each import.
CREATE TABLE read_memory (
  id INTEGER PRIMARY KEY,
  utc_day INTEGER NOT NULL,  -- days since 1970-01-01
  keys BLOB NOT NULL
);
CREATE INDEX read_memory_day ON read_memory (utc_day);

-- Candidate reads still inside their regularisation window (SCREENING.md rule 7): decided on a
-- later import or `handhaving process` once `deadline` has passed, against the permits then.
CREATE TABLE pending_reads (
  id INTEGER PRIMARY KEY,
  zone_id TEXT NOT NULL,
  plate TEXT NOT NULL,
  country TEXT NOT NULL,
  local_day TEXT NOT NULL,
  camera_id TEXT NOT NULL,
  detection_id TEXT NOT NULL,
  observed_at TEXT NOT NULL,
  confidence TEXT NOT NULL,
  strong INTEGER NOT NULL,
  deadline TEXT NOT NULL,
  image_ref TEXT NOT NULL,
  UNIQUE (camera_id, detection_id)
);
CREATE INDEX pending_reads_deadline ON pending_reads (deadline);

CREATE TABLE cases (
  id INTEGER PRIMARY KEY,
  track TEXT NOT NULL CHECK (track IN ('overlast', 'parkeren', 'autoluw')),
  state TEXT NOT NULL,
  warning INTEGER NOT NULL DEFAULT 0,
  flags INTEGER NOT NULL DEFAULT 0,
  minor INTEGER NOT NULL DEFAULT 0,
  facts_at TEXT NOT NULL,
  facts_day TEXT NOT NULL,
  received_on TEXT,
  zone_id TEXT,
  street TEXT NOT NULL DEFAULT '',
  house_number TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  place_description TEXT NOT NULL DEFAULT '',
  description TEXT NOT NULL DEFAULT '',
  offence_code TEXT NOT NULL,
  article TEXT NOT NULL,
  category TEXT,
  amount_cents INTEGER,
  plate TEXT,
  country TEXT,
  source_ref TEXT,
  finding_officer TEXT NOT NULL DEFAULT '',
  finding_officer_kind TEXT NOT NULL DEFAULT '',
  -- The addressee's name, lower-cased, for the name filter (kept in step with parties).
  name_key TEXT,
  state_deadline TEXT,
  limit_day TEXT,
  -- The earlier of state_deadline and, while the case waits for its decision, limit_day: what
  -- "deadline before" filters on.
  due_on TEXT,
  alarm_months INTEGER NOT NULL DEFAULT 0,
  -- The next day `handhaving process` must look at the case (a deadline passed, an alarm is
  -- due); NULL when only a person can move it.
  wake_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
-- One camera case per vehicle, zone and local day (SCREENING.md rule 5): later reads join it.
-- Only camera cases have a zone, and NULLs never collide, so parking cases (no zone) may share
-- a plate and day. Led by the plate, it also serves the plate filter.
CREATE UNIQUE INDEX cases_camera_key ON cases (plate, zone_id, facts_day);
-- A finding or PV imported twice is one case.
CREATE UNIQUE INDEX cases_source ON cases (track, source_ref) WHERE source_ref IS NOT NULL;
-- The officers' filters, each with the id for keyset pagination (ORDER BY id). A track alone
-- walks the primary key (every track is common enough to fill a page quickly).
CREATE INDEX cases_state ON cases (state, id);
CREATE INDEX cases_track_state ON cases (track, state, id);
CREATE INDEX cases_wake ON cases (wake_on) WHERE wake_on IS NOT NULL;
CREATE INDEX cases_due ON cases (due_on, id) WHERE due_on IS NOT NULL;
CREATE INDEX cases_name ON cases (name_key, id) WHERE name_key IS NOT NULL;

CREATE TABLE parties (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  role TEXT NOT NULL CHECK (role IN ('offender', 'holder', 'driver', 'parent')),
  company INTEGER NOT NULL,
  name TEXT NOT NULL,
  birth_date TEXT,
  company_number TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  house_number TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT 'nl',
  addressee INTEGER NOT NULL DEFAULT 0,
  offender_key TEXT NOT NULL DEFAULT ''
);
CREATE INDEX parties_case ON parties (case_id);

CREATE TABLE evidence (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  kind TEXT NOT NULL,
  ref TEXT NOT NULL,
  camera_id TEXT,
  detection_id TEXT,
  observed_at TEXT,
  confidence TEXT
);
CREATE INDEX evidence_case ON evidence (case_id);
-- A camera read is evidence of one case at most.
CREATE UNIQUE INDEX evidence_read ON evidence (camera_id, detection_id)
  WHERE camera_id IS NOT NULL;

-- The timeline: every event of every case, never updated or deleted while the case lives.
CREATE TABLE case_events (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  role TEXT NOT NULL,
  action TEXT NOT NULL,
  from_state TEXT,
  to_state TEXT,
  reason TEXT NOT NULL DEFAULT '',
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_events_case ON case_events (case_id, id);

-- Every vehicle-register lookup (GAS.md 6.7: "log purpose, legal basis and user").
CREATE TABLE register_lookups (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  at TEXT NOT NULL,
  user_login TEXT NOT NULL,
  purpose TEXT NOT NULL,
  register TEXT NOT NULL,
  outcome TEXT NOT NULL
);
CREATE INDEX register_lookups_case ON register_lookups (case_id);

-- Sanctions imposed, for the 24-month recidivism check (GAS-wet art. 7). Issue 4's GAS
-- register builds on this table.
CREATE TABLE sanctions (
  id INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases (id),
  offender_key TEXT NOT NULL,
  article TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  amount_cents INTEGER
);
CREATE INDEX sanctions_offender ON sanctions (offender_key, article, decided_on);
