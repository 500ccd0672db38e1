-- Schema version 25: the Overview reads only what it shows (issue 19).
--
-- "Thời hạn chưa rõ" counts the open tasks whose deadline is unknown or
-- recurring with no occurrence left; the recurring ones need their
-- assignment date, which task_by_due_kind (schema 24) did not hold, so
-- each of them was read from the task table (30-36 ms cold at 100,000
-- tasks). The wider index covers the count: no task row is read.
DROP INDEX IF EXISTS task_by_due_kind;
CREATE INDEX IF NOT EXISTS task_by_due_kind ON task(due_kind, status, assigned_on, created_at);

-- The agenda (Việc cần làm) counts a plan's tasks by unit, status and
-- section: task_by_plan (schema 3) gains the columns those counts read,
-- so that 10,000 tasks of a plan are counted from the index alone.
DROP INDEX IF EXISTS task_by_plan;
CREATE INDEX IF NOT EXISTS task_by_plan ON task(plan_id, status, section_id, lead_unit_id, due_on);

-- "Hồ sơ trễ hạn chưa có phiếu xin lỗi" is the dossiers resolved after
-- their due date and the open ones past it, less those with a letter. The
-- first part does not change with the date: it is kept here by the
-- triggers below, in the writer's transaction (60,000 of a million
-- dossiers were counted from the index on every entry). The second is
-- counted from the index dossier_open over the due dates before today.
-- dossier_open (schema 22) gains resolved_on, always NULL in it, so that
-- SQLite knows the index covers that count and reads no dossier row.
DROP INDEX IF EXISTS dossier_open;
CREATE INDEX IF NOT EXISTS dossier_open ON dossier(due_on, received_on, field, unit_id, status,
	resolved_on) WHERE resolved_on IS NULL;
-- The name starts with dossier_tally_ like the monthly counts (schema 22):
-- the bulk import drops the dossier triggers of that name and recounts
-- (tally_rebuild, store/tally.c), cchc check compares with a recount, and
-- the history does not record it.
CREATE TABLE IF NOT EXISTS dossier_tally_late (
	id        INTEGER PRIMARY KEY CHECK (id = 1),
	no_letter INTEGER NOT NULL DEFAULT 0   -- resolved late, without a letter
);

CREATE TRIGGER IF NOT EXISTS dossier_tally_late_ai AFTER INSERT ON dossier
	WHEN NEW.resolved_on > NEW.due_on BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter + 1
		WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM letter WHERE dossier_id = NEW.id);
END;
CREATE TRIGGER IF NOT EXISTS dossier_tally_late_ad AFTER DELETE ON dossier
	WHEN OLD.resolved_on > OLD.due_on BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter - 1
		WHERE id = 1 AND NOT EXISTS (SELECT 1 FROM letter WHERE dossier_id = OLD.id);
END;
CREATE TRIGGER IF NOT EXISTS dossier_tally_late_au AFTER UPDATE OF id, due_on, resolved_on
	ON dossier
	WHEN OLD.id IS NOT NEW.id OR coalesce(OLD.resolved_on > OLD.due_on, 0)
	  IS NOT coalesce(NEW.resolved_on > NEW.due_on, 0) BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter
		- (coalesce(OLD.resolved_on > OLD.due_on, 0)
		   AND NOT EXISTS (SELECT 1 FROM letter WHERE dossier_id = OLD.id))
		+ (coalesce(NEW.resolved_on > NEW.due_on, 0)
		   AND NOT EXISTS (SELECT 1 FROM letter WHERE dossier_id = NEW.id))
		WHERE id = 1;
END;
-- a dossier has at most one letter (letter.dossier_id is UNIQUE)
CREATE TRIGGER IF NOT EXISTS letter_tally_late_ai AFTER INSERT ON letter BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter - 1 WHERE id = 1 AND EXISTS
		(SELECT 1 FROM dossier WHERE id = NEW.dossier_id AND resolved_on > due_on);
END;
CREATE TRIGGER IF NOT EXISTS letter_tally_late_ad AFTER DELETE ON letter BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter + 1 WHERE id = 1 AND EXISTS
		(SELECT 1 FROM dossier WHERE id = OLD.dossier_id AND resolved_on > due_on);
END;
CREATE TRIGGER IF NOT EXISTS letter_tally_late_au AFTER UPDATE OF dossier_id ON letter
	WHEN OLD.dossier_id IS NOT NEW.dossier_id BEGIN
	UPDATE dossier_tally_late SET no_letter = no_letter
		+ EXISTS (SELECT 1 FROM dossier WHERE id = OLD.dossier_id AND resolved_on > due_on)
		- EXISTS (SELECT 1 FROM dossier WHERE id = NEW.dossier_id AND resolved_on > due_on)
		WHERE id = 1;
END;

-- the count of the dossiers already stored (as tally_rebuild)
INSERT OR REPLACE INTO dossier_tally_late(id, no_letter)
	SELECT 1, count(*) FROM dossier d WHERE d.resolved_on > d.due_on
		AND NOT EXISTS (SELECT 1 FROM letter l WHERE l.dossier_id = d.id);
