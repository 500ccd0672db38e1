-- Schema version 27: a year's report reads what it shows (issue 19).
--
-- The feedback handled on time: an item closed (answered, forwarded or
-- turned away) on or before the deadline in force that day, the last
-- dated "da-vao-so" or "giao" step of feedback_step (DUE_IN_FORCE in
-- src/core/feedback.c). The report looked that deadline up for each item
-- closed in the period (5,000 a year at 50,000 items); it is kept here
-- instead, per closing day, by the triggers below, in the writer's
-- transaction. A period's figure is the sum of its days (less the rare
-- items closed before they were received, which the report's rows leave
-- out: index feedback_closed_first). The name starts with feedback_tally_:
-- cchc check compares it with a recount (store/tally.c) and the history
-- does not record it.
CREATE TABLE IF NOT EXISTS feedback_tally_closed (
	day     TEXT PRIMARY KEY,               -- closed_on
	on_time INTEGER NOT NULL DEFAULT 0      -- closed on or before the deadline then
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS feedback_closed_first ON feedback(closed_on, received_on, id)
	WHERE closed_on < received_on;

-- The rule, written once: the items closed on or before the deadline in
-- force on their closing day. The triggers and the rebuild below, and the
-- recount of cchc check (store/tally.c), read it by id or whole.
CREATE VIEW IF NOT EXISTS feedback_closed_on_time(id, closed_on) AS
	SELECT f.id, f.closed_on FROM feedback f WHERE f.closed_on IS NOT NULL AND
		f.closed_on <= coalesce((SELECT
		substr(s.note, -4) || '-' || substr(s.note, -7, 2) || '-' || substr(s.note, -10, 2)
		FROM feedback_step s WHERE s.feedback_id = f.id AND s.step IN ('da-vao-so', 'giao')
		AND s.on_date <= f.closed_on AND s.note GLOB '*[0-9][0-9]/[0-9][0-9]/[0-9][0-9][0-9][0-9]'
		ORDER BY s.seq DESC LIMIT 1), f.closed_on);

-- Every writer of an item or of its steps takes the item's count away
-- before the change (BEFORE, while the row and its steps are as they were)
-- and adds it back after it: the deadline in force depends on all the
-- steps, so no finer rule is needed. A cascade from a deleted item finds
-- no item and changes nothing. (The WHERE of each SELECT is also what lets
-- SQLite parse the ON CONFLICT that follows it.)
CREATE TRIGGER IF NOT EXISTS feedback_tally_bd BEFORE DELETE ON feedback
	WHEN OLD.closed_on IS NOT NULL BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, -1
		FROM feedback_closed_on_time WHERE id = OLD.id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_tally_ai AFTER INSERT ON feedback
	WHEN NEW.closed_on IS NOT NULL BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, 1
		FROM feedback_closed_on_time WHERE id = NEW.id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_tally_bu BEFORE UPDATE OF id, closed_on ON feedback
	WHEN OLD.id IS NOT NEW.id OR OLD.closed_on IS NOT NEW.closed_on BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, -1
		FROM feedback_closed_on_time WHERE id = OLD.id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_tally_au AFTER UPDATE OF id, closed_on ON feedback
	WHEN OLD.id IS NOT NEW.id OR OLD.closed_on IS NOT NEW.closed_on BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, 1
		FROM feedback_closed_on_time WHERE id = NEW.id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;

-- a step changes the deadline in force only when it is "da-vao-so" or
-- "giao" (before or after the change), and only for a closed item
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_bi BEFORE INSERT ON feedback_step
	WHEN NEW.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, -1
		FROM feedback_closed_on_time WHERE id = NEW.feedback_id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_ai AFTER INSERT ON feedback_step
	WHEN NEW.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, 1
		FROM feedback_closed_on_time WHERE id = NEW.feedback_id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_bd BEFORE DELETE ON feedback_step
	WHEN OLD.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, -1
		FROM feedback_closed_on_time WHERE id = OLD.feedback_id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_ad AFTER DELETE ON feedback_step
	WHEN OLD.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, 1
		FROM feedback_closed_on_time WHERE id = OLD.feedback_id
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
-- an update of a step: the item before (OLD) and after (NEW), which are
-- the same item but for a step moved by hand
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_bu BEFORE UPDATE ON feedback_step
	WHEN OLD.step IN ('da-vao-so', 'giao') OR NEW.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, -1
		FROM feedback_closed_on_time WHERE id IN (OLD.feedback_id, NEW.feedback_id)
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;
CREATE TRIGGER IF NOT EXISTS feedback_step_tally_au AFTER UPDATE ON feedback_step
	WHEN OLD.step IN ('da-vao-so', 'giao') OR NEW.step IN ('da-vao-so', 'giao') BEGIN
	INSERT INTO feedback_tally_closed(day, on_time) SELECT closed_on, 1
		FROM feedback_closed_on_time WHERE id IN (OLD.feedback_id, NEW.feedback_id)
		ON CONFLICT(day) DO UPDATE SET on_time = on_time + excluded.on_time;
END;

-- the count of the items already stored (as tally_feedback_rebuild)
DELETE FROM feedback_tally_closed;
INSERT INTO feedback_tally_closed(day, on_time)
	SELECT closed_on, count(*) FROM feedback_closed_on_time GROUP BY closed_on;

-- The tasks' totals of the year before (count_tasks, src/core/report.c)
-- read done_on too: task_by_plan (schema 25) gains it, so that 10,000
-- tasks of a plan are counted from the index alone.
DROP INDEX IF EXISTS task_by_plan;
CREATE INDEX IF NOT EXISTS task_by_plan ON task(plan_id, status, section_id, lead_unit_id, due_on,
	done_on);

-- The feedback published in a period but closed before it (the last of
-- the three sets of STATS_FROM, src/core/feedback.c) were found among all
-- the items closed before the period (40,000 of 50,000): found by their
-- publication date instead.
CREATE INDEX IF NOT EXISTS feedback_by_published ON feedback(published_on, closed_on, received_on);

-- A period's dossier figures read the dossiers received or resolved in the
-- first days of the months where the period starts and ends (some 4,000
-- a day-range at a million dossiers, four ranges, twice for the annual
-- report) and those resolved after it: the two date indexes gain the
-- columns those reads take (core/dossier_tally.c), so that no dossier row
-- is read for them.
DROP INDEX IF EXISTS dossier_by_received;
CREATE INDEX IF NOT EXISTS dossier_by_received ON dossier(received_on, field, unit_id, status,
	channel);
DROP INDEX IF EXISTS dossier_by_resolved;
CREATE INDEX IF NOT EXISTS dossier_by_resolved ON dossier(resolved_on, received_on, due_on, field,
	unit_id, status);

-- The dossiers resolved late, by resolution date: those of a period with
-- their status (the report's apology-letter coverage, letter_coverage in
-- src/core/letter.c), 6,000 a year, instead of every late dossier due
-- before the period's end through dossier_late; and those pending at a
-- period's end, overdue then and resolved since (dossier_stats_period),
-- which were found among all the dossiers resolved after it (100,000 a
-- year).
CREATE INDEX IF NOT EXISTS dossier_resolved_late ON dossier(resolved_on, due_on, status,
	received_on, field, unit_id) WHERE resolved_on > due_on;

-- A report lists a plan's tasks in the order of their dates (TASKS_SQL in
-- src/core/report.c, ORDER BY coalesce(done_on, due_on, '9999'), id): read
-- in that order from here, 10,000 rows of a plan are not sorted each time.
CREATE INDEX IF NOT EXISTS task_by_plan_order ON task(plan_id, coalesce(done_on, due_on, '9999'));

-- A plan's recurring tasks, whose deadline in force a report works out
-- (task_tracks, src/core/task.c): a few hundred of a plan's 10,000, read
-- from here rather than picked out of all of them.
CREATE INDEX IF NOT EXISTS task_recurring ON task(plan_id) WHERE due_kind = 'recurring';
