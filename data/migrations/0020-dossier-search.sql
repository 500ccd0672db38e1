-- Schema version 20: dossiers in search (issue 17). A province keeps a
-- million dossiers, so their index holds no copy of their text: search_dossier
-- is an external-content FTS5 table over the dossier table itself (its
-- rows are read from there), with detail = column (which column a word is
-- in, not where: search asks for words, never phrases): 93 MB for a
-- million dossiers in a file of 477 MB. Searched
-- fields: the code, the holder, the procedure and the field; the other
-- kinds stay in search_fts (0002). The triggers keep it in step with every
-- writer (form, command, undo, restore from the trash; the import holds the
-- insert trigger and indexes its new rows in one statement, see
-- search_dossier_hold); the update trigger runs only when a searched field
-- changes.
CREATE VIRTUAL TABLE search_dossier USING fts5(code, holder, procedure, field,
	content = 'dossier', content_rowid = 'id', tokenize = 'cchc', detail = 'column');
INSERT INTO search_dossier(search_dossier) VALUES('rebuild');

CREATE TRIGGER search_dossier_ai AFTER INSERT ON dossier BEGIN
	INSERT INTO search_dossier(rowid, code, holder, procedure, field)
		VALUES(NEW.id, NEW.code, NEW.holder, NEW.procedure, NEW.field);
END;
CREATE TRIGGER search_dossier_ad AFTER DELETE ON dossier BEGIN
	INSERT INTO search_dossier(search_dossier, rowid, code, holder, procedure, field)
		VALUES('delete', OLD.id, OLD.code, OLD.holder, OLD.procedure, OLD.field);
END;
CREATE TRIGGER search_dossier_au AFTER UPDATE OF id, code, holder, procedure, field ON dossier
	WHEN OLD.id IS NOT NEW.id OR OLD.code IS NOT NEW.code OR OLD.holder IS NOT NEW.holder
	  OR OLD.procedure IS NOT NEW.procedure OR OLD.field IS NOT NEW.field BEGIN
	INSERT INTO search_dossier(search_dossier, rowid, code, holder, procedure, field)
		VALUES('delete', OLD.id, OLD.code, OLD.holder, OLD.procedure, OLD.field);
	INSERT INTO search_dossier(rowid, code, holder, procedure, field)
		VALUES(NEW.id, NEW.code, NEW.holder, NEW.procedure, NEW.field);
END;
