-- Schema version 23 (issue 19): the tasks list's / filter reads its own
-- full-text index. search_task holds the words of each task's title,
-- description and product under the task's own number (external content
-- over the task table: no copy of the text, rowid = task.id), with prefix
-- indexes of one, two and three letters, so that every word being typed
-- ("t", "th", "thu") is one list in the index and the filter can ask for
-- its first thousand tasks without reading the rest. search_fts (0002)
-- still serves the search screen. The triggers keep it in step with every
-- writer (form, command, undo, restore from the trash); like every search_
-- table it is left out of the history (src/store/history.c); the triggers
-- are not named search_task_* (src/store/search_index.c makes those for
-- search_fts). IF NOT EXISTS: a file put back to an older schema by hand
-- (tests/cli/search.sh) may still hold them.
CREATE VIRTUAL TABLE IF NOT EXISTS search_task USING fts5(title, description, product,
	content = 'task', content_rowid = 'id', tokenize = 'cchc', prefix = '1 2 3',
	detail = 'column');
INSERT INTO search_task(search_task) VALUES('rebuild');

CREATE TRIGGER IF NOT EXISTS task_words_ai AFTER INSERT ON task BEGIN
	INSERT INTO search_task(rowid, title, description, product)
		VALUES(NEW.id, NEW.title, NEW.description, NEW.product);
END;
CREATE TRIGGER IF NOT EXISTS task_words_ad AFTER DELETE ON task BEGIN
	INSERT INTO search_task(search_task, rowid, title, description, product)
		VALUES('delete', OLD.id, OLD.title, OLD.description, OLD.product);
END;
CREATE TRIGGER IF NOT EXISTS task_words_au AFTER UPDATE OF id, title, description, product ON task
	WHEN OLD.id IS NOT NEW.id OR OLD.title IS NOT NEW.title
	  OR OLD.description IS NOT NEW.description OR OLD.product IS NOT NEW.product BEGIN
	INSERT INTO search_task(search_task, rowid, title, description, product)
		VALUES('delete', OLD.id, OLD.title, OLD.description, OLD.product);
	INSERT INTO search_task(rowid, title, description, product)
		VALUES(NEW.id, NEW.title, NEW.description, NEW.product);
END;
