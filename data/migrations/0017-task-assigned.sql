-- Schema version 17: the day a task was given (assigned_on), from which its
-- recurring occurrences count (one that ended before is not its to report),
-- and the recurring tasks found by an index, so that their deadline in
-- force (the end of the current occurrence, src/core/due.h) is recomputed
-- once a day without reading every task. Existing tasks were given on the
-- day they were entered; their deadlines are recomputed at the next start
-- (no task.due_as_of).
ALTER TABLE task ADD COLUMN assigned_on TEXT;
UPDATE task SET assigned_on = substr(created_at, 1, 10);
CREATE INDEX task_recurring ON task(id) WHERE due_kind = 'recurring';
DELETE FROM setting WHERE key = 'task.due_as_of';
