-- Schema version 15: the task list's pages are read as ranges of (due_on,
-- id): the dated tasks in date order, then those without a date (see
-- list_arms in src/core/task.c), so "the page before this row" is a seek in
-- this index, not a walk from one end of 100,000 tasks.
DROP INDEX task_by_order;
CREATE INDEX task_by_order ON task(due_on, id);
