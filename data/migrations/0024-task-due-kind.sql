-- Schema version 24: the Overview's "Thời hạn chưa rõ" count (open tasks
-- whose deadline is unknown, or recurring with no occurrence left) read
-- every task to find the few of those kinds: 60-110 ms at 100,000 tasks on
-- every entry to the Overview. With this index SQLite takes the two kinds
-- from it (a MULTI-INDEX OR) and reads only their tasks.
CREATE INDEX IF NOT EXISTS task_by_due_kind ON task(due_kind, status);
