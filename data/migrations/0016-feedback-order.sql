-- Schema version 16: the feedback list's pages are read as ranges of
-- (due_on, id), as the task list's (see src/core/keyset.h): the page
-- before a row is a seek, not a walk from the end of the register.
DROP INDEX feedback_by_order;
CREATE INDEX feedback_by_order ON feedback(due_on, id);
