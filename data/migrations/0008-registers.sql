-- Schema version 8: the registers the office must keep and be able to show:
-- citizens' dossiers (from the one-stop system's export, or typed in), the
-- apology letters for late ones, and citizen feedback (PAKN) with the date
-- of every workflow step. Dates are YYYY-MM-DD text.

CREATE TABLE dossier (
	id          INTEGER PRIMARY KEY,
	code        TEXT NOT NULL UNIQUE,       -- mã hồ sơ: agency code + receipt date + sequence
	procedure   TEXT NOT NULL DEFAULT '',   -- tên thủ tục
	field       TEXT NOT NULL DEFAULT '',   -- lĩnh vực
	holder      TEXT NOT NULL DEFAULT '',   -- chủ hồ sơ (person or organisation)
	address     TEXT NOT NULL DEFAULT '',
	contact     TEXT NOT NULL DEFAULT '',   -- phone, e-mail
	received_on TEXT NOT NULL,              -- ngày tiếp nhận
	due_on      TEXT,                       -- hạn xử lý (hẹn trả)
	resolved_on TEXT,                       -- ngày hoàn thành; NULL while pending
	status      TEXT NOT NULL DEFAULT '',   -- trạng thái, as the one-stop system wrote it
	channel     TEXT NOT NULL DEFAULT 'truc-tiep'
	            CHECK (channel IN ('truc-tuyen', 'truc-tiep', 'buu-chinh')),
	unit_id     INTEGER REFERENCES unit(id),
	source      TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
	updated_at  TEXT NOT NULL
);
CREATE INDEX dossier_by_received ON dossier(received_on);
CREATE INDEX dossier_by_resolved ON dossier(resolved_on);
CREATE INDEX dossier_by_due ON dossier(due_on);

-- Phiếu xin lỗi và hẹn lại ngày trả kết quả. One per dossier: a dossier may
-- be re-appointed only once. `late` is kept by the program (it needs the
-- working-day calendar): the letter is dated later than one working day
-- before the original due date.
CREATE TABLE letter (
	id           INTEGER PRIMARY KEY,
	dossier_id   INTEGER NOT NULL UNIQUE REFERENCES dossier(id) ON DELETE RESTRICT,
	year         INTEGER NOT NULL,
	seq          INTEGER NOT NULL,          -- per-year sequence
	number       TEXT NOT NULL,             -- 12/PXL, from the setting letter.number
	letter_on    TEXT NOT NULL,
	addressee    TEXT NOT NULL,
	address      TEXT NOT NULL DEFAULT '',
	contact      TEXT NOT NULL DEFAULT '',
	reason       TEXT NOT NULL,
	unit_id      INTEGER REFERENCES unit(id), -- the division that caused the delay
	original_due TEXT NOT NULL,
	new_due      TEXT NOT NULL CHECK (new_due > original_due),
	authority    TEXT NOT NULL DEFAULT '',  -- KT. GIÁM ĐỐC
	signer_title TEXT NOT NULL DEFAULT '',  -- PHÓ GIÁM ĐỐC
	signer       TEXT NOT NULL DEFAULT '',
	channel      TEXT NOT NULL DEFAULT ''
	             CHECK (channel IN ('', 'giay', 'email', 'sms', 'zalo')),
	sent_on      TEXT,
	late         INTEGER NOT NULL DEFAULT 0,
	template     TEXT NOT NULL DEFAULT '',  -- the template file chosen
	created_at   TEXT NOT NULL,
	UNIQUE (year, seq)
);
CREATE INDEX letter_by_date ON letter(letter_on);
CREATE INDEX letter_by_unit ON letter(unit_id);

-- Phản ánh, kiến nghị. `status` is the last workflow step; every step is
-- also a row of feedback_step with its date, so the history is complete.
CREATE TABLE feedback (
	id           INTEGER PRIMARY KEY,
	received_on  TEXT NOT NULL,
	channel      TEXT NOT NULL CHECK (channel IN
	             ('van-ban', 'truc-tiep', 'dien-thoai', 'email', 'cong-dvc', 'phieu')),
	sender       TEXT NOT NULL,
	contact      TEXT NOT NULL DEFAULT '',
	content      TEXT NOT NULL,
	kind         TEXT NOT NULL DEFAULT 'phan-anh' CHECK (kind IN ('phan-anh', 'kien-nghi')),
	topic        TEXT NOT NULL DEFAULT '',  -- content type under Nghị định 20/2008
	related      TEXT NOT NULL DEFAULT '',  -- procedure or regulation concerned
	status       TEXT NOT NULL,
	unit_id      INTEGER REFERENCES unit(id),
	due_on       TEXT,                      -- of the step now expected
	forward_to   TEXT NOT NULL DEFAULT '',
	forward_no   TEXT NOT NULL DEFAULT '',
	answer_text  TEXT NOT NULL DEFAULT '',
	answer_signer TEXT NOT NULL DEFAULT '',
	answer_channel TEXT NOT NULL DEFAULT '',
	published_where TEXT NOT NULL DEFAULT '',
	closed_on    TEXT,                      -- answered, forwarded or turned away
	published_on TEXT,
	updated_at   TEXT NOT NULL
);
CREATE INDEX feedback_by_status_due ON feedback(status, due_on);
CREATE INDEX feedback_by_received ON feedback(received_on);
CREATE INDEX feedback_by_unit ON feedback(unit_id);

CREATE TABLE feedback_step (
	feedback_id INTEGER NOT NULL REFERENCES feedback(id) ON DELETE CASCADE,
	seq         INTEGER NOT NULL,
	step        TEXT NOT NULL,              -- the status entered
	on_date     TEXT NOT NULL,
	note        TEXT NOT NULL DEFAULT '',
	recorded_at TEXT NOT NULL,
	PRIMARY KEY (feedback_id, seq)
) WITHOUT ROWID;
