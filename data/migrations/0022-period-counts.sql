-- Schema version 22: the dossiers counted by month (issue 19), so that a
-- period's figures (report, preview, Overview) add up a few thousand
-- counts instead of reading a year of a million dossiers. Each table holds,
-- per month ('YYYY-MM', the first 7 characters of the date) and field or
-- unit and status, the dossiers received that month by channel and those
-- resolved that month by how the resolution compares with the due date
-- (withdrawal, read from the status, is applied when counting). The
-- triggers below keep them in the writer's transaction; the bulk import
-- drops them and counts again in one pass (tally_rebuild, store/tally.c);
-- cchc check compares them with a recount. A dossier that becomes late
-- with the date is counted from the rows (index dossier_open).
CREATE TABLE IF NOT EXISTS dossier_tally_field (
	month     TEXT NOT NULL,
	field     TEXT NOT NULL,
	status    TEXT NOT NULL,
	r_online  INTEGER NOT NULL DEFAULT 0,  -- received, channel truc-tuyen
	r_offline INTEGER NOT NULL DEFAULT 0,  -- received, any other channel
	s_early   INTEGER NOT NULL DEFAULT 0,  -- resolved before the due date
	s_on_time INTEGER NOT NULL DEFAULT 0,  -- on it, or without one
	s_late    INTEGER NOT NULL DEFAULT 0,  -- after it
	PRIMARY KEY (month, field, status)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS dossier_tally_unit (
	month     TEXT NOT NULL,
	unit_id   INTEGER NOT NULL,             -- 0: none
	status    TEXT NOT NULL,
	r_online  INTEGER NOT NULL DEFAULT 0,
	r_offline INTEGER NOT NULL DEFAULT 0,
	s_early   INTEGER NOT NULL DEFAULT 0,
	s_on_time INTEGER NOT NULL DEFAULT 0,
	s_late    INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (month, unit_id, status)
) WITHOUT ROWID;

-- Open dossiers by due date, with what counting them needs (pending and
-- overdue as of a date); and the rare ones resolved before they were
-- received, which the sums of counts correct for.
CREATE INDEX IF NOT EXISTS dossier_open ON dossier(due_on, received_on, field, unit_id, status)
	WHERE resolved_on IS NULL;
CREATE INDEX IF NOT EXISTS dossier_resolved_first ON dossier(resolved_on)
	WHERE resolved_on < received_on;

-- The counts of the dossiers already stored (the same as tally_rebuild in
-- src/store/tally.c). Every statement may run again over a schema that has
-- them (a database set back to an older version by hand).
DELETE FROM dossier_tally_field;
DELETE FROM dossier_tally_unit;
INSERT INTO dossier_tally_field(month, field, status, r_online, r_offline, s_early, s_on_time, s_late)
	SELECT m, field, status, total(ron), total(roff), total(se), total(so), total(sl) FROM (
		SELECT substr(received_on, 1, 7) AS m, field, status, channel = 'truc-tuyen' AS ron,
			channel <> 'truc-tuyen' AS roff, 0 AS se, 0 AS so, 0 AS sl FROM dossier
		UNION ALL
		SELECT substr(resolved_on, 1, 7), field, status, 0, 0, resolved_on < due_on,
			due_on IS NULL OR resolved_on = due_on, resolved_on > due_on
			FROM dossier WHERE resolved_on IS NOT NULL)
	GROUP BY m, field, status;
INSERT INTO dossier_tally_unit(month, unit_id, status, r_online, r_offline, s_early, s_on_time, s_late)
	SELECT m, u, status, total(ron), total(roff), total(se), total(so), total(sl) FROM (
		SELECT substr(received_on, 1, 7) AS m, coalesce(unit_id, 0) AS u, status,
			channel = 'truc-tuyen' AS ron, channel <> 'truc-tuyen' AS roff, 0 AS se,
			0 AS so, 0 AS sl FROM dossier
		UNION ALL
		SELECT substr(resolved_on, 1, 7), coalesce(unit_id, 0), status, 0, 0,
			resolved_on < due_on, due_on IS NULL OR resolved_on = due_on,
			resolved_on > due_on FROM dossier WHERE resolved_on IS NOT NULL)
	GROUP BY m, u, status;

CREATE TRIGGER IF NOT EXISTS dossier_tally_ai AFTER INSERT ON dossier BEGIN
	INSERT INTO dossier_tally_field(month, field, status, r_online, r_offline)
		VALUES(substr(NEW.received_on, 1, 7), NEW.field, NEW.status,
		       NEW.channel = 'truc-tuyen', NEW.channel <> 'truc-tuyen')
		ON CONFLICT(month, field, status) DO UPDATE SET
			r_online = r_online + excluded.r_online,
			r_offline = r_offline + excluded.r_offline;
	INSERT INTO dossier_tally_unit(month, unit_id, status, r_online, r_offline)
		VALUES(substr(NEW.received_on, 1, 7), coalesce(NEW.unit_id, 0), NEW.status,
		       NEW.channel = 'truc-tuyen', NEW.channel <> 'truc-tuyen')
		ON CONFLICT(month, unit_id, status) DO UPDATE SET
			r_online = r_online + excluded.r_online,
			r_offline = r_offline + excluded.r_offline;
	INSERT INTO dossier_tally_field(month, field, status, s_early, s_on_time, s_late)
		SELECT substr(NEW.resolved_on, 1, 7), NEW.field, NEW.status,
		       coalesce(NEW.resolved_on < NEW.due_on, 0),
		       NEW.due_on IS NULL OR NEW.resolved_on = NEW.due_on,
		       coalesce(NEW.resolved_on > NEW.due_on, 0) WHERE NEW.resolved_on IS NOT NULL
		ON CONFLICT(month, field, status) DO UPDATE SET
			s_early = s_early + excluded.s_early,
			s_on_time = s_on_time + excluded.s_on_time,
			s_late = s_late + excluded.s_late;
	INSERT INTO dossier_tally_unit(month, unit_id, status, s_early, s_on_time, s_late)
		SELECT substr(NEW.resolved_on, 1, 7), coalesce(NEW.unit_id, 0), NEW.status,
		       coalesce(NEW.resolved_on < NEW.due_on, 0),
		       NEW.due_on IS NULL OR NEW.resolved_on = NEW.due_on,
		       coalesce(NEW.resolved_on > NEW.due_on, 0) WHERE NEW.resolved_on IS NOT NULL
		ON CONFLICT(month, unit_id, status) DO UPDATE SET
			s_early = s_early + excluded.s_early,
			s_on_time = s_on_time + excluded.s_on_time,
			s_late = s_late + excluded.s_late;
END;

CREATE TRIGGER IF NOT EXISTS dossier_tally_ad AFTER DELETE ON dossier BEGIN
	UPDATE dossier_tally_field SET r_online = r_online - (OLD.channel = 'truc-tuyen'),
		r_offline = r_offline - (OLD.channel <> 'truc-tuyen')
		WHERE month = substr(OLD.received_on, 1, 7) AND field = OLD.field AND status = OLD.status;
	UPDATE dossier_tally_unit SET r_online = r_online - (OLD.channel = 'truc-tuyen'),
		r_offline = r_offline - (OLD.channel <> 'truc-tuyen')
		WHERE month = substr(OLD.received_on, 1, 7) AND unit_id = coalesce(OLD.unit_id, 0) AND status = OLD.status;
	UPDATE dossier_tally_field SET s_early = s_early - coalesce(OLD.resolved_on < OLD.due_on, 0),
		s_on_time = s_on_time - (OLD.due_on IS NULL OR OLD.resolved_on = OLD.due_on),
		s_late = s_late - coalesce(OLD.resolved_on > OLD.due_on, 0)
		WHERE month = substr(OLD.resolved_on, 1, 7) AND field = OLD.field AND status = OLD.status;
	UPDATE dossier_tally_unit SET s_early = s_early - coalesce(OLD.resolved_on < OLD.due_on, 0),
		s_on_time = s_on_time - (OLD.due_on IS NULL OR OLD.resolved_on = OLD.due_on),
		s_late = s_late - coalesce(OLD.resolved_on > OLD.due_on, 0)
		WHERE month = substr(OLD.resolved_on, 1, 7) AND unit_id = coalesce(OLD.unit_id, 0) AND status = OLD.status;
END;

CREATE TRIGGER IF NOT EXISTS dossier_tally_au AFTER UPDATE OF received_on, due_on, resolved_on, status,
	channel, field, unit_id ON dossier
	WHEN OLD.received_on IS NOT NEW.received_on OR OLD.due_on IS NOT NEW.due_on
	  OR OLD.resolved_on IS NOT NEW.resolved_on OR OLD.status IS NOT NEW.status
	  OR OLD.channel IS NOT NEW.channel OR OLD.field IS NOT NEW.field
	  OR OLD.unit_id IS NOT NEW.unit_id BEGIN
	UPDATE dossier_tally_field SET r_online = r_online - (OLD.channel = 'truc-tuyen'),
		r_offline = r_offline - (OLD.channel <> 'truc-tuyen')
		WHERE month = substr(OLD.received_on, 1, 7) AND field = OLD.field AND status = OLD.status;
	UPDATE dossier_tally_unit SET r_online = r_online - (OLD.channel = 'truc-tuyen'),
		r_offline = r_offline - (OLD.channel <> 'truc-tuyen')
		WHERE month = substr(OLD.received_on, 1, 7) AND unit_id = coalesce(OLD.unit_id, 0) AND status = OLD.status;
	UPDATE dossier_tally_field SET s_early = s_early - coalesce(OLD.resolved_on < OLD.due_on, 0),
		s_on_time = s_on_time - (OLD.due_on IS NULL OR OLD.resolved_on = OLD.due_on),
		s_late = s_late - coalesce(OLD.resolved_on > OLD.due_on, 0)
		WHERE month = substr(OLD.resolved_on, 1, 7) AND field = OLD.field AND status = OLD.status;
	UPDATE dossier_tally_unit SET s_early = s_early - coalesce(OLD.resolved_on < OLD.due_on, 0),
		s_on_time = s_on_time - (OLD.due_on IS NULL OR OLD.resolved_on = OLD.due_on),
		s_late = s_late - coalesce(OLD.resolved_on > OLD.due_on, 0)
		WHERE month = substr(OLD.resolved_on, 1, 7) AND unit_id = coalesce(OLD.unit_id, 0) AND status = OLD.status;
	INSERT INTO dossier_tally_field(month, field, status, r_online, r_offline)
		VALUES(substr(NEW.received_on, 1, 7), NEW.field, NEW.status,
		       NEW.channel = 'truc-tuyen', NEW.channel <> 'truc-tuyen')
		ON CONFLICT(month, field, status) DO UPDATE SET
			r_online = r_online + excluded.r_online,
			r_offline = r_offline + excluded.r_offline;
	INSERT INTO dossier_tally_unit(month, unit_id, status, r_online, r_offline)
		VALUES(substr(NEW.received_on, 1, 7), coalesce(NEW.unit_id, 0), NEW.status,
		       NEW.channel = 'truc-tuyen', NEW.channel <> 'truc-tuyen')
		ON CONFLICT(month, unit_id, status) DO UPDATE SET
			r_online = r_online + excluded.r_online,
			r_offline = r_offline + excluded.r_offline;
	INSERT INTO dossier_tally_field(month, field, status, s_early, s_on_time, s_late)
		SELECT substr(NEW.resolved_on, 1, 7), NEW.field, NEW.status,
		       coalesce(NEW.resolved_on < NEW.due_on, 0),
		       NEW.due_on IS NULL OR NEW.resolved_on = NEW.due_on,
		       coalesce(NEW.resolved_on > NEW.due_on, 0) WHERE NEW.resolved_on IS NOT NULL
		ON CONFLICT(month, field, status) DO UPDATE SET
			s_early = s_early + excluded.s_early,
			s_on_time = s_on_time + excluded.s_on_time,
			s_late = s_late + excluded.s_late;
	INSERT INTO dossier_tally_unit(month, unit_id, status, s_early, s_on_time, s_late)
		SELECT substr(NEW.resolved_on, 1, 7), coalesce(NEW.unit_id, 0), NEW.status,
		       coalesce(NEW.resolved_on < NEW.due_on, 0),
		       NEW.due_on IS NULL OR NEW.resolved_on = NEW.due_on,
		       coalesce(NEW.resolved_on > NEW.due_on, 0) WHERE NEW.resolved_on IS NOT NULL
		ON CONFLICT(month, unit_id, status) DO UPDATE SET
			s_early = s_early + excluded.s_early,
			s_on_time = s_on_time + excluded.s_on_time,
			s_late = s_late + excluded.s_late;
END;
