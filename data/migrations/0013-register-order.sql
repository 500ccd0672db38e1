-- Schema version 13: indexes for the questions the overview and the
-- registers ask of a province's ten years, so that none reads every row.
-- Late dossiers (resolved after the due date, or still open): a small
-- partial index in due order, which serves the "late" and "late without
-- a letter" lists and their counts for a stretch of due dates.
CREATE INDEX dossier_late ON dossier(due_on, resolved_on)
	WHERE resolved_on > due_on OR resolved_on IS NULL;
-- Finished tasks by the day they were finished (without evidence, this year).
CREATE INDEX task_by_done ON task(status, done_on);
-- The feedback list's order, as task_by_order for tasks.
CREATE INDEX feedback_by_order ON feedback(due_on IS NULL, due_on, id);
-- Open tasks by due date with their lead unit, so the overview's count of
-- overdue and due tasks per unit reads only this index.
DROP INDEX task_by_due;
CREATE INDEX task_by_due ON task(status, due_on, lead_unit_id);
