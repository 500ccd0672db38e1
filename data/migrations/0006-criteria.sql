-- Schema version 6: criteria catalogues (loaded from data/criteria/*.txt),
-- self-assessed scores, evidence linked to criteria, and each year's
-- published index results.

CREATE TABLE criteria_catalogue (
	id       INTEGER PRIMARY KEY,
	idx      TEXT NOT NULL CHECK (idx IN ('par', 'sipas', 'papi')),
	name     TEXT NOT NULL,
	province TEXT NOT NULL DEFAULT '',
	year     INTEGER NOT NULL DEFAULT 0,  -- 0 for a catalogue of no particular year
	source   TEXT NOT NULL DEFAULT '',
	UNIQUE (idx, name, province, year)
);

CREATE TABLE criterion (
	id            INTEGER PRIMARY KEY,
	catalogue_id  INTEGER NOT NULL REFERENCES criteria_catalogue(id) ON DELETE CASCADE,
	seq           INTEGER NOT NULL,
	code          TEXT NOT NULL,              -- 3.2
	parent_code   TEXT NOT NULL DEFAULT '',   -- 3
	depth         INTEGER NOT NULL,
	name          TEXT NOT NULL,
	max_points    REAL,
	evidence_hint TEXT NOT NULL DEFAULT '',
	UNIQUE (catalogue_id, code)
);

CREATE TABLE criterion_score (
	criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
	year         INTEGER NOT NULL,
	points       REAL NOT NULL,
	note         TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (criterion_id, year)
) WITHOUT ROWID;

CREATE TABLE evidence_criterion (
	evidence_id  INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
	criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
	PRIMARY KEY (evidence_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX evidence_criterion_by_criterion ON evidence_criterion(criterion_id);

CREATE TABLE index_result (
	year    INTEGER NOT NULL,
	idx     TEXT NOT NULL CHECK (idx IN ('par', 'sipas', 'papi')),
	value   REAL NOT NULL,        -- % for PAR INDEX and SIPAS, points for PAPI
	rank    INTEGER,
	rank_of INTEGER,
	target  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (year, idx)
) WITHOUT ROWID;
