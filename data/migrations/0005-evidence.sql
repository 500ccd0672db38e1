-- Schema version 5: evidence documents (tài liệu kiểm chứng) and their files.
-- Files live in an SQLite Archive table (sqlar), so `sqlite3 FILE -A -t`
-- lists them; each distinct content is stored once, named by its SHA-256.

CREATE TABLE IF NOT EXISTS sqlar (
	name  TEXT PRIMARY KEY,  -- "files/ab/ab12...ef": the content's SHA-256
	mode  INT,
	mtime INT,
	sz    INT,               -- size before compression
	data  BLOB               -- zlib-compressed, or raw when that is not smaller
);

CREATE TABLE evidence (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,            -- quyet-dinh, ke-hoach, bao-cao, cong-van, ...
	doc_no     TEXT NOT NULL DEFAULT '', -- 126/KH-UBND
	issued_on  TEXT,                     -- YYYY-MM-DD
	issuer     TEXT NOT NULL DEFAULT '',
	summary    TEXT NOT NULL DEFAULT '', -- trích yếu
	notes      TEXT NOT NULL DEFAULT '',
	created_at TEXT NOT NULL
);
CREATE INDEX evidence_by_date ON evidence(issued_on);

CREATE TABLE evidence_file (
	evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	name        TEXT NOT NULL,           -- the original file name
	sha256      TEXT NOT NULL,           -- sqlar name is files/<first two>/<sha256>
	size        INTEGER NOT NULL,
	PRIMARY KEY (evidence_id, seq)
) WITHOUT ROWID;
CREATE INDEX evidence_file_by_hash ON evidence_file(sha256);

CREATE TABLE evidence_task (
	evidence_id INTEGER NOT NULL REFERENCES evidence(id) ON DELETE CASCADE,
	task_id     INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
	PRIMARY KEY (evidence_id, task_id)
) WITHOUT ROWID;
CREATE INDEX evidence_task_by_task ON evidence_task(task_id);
