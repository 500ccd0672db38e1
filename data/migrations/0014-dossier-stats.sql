-- Schema version 14: the report's dossier figures read the dossiers
-- carried over into a period (received before it, resolved in or after it,
-- or not yet) from this index alone, and the table only for those rows.
DROP INDEX dossier_by_resolved;
CREATE INDEX dossier_by_resolved ON dossier(resolved_on, received_on);
-- The report's feedback figures: the items open, closed in or after the
-- period, or published in it, found from this index alone.
CREATE INDEX feedback_by_closed ON feedback(closed_on, received_on, published_on);
