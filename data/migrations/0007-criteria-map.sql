-- Schema version 7: which criteria a plan section or a task serves. Tasks of
-- a mapped section serve its criteria too (see criteria_of_task).
CREATE TABLE section_criterion (
	section_id   INTEGER NOT NULL REFERENCES section(id) ON DELETE CASCADE,
	criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
	PRIMARY KEY (section_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX section_criterion_by_criterion ON section_criterion(criterion_id);

CREATE TABLE task_criterion (
	task_id      INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	criterion_id INTEGER NOT NULL REFERENCES criterion(id) ON DELETE CASCADE,
	PRIMARY KEY (task_id, criterion_id)
) WITHOUT ROWID;
CREATE INDEX task_criterion_by_criterion ON task_criterion(criterion_id);

-- Evidence that proves a criterion: linked to it directly, or to a task that
-- serves it (mapped itself, or through its section).
CREATE VIEW criterion_evidence(criterion_id, evidence_id) AS
	SELECT criterion_id, evidence_id FROM evidence_criterion
	UNION
	SELECT tc.criterion_id, et.evidence_id FROM evidence_task et
	JOIN task_criterion tc ON tc.task_id = et.task_id
	UNION
	SELECT sc.criterion_id, et.evidence_id FROM evidence_task et
	JOIN task t ON t.id = et.task_id
	JOIN section_criterion sc ON sc.section_id = t.section_id;
