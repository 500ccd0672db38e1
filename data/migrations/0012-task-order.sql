-- Schema version 12: the task lists' order (no deadline last, by deadline,
-- then by number) served by an index, so that opening or paging a list of
-- 100,000 tasks reads one page instead of sorting them all.
CREATE INDEX task_by_order ON task(due_on IS NULL, due_on, id);
