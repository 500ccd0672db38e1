-- Schema version 28: the Overview reads what it shows (issue 19).
--
-- The Overview counts, for each unit, the open tasks due by a day that it
-- leads or coordinates (task_due_by_unit, src/core/task.c). The leads are
-- read from the index task_by_due; the coordinating units were found by
-- looking up task_unit for each open task due (11,000 lookups at 100,000
-- tasks, 25 M instructions, a fifth of the first screen). They are kept
-- here instead: the links of the open tasks to the units that coordinate
-- them and do not lead them, with the task's deadline, by the triggers
-- below in the writer's transaction. The name starts with task_tally_:
-- cchc check compares the table with the view (store/tally.c) and the
-- history does not record it.
CREATE VIEW IF NOT EXISTS task_coord_open(task_id, unit_id, due_on) AS
	SELECT tu.task_id, tu.unit_id, t.due_on FROM task_unit tu CROSS JOIN task t
		ON t.id = tu.task_id WHERE t.status IN ('todo', 'doing')
		AND tu.unit_id IS NOT t.lead_unit_id;
CREATE TABLE IF NOT EXISTS task_tally_coord (
	task_id INTEGER NOT NULL,
	unit_id INTEGER NOT NULL,
	due_on  TEXT,
	PRIMARY KEY (task_id, unit_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS task_tally_coord_by_due ON task_tally_coord(due_on, unit_id);

-- A task whose state, deadline or lead changes has its links made again
-- from the view; a link added, taken away or changed, that link.
CREATE TRIGGER IF NOT EXISTS task_tally_coord_au AFTER UPDATE OF id, status, due_on,
	lead_unit_id ON task
	WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status
	  OR OLD.due_on IS NOT NEW.due_on OR OLD.lead_unit_id IS NOT NEW.lead_unit_id BEGIN
	DELETE FROM task_tally_coord WHERE task_id IN (OLD.id, NEW.id);
	INSERT INTO task_tally_coord SELECT * FROM task_coord_open WHERE task_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS task_tally_coord_ad AFTER DELETE ON task BEGIN
	DELETE FROM task_tally_coord WHERE task_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS task_unit_tally_ai AFTER INSERT ON task_unit BEGIN
	INSERT OR REPLACE INTO task_tally_coord SELECT * FROM task_coord_open
		WHERE task_id = NEW.task_id AND unit_id = NEW.unit_id;
END;
CREATE TRIGGER IF NOT EXISTS task_unit_tally_ad AFTER DELETE ON task_unit BEGIN
	DELETE FROM task_tally_coord WHERE task_id = OLD.task_id AND unit_id = OLD.unit_id;
END;
CREATE TRIGGER IF NOT EXISTS task_unit_tally_au AFTER UPDATE ON task_unit BEGIN
	DELETE FROM task_tally_coord WHERE task_id = OLD.task_id AND unit_id = OLD.unit_id;
	INSERT OR REPLACE INTO task_tally_coord SELECT * FROM task_coord_open
		WHERE task_id = NEW.task_id AND unit_id = NEW.unit_id;
END;

-- the links already stored (as tally_task_coord_rebuild)
DELETE FROM task_tally_coord;
INSERT INTO task_tally_coord SELECT * FROM task_coord_open;

-- The Overview counts the tasks finished since the report period began
-- that have no evidence, and lists the first of them
-- (evidence_missing_tasks, src/core/evidence.c): 7,000 finished tasks of a
-- year at 100,000, each looked up in evidence_task, 19 M instructions.
-- They are kept here instead, by the day they were finished: a task is in
-- it while it is done and no evidence names it. Each writer of a task or
-- of its evidence links makes the task's row again from the view (a task
-- gone, or given evidence, has none), so the order in which a cascade
-- runs the triggers does not matter.
CREATE VIEW IF NOT EXISTS task_missing_evidence(task_id, done_on) AS
	SELECT t.id, t.done_on FROM task t WHERE t.status = 'done'
		AND NOT EXISTS (SELECT 1 FROM evidence_task e WHERE e.task_id = t.id);
CREATE TABLE IF NOT EXISTS task_tally_missing (
	task_id INTEGER PRIMARY KEY,
	done_on TEXT
);
CREATE INDEX IF NOT EXISTS task_tally_missing_by_done ON task_tally_missing(done_on, task_id);

CREATE TRIGGER IF NOT EXISTS task_tally_missing_ai AFTER INSERT ON task
	WHEN NEW.status = 'done' BEGIN
	INSERT OR REPLACE INTO task_tally_missing SELECT * FROM task_missing_evidence
		WHERE task_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS task_tally_missing_au AFTER UPDATE OF id, status, done_on ON task
	WHEN OLD.id IS NOT NEW.id OR OLD.status IS NOT NEW.status
	  OR OLD.done_on IS NOT NEW.done_on BEGIN
	DELETE FROM task_tally_missing WHERE task_id IN (OLD.id, NEW.id);
	INSERT INTO task_tally_missing SELECT * FROM task_missing_evidence WHERE task_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS task_tally_missing_ad AFTER DELETE ON task
	WHEN OLD.status = 'done' BEGIN
	DELETE FROM task_tally_missing WHERE task_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS evidence_task_tally_ai AFTER INSERT ON evidence_task BEGIN
	DELETE FROM task_tally_missing WHERE task_id = NEW.task_id;
END;
CREATE TRIGGER IF NOT EXISTS evidence_task_tally_ad AFTER DELETE ON evidence_task BEGIN
	INSERT OR REPLACE INTO task_tally_missing SELECT * FROM task_missing_evidence
		WHERE task_id = OLD.task_id;
END;
CREATE TRIGGER IF NOT EXISTS evidence_task_tally_au AFTER UPDATE ON evidence_task BEGIN
	DELETE FROM task_tally_missing WHERE task_id IN (OLD.task_id, NEW.task_id);
	INSERT INTO task_tally_missing SELECT * FROM task_missing_evidence
		WHERE task_id IN (OLD.task_id, NEW.task_id);
END;

-- the tasks already stored (as tally_task_missing_rebuild)
DELETE FROM task_tally_missing;
INSERT INTO task_tally_missing SELECT * FROM task_missing_evidence;

-- "Hồ sơ trễ hạn chưa có phiếu xin lỗi" counts the open dossiers past due
-- from the index dossier_open (schema 25) less those with a letter: each
-- of them (10,000 at a million dossiers) looked up a letter, 22 M
-- instructions; counting instead the letters whose dossier is open read
-- each such dossier's row, a page each (3,400 pages more). The open
-- dossiers with a letter are kept here with their due date. The name
-- starts with dossier_tally_: the bulk import drops the dossier triggers of
-- that name and recounts (tally_rebuild), cchc check compares with a
-- recount, and the history does not record it.
CREATE VIEW IF NOT EXISTS dossier_open_letter(dossier_id, due_on) AS
	SELECT l.dossier_id, d.due_on FROM letter l CROSS JOIN dossier d ON d.id = l.dossier_id
		WHERE d.resolved_on IS NULL;
CREATE TABLE IF NOT EXISTS dossier_tally_open_letter (
	dossier_id INTEGER PRIMARY KEY,
	due_on     TEXT
);
CREATE INDEX IF NOT EXISTS dossier_tally_open_letter_by_due ON dossier_tally_open_letter(due_on);

CREATE TRIGGER IF NOT EXISTS dossier_tally_open_letter_au AFTER UPDATE OF id, due_on, resolved_on
	ON dossier WHEN OLD.id IS NOT NEW.id OR OLD.due_on IS NOT NEW.due_on
	  OR OLD.resolved_on IS NOT NEW.resolved_on BEGIN
	DELETE FROM dossier_tally_open_letter WHERE dossier_id IN (OLD.id, NEW.id);
	INSERT INTO dossier_tally_open_letter SELECT * FROM dossier_open_letter
		WHERE dossier_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS dossier_tally_open_letter_ad AFTER DELETE ON dossier BEGIN
	DELETE FROM dossier_tally_open_letter WHERE dossier_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS letter_tally_open_ai AFTER INSERT ON letter BEGIN
	INSERT OR REPLACE INTO dossier_tally_open_letter SELECT * FROM dossier_open_letter
		WHERE dossier_id = NEW.dossier_id;
END;
CREATE TRIGGER IF NOT EXISTS letter_tally_open_ad AFTER DELETE ON letter BEGIN
	DELETE FROM dossier_tally_open_letter WHERE dossier_id = OLD.dossier_id;
END;
CREATE TRIGGER IF NOT EXISTS letter_tally_open_au AFTER UPDATE OF dossier_id ON letter
	WHEN OLD.dossier_id IS NOT NEW.dossier_id BEGIN
	DELETE FROM dossier_tally_open_letter WHERE dossier_id IN (OLD.dossier_id, NEW.dossier_id);
	INSERT INTO dossier_tally_open_letter SELECT * FROM dossier_open_letter
		WHERE dossier_id = NEW.dossier_id;
END;

-- the dossiers already stored (as tally_rebuild)
DELETE FROM dossier_tally_open_letter;
INSERT INTO dossier_tally_open_letter SELECT * FROM dossier_open_letter;
