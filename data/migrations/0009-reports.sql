-- Schema version 9: the clerk's own text in periodic reports — assessment,
-- shortcomings, next steps, proposals — kept per period and report section
-- so that every export of that period carries it.
CREATE TABLE report_note (
	period     TEXT NOT NULL,   -- the period's code: 2026-Q1, 2026, 2026-01-01..2026-03-31
	section    TEXT NOT NULL,   -- a report section's key: chi-dao, the-che, ..., kien-nghi
	text       TEXT NOT NULL,
	updated_at TEXT NOT NULL,
	PRIMARY KEY (period, section)
) WITHOUT ROWID;
