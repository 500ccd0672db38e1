-- Schema version 29: the triggers that keep derived data leave the file
-- (issue 19).
--
-- Every open parsed the schema's 68 stored triggers (the search index, the
-- monthly and period counts, the Overview's sets: 30 KB of SQL), 7.3M of
-- the 12M instructions of a command that only reads. They are kept here
-- instead, as rows (name, table, CREATE TRIGGER text as sqlite_master has
-- it), and each connection makes them in its temporary schema before its
-- first write. The move itself is the program's (store/kept.c, at the end
-- of the open that finds stored ones): it also makes the small guards that
-- refuse a write by a program other than cchc, which has not got them.
CREATE TABLE IF NOT EXISTS kept_trigger (
	name TEXT PRIMARY KEY,
	tbl  TEXT NOT NULL,
	sql  TEXT NOT NULL
) WITHOUT ROWID;
