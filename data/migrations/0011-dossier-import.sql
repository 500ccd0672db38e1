-- Schema version 11: the streaming import of the one-stop system's export
-- (src/core/dossier_import.c). Each import is a row of dossier_import, and
-- each dossier it writes or finds unchanged keeps that import's id and its
-- line in the file, so that a code repeated further down the same file is
-- found in the database, with the line to report, whatever the file's size.
CREATE TABLE dossier_import (
	id    INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused, so an old mark never matches
	at    TEXT NOT NULL,                      -- UTC, YYYY-MM-DD HH:MM:SS
	file  TEXT NOT NULL DEFAULT '',           -- the file as named on the command line
	rows  INTEGER NOT NULL DEFAULT 0          -- good rows stored
);
ALTER TABLE dossier ADD COLUMN import_id INTEGER;    -- dossier_import(id) of the last import
ALTER TABLE dossier ADD COLUMN import_line INTEGER;  -- its line in that import's file
