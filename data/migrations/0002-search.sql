-- Schema version 2: the full-text search index over every searchable text.
-- search_doc says which record each indexed row belongs to; search_fts holds
-- the text, tokenized by cchc's own tokenizer (no tones, no case, đ = d).
-- The triggers that keep both in step with the source tables are made from
-- the table of sources in src/store/search_index.c, so that a new entity is
-- one line there.

CREATE TABLE search_doc (
	id      INTEGER PRIMARY KEY,
	src     TEXT NOT NULL,      -- source table
	src_key TEXT NOT NULL,      -- the source row's key
	kind    TEXT NOT NULL,      -- what the user searches for: plan, section, unit
	rid     INTEGER NOT NULL,   -- the record's id in its kind
	plan_id INTEGER,
	UNIQUE (src, src_key)
);
CREATE INDEX search_doc_by_record ON search_doc(kind, rid);

-- kind and plan_id are repeated here (unindexed) so that a filtered search
-- never leaves the FTS table before it has its candidates.
CREATE VIRTUAL TABLE search_fts USING fts5(title, body, kind UNINDEXED, plan_id UNINDEXED,
					   tokenize = 'cchc', prefix = '2 3');
