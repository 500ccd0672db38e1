-- Schema version 21: lists read in the order of an index, never sorted
-- whole. Each unit's place in the Vietnamese order of names (rank: 0, 1,
-- 2, ... by name COLLATE vi, then id), kept by the triggers
-- below whenever a unit is added or renamed (all ranks are numbered again:
-- there are tens of units). Lists sorted by unit read this integer through
-- unit_by_rank instead of sorting a join by name COLLATE vi: Còn thiếu walks
-- the finished tasks unit by unit (task_done_by_lead) with no sort at all.
-- The vi collation is cchc's own (store/fts.c): a connection without it can
-- read the database but not add or rename a unit.
ALTER TABLE unit ADD COLUMN rank INTEGER NOT NULL DEFAULT 0;
CREATE INDEX unit_by_rank ON unit(rank);
CREATE INDEX task_done_by_lead ON task(lead_unit_id, id) WHERE status = 'done';

CREATE TRIGGER unit_rank_ai AFTER INSERT ON unit BEGIN
	UPDATE unit SET rank = r.n FROM (SELECT id, row_number() OVER (ORDER BY name COLLATE vi,
		id) - 1 AS n FROM unit) AS r WHERE r.id = unit.id AND unit.rank IS NOT r.n;
END;
CREATE TRIGGER unit_rank_au AFTER UPDATE OF name ON unit BEGIN
	UPDATE unit SET rank = r.n FROM (SELECT id, row_number() OVER (ORDER BY name COLLATE vi,
		id) - 1 AS n FROM unit) AS r WHERE r.id = unit.id AND unit.rank IS NOT r.n;
END;

UPDATE unit SET rank = r.n FROM (SELECT id, row_number() OVER (ORDER BY name COLLATE vi, id) - 1
	AS n FROM unit) AS r WHERE r.id = unit.id;

-- The Evidence screen's kind filter walks this index by date and number.
CREATE INDEX evidence_by_kind ON evidence(kind, issued_on);
