-- Schema version 26: packages between the office and its divisions
-- (issue 20). A database is one site: the office (site 0) or a division's
-- own database made by `cchc exchange join` from the office's package
-- (site 1, 2, ...: the number the office gave that division). Records that a
-- division makes (progress notes, evidence) take their ids from its site's
-- range, site * 1,000,000,000 + 1 onwards, and the office's from 1 up to
-- 999,999,999, so that ids made on two PCs never meet (task.c, evidence.c).
--
-- (IF NOT EXISTS: a test takes a file back to an older version and runs the
-- later migrations again.)
--
-- exchange_self: this database's site. Its office_uuid names the office's
-- database (random, made on the first package), so a package of another
-- office is told from one of this.
CREATE TABLE IF NOT EXISTS exchange_self (
	id          INTEGER PRIMARY KEY CHECK (id = 1),
	site        INTEGER NOT NULL DEFAULT 0,
	unit_id     INTEGER REFERENCES unit(id),  -- the division (NULL at the office)
	office_uuid TEXT NOT NULL
);
-- exchange_peer: each site this database sends packages to and receives
-- them from (at the office, each division; at a division, the office), and
-- the numbers of the last package each way. Recorded in the history: undoing
-- the import of a package makes it the next one to import again.
CREATE TABLE IF NOT EXISTS exchange_peer (
	site     INTEGER PRIMARY KEY,
	unit_id  INTEGER REFERENCES unit(id),
	sent_seq INTEGER NOT NULL DEFAULT 0,
	recv_seq INTEGER NOT NULL DEFAULT 0,
	sent_at  TEXT,
	recv_at  TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS exchange_peer_by_unit ON exchange_peer(unit_id);
-- exchange_base: the records as that site has them after the last package
-- either way (an SQLite database, sqlite3_serialize), from which the session
-- extension computes what changed since (sqlite3session_diff). Not in the
-- history: an undone import leaves the division with what it sent.
CREATE TABLE IF NOT EXISTS exchange_base (
	site INTEGER PRIMARY KEY REFERENCES exchange_peer(site),
	base BLOB NOT NULL
);
