-- Schema version 30: the tasks of unclear deadline kept (issue 19).
--
-- The Overview counts the open tasks whose deadline the clerk must write
-- again ("Thời hạn chưa rõ"): of kind unknown, or recurring with no
-- occurrence ending on or after the day the task was given (NO_OCCURRENCE_LEFT,
-- src/core/task.c). Counting them looked up task_due for each open
-- recurring task: 1,000 lookups at 100,000 tasks, on 430 pages of task_due
-- (of the first screen's 1,100 pages read) and 5 M instructions. Whether a
-- task is one of them does not depend on the day: it is kept here, by
-- the triggers below, from one rule written once (view task_unclear_open).
-- Each writer of a task or of its occurrences makes that task's row again
-- from the view (a task gone has none), so the order in which a cascade
-- runs the triggers does not matter. The name starts with task_tally_:
-- cchc check compares the table with the view (store/tally.c) and the
-- history does not record it.
CREATE VIEW IF NOT EXISTS task_unclear_open(task_id) AS
	SELECT t.id FROM task t WHERE t.due_kind IN ('unknown', 'recurring')
		AND t.status IN ('todo', 'doing', 'paused') AND (t.due_kind = 'unknown'
		OR NOT EXISTS (SELECT 1 FROM task_due d WHERE d.task_id = t.id
		AND d.due_on >= coalesce(t.assigned_on, substr(t.created_at, 1, 10))));
CREATE TABLE IF NOT EXISTS task_tally_unclear (task_id INTEGER PRIMARY KEY);
CREATE TRIGGER IF NOT EXISTS task_tally_unclear_ai AFTER INSERT ON task BEGIN
	INSERT OR REPLACE INTO task_tally_unclear SELECT * FROM task_unclear_open
		WHERE task_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS task_tally_unclear_au AFTER UPDATE OF id, due_kind, status,
	assigned_on, created_at ON task BEGIN
	DELETE FROM task_tally_unclear WHERE task_id IN (OLD.id, NEW.id);
	INSERT INTO task_tally_unclear SELECT * FROM task_unclear_open WHERE task_id = NEW.id;
END;
CREATE TRIGGER IF NOT EXISTS task_tally_unclear_ad AFTER DELETE ON task BEGIN
	DELETE FROM task_tally_unclear WHERE task_id = OLD.id;
END;
CREATE TRIGGER IF NOT EXISTS task_due_tally_ai AFTER INSERT ON task_due BEGIN
	DELETE FROM task_tally_unclear WHERE task_id = NEW.task_id;
	INSERT INTO task_tally_unclear SELECT * FROM task_unclear_open WHERE task_id = NEW.task_id;
END;
CREATE TRIGGER IF NOT EXISTS task_due_tally_ad AFTER DELETE ON task_due BEGIN
	INSERT OR REPLACE INTO task_tally_unclear SELECT * FROM task_unclear_open
		WHERE task_id = OLD.task_id;
END;
CREATE TRIGGER IF NOT EXISTS task_due_tally_au AFTER UPDATE ON task_due BEGIN
	DELETE FROM task_tally_unclear WHERE task_id IN (OLD.task_id, NEW.task_id);
	INSERT INTO task_tally_unclear SELECT * FROM task_unclear_open
		WHERE task_id IN (OLD.task_id, NEW.task_id);
END;
-- the tasks already stored (as tally_task_unclear_rebuild)
DELETE FROM task_tally_unclear;
INSERT INTO task_tally_unclear SELECT * FROM task_unclear_open;

-- The Overview counts each unit's coordinated open tasks due by a day and
-- lists its first ones (task_due_by_unit): read unit by unit, from an
-- index by unit and deadline, instead of all the links due in one pass
-- ranked in C (3,200 at 100,000 tasks, 3.5 M instructions). Nothing else
-- reads task_tally_coord by deadline alone.
DROP INDEX IF EXISTS task_tally_coord_by_due;
CREATE INDEX IF NOT EXISTS task_tally_coord_by_unit ON task_tally_coord(unit_id, due_on);
