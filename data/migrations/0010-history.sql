-- Schema version 10: every change the clerk makes, grouped per action, so
-- that an action can be undone, a deleted record restored from the trash,
-- and each record's history shown. Rows are written by triggers generated
-- at start from the tables' columns (src/store/history.c); `key` and the
-- values are JSON objects of column names to values.
CREATE TABLE history_action (
	id        INTEGER PRIMARY KEY,
	at        TEXT NOT NULL,            -- local time, YYYY-MM-DD HH:MM:SS
	os_user   TEXT NOT NULL DEFAULT '',
	label     TEXT NOT NULL DEFAULT '', -- set by actions that are not row by row (imports)
	undoable  INTEGER NOT NULL DEFAULT 1,
	undone_by INTEGER REFERENCES history_action(id),
	undo_of   INTEGER REFERENCES history_action(id)
);
CREATE INDEX history_action_by_undo ON history_action(undo_of);

CREATE TABLE history_change (
	id        INTEGER PRIMARY KEY,
	action_id INTEGER NOT NULL REFERENCES history_action(id) ON DELETE CASCADE,
	tbl       TEXT NOT NULL,
	key       TEXT NOT NULL,            -- {"id": 12} or {"task_id": 3, "unit_id": 5}
	op        TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
	old       TEXT,                     -- the row before (update, delete)
	new       TEXT                      -- the row after (insert, update)
);
CREATE INDEX history_change_by_action ON history_change(action_id);
CREATE INDEX history_change_by_row ON history_change(tbl, key);
