-- Schema version 1: settings, plans with their header and footer, the section
-- tree with its paragraphs and list items, and the units (divisions).
-- Later versions add tasks, evidence, criteria, dossiers, letters, feedback,
-- reports and history in files of their own; nothing here is rewritten.

CREATE TABLE setting (
	key   TEXT PRIMARY KEY,
	value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE plan (
	id               INTEGER PRIMARY KEY,
	doc_no           TEXT NOT NULL DEFAULT '',  -- as written after "Số:", e.g. 31/KH-SNgV or /KH-SGTVT
	doc_type         TEXT NOT NULL DEFAULT '',  -- KẾ HOẠCH
	parent_body      TEXT NOT NULL DEFAULT '',  -- UBND TỈNH LẠNG SƠN
	issuer           TEXT NOT NULL DEFAULT '',  -- Sở Ngoại vụ
	place            TEXT NOT NULL DEFAULT '',
	date_text        TEXT NOT NULL DEFAULT '',  -- the date line as written
	issued_on        TEXT,                      -- YYYY-MM-DD, or YYYY-MM when the day is blank
	year             INTEGER,
	title            TEXT NOT NULL,
	preamble         TEXT NOT NULL DEFAULT '',
	closing          TEXT NOT NULL DEFAULT '',  -- "Trên đây là Kế hoạch ..."
	signer_authority TEXT NOT NULL DEFAULT '',  -- KT. GIÁM ĐỐC
	signer_title     TEXT NOT NULL DEFAULT '',  -- PHÓ GIÁM ĐỐC
	signer_name      TEXT NOT NULL DEFAULT '',
	source_name      TEXT NOT NULL DEFAULT '',
	source_text      TEXT NOT NULL,             -- the text imported, NFC UTF-8
	source_sha256    TEXT NOT NULL UNIQUE,
	imported_at      TEXT NOT NULL,
	is_demo          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX plan_by_year ON plan(year, id);

CREATE TABLE plan_reference (
	plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,
	kind      TEXT NOT NULL DEFAULT '',  -- Kế hoạch, Thông báo, Quyết định, ...
	doc_no    TEXT NOT NULL,             -- 126/KH-UBND
	issued_on TEXT,                      -- YYYY-MM-DD
	date_text TEXT NOT NULL DEFAULT '',  -- 03/6/2024 as written
	PRIMARY KEY (plan_id, seq)
) WITHOUT ROWID;

CREATE TABLE plan_recipient (
	plan_id INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	seq     INTEGER NOT NULL,
	name    TEXT NOT NULL,
	PRIMARY KEY (plan_id, seq)
) WITHOUT ROWID;

CREATE TABLE section (
	id        INTEGER PRIMARY KEY,
	plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
	parent_id INTEGER REFERENCES section(id) ON DELETE CASCADE,
	seq       INTEGER NOT NULL,          -- document order within the plan
	depth     INTEGER NOT NULL,          -- 0 for top level
	label     TEXT NOT NULL,             -- as written: II.  1.2.3.  đ)  (1)
	style     TEXT NOT NULL,             -- roman, arabic, dotted2, letter, paren, annex
	heading   TEXT NOT NULL,
	UNIQUE (plan_id, seq)
);
CREATE INDEX section_by_parent ON section(parent_id, seq);

CREATE TABLE section_item (
	section_id INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	kind       TEXT NOT NULL CHECK (kind IN ('para', 'item')),
	marker     TEXT NOT NULL DEFAULT '',  -- '-' or '+' for list items
	text       TEXT NOT NULL,
	PRIMARY KEY (section_id, seq)
) WITHOUT ROWID;

CREATE TABLE unit (
	id     INTEGER PRIMARY KEY,
	name   TEXT NOT NULL UNIQUE,
	code   TEXT UNIQUE,
	head   TEXT NOT NULL DEFAULT '',
	active INTEGER NOT NULL DEFAULT 1
);
