-- Schema version 3: tasks assigned to units, with their deadlines as written
-- and as computed, coordinating units, progress notes.

CREATE TABLE task (
	id           INTEGER PRIMARY KEY,
	plan_id      INTEGER NOT NULL REFERENCES plan(id),
	section_id   INTEGER REFERENCES section(id),
	title        TEXT NOT NULL,
	description  TEXT NOT NULL DEFAULT '',
	product      TEXT NOT NULL DEFAULT '',      -- sản phẩm
	lead_unit_id INTEGER REFERENCES unit(id),   -- đơn vị chủ trì
	due_text     TEXT NOT NULL DEFAULT '',      -- as the clerk wrote it
	due_kind     TEXT NOT NULL DEFAULT 'none',
	due_every    TEXT NOT NULL DEFAULT '',      -- recurring: m, q or y
	due_on       TEXT,                          -- the current deadline (YYYY-MM-DD), NULL if none
	status       TEXT NOT NULL DEFAULT 'todo'
	             CHECK (status IN ('todo', 'doing', 'done', 'paused')),
	done_on      TEXT,
	created_at   TEXT NOT NULL,
	updated_at   TEXT NOT NULL
);
CREATE INDEX task_by_due ON task(status, due_on);
CREATE INDEX task_by_lead ON task(lead_unit_id, status, due_on);
CREATE INDEX task_by_section ON task(section_id);
CREATE INDEX task_by_plan ON task(plan_id, status);

-- Coordinating units (đơn vị phối hợp).
CREATE TABLE task_unit (
	task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	unit_id INTEGER NOT NULL REFERENCES unit(id),
	PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX task_unit_by_unit ON task_unit(unit_id);

-- Each deadline of a task: one for a one-off task, one per period for a
-- recurring one (the plan year's months, quarters or year end).
CREATE TABLE task_due (
	task_id INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	due_on  TEXT NOT NULL,
	PRIMARY KEY (task_id, due_on)
) WITHOUT ROWID;

-- Progress notes, dated, with the report period they speak to.
CREATE TABLE task_note (
	id       INTEGER PRIMARY KEY,
	task_id  INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	noted_on TEXT NOT NULL,
	period   TEXT NOT NULL DEFAULT '',
	text     TEXT NOT NULL
);
CREATE INDEX task_note_by_task ON task_note(task_id, noted_on);
