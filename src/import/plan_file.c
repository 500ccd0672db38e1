/* plan_file.h: picks the reader by the file's first bytes, then hands the
 * text to the same importer a .txt goes through. The hash recorded for the
 * duplicate check is the extracted text's, so the same .docx or .pdf
 * imported twice is recognised, and so is a .txt that reads the same. */
#include <config.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "import/docx_text.h"
#include "import/plan_file.h"
#include "text/encoding.h"
#include "text/utf8.h"
#include "util/sbuf.h"
#include "util/spawn.h"

#define PLAN_TEXT_MAX ((size_t)16 << 20)

static bool has_bytes(const char *head, size_t n, const char *magic, size_t m)
{
	return n >= m && memcmp(head, magic, m) == 0;
}

enum plan_file_kind plan_file_sniff(const char *head, size_t n)
{
	if (has_bytes(head, n, "PK\x03\x04", 4)) {
		/* an OpenDocument file names its type first, uncompressed */
		if (n > 38 && memmem(head, n < 100 ? n : 100, "opendocument.text", 17))
			return PF_ODT;
		return PF_ZIP;
	}
	if (has_bytes(head, n, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
		return PF_DOC;
	if (has_bytes(head, n, "{\\rtf", 5))
		return PF_RTF;
	/* "%PDF-" may follow a little junk (the format allows 1 KiB) */
	if (memmem(head, n, "%PDF-", 5))
		return PF_PDF;
	return PF_TEXT;
}

/* What path holds; a file that cannot be opened is left to the text
 * reader, whose messages for a missing or unreadable file are the known ones. */
static enum plan_file_kind sniff_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return PF_TEXT;
	char head[1024];
	size_t n = fread(head, 1, sizeof head, f);
	fclose(f);
	return plan_file_sniff(head, n);
}

/* The tail of pdftotext's complaint worth showing: its first line, without
 * the program's name and "Syntax Error"-style prefixes of a long log. */
static void pdf_reason(const char *errtext, struct sbuf *b)
{
	const char *s = errtext ? errtext : "";
	while (*s == ' ' || *s == '\n')
		s++;
	size_t n = strcspn(s, "\n");
	if (n > 300)
		n = 300;
	sbuf_addn(b, s, n);
	if (!b->len)
		sbuf_add(b, "không rõ lý do");
}

static int pdf_failed(const struct spawn_result *r, const char *what, struct cchc_err *err)
{
	struct sbuf why = SBUF_INIT;
	pdf_reason(r->errtext, &why);
	const char *kind = r->status == 3 ? "PDF bị khóa quyền sao chép nội dung"
		: strstr(why.s, "ncrypt") || strstr(why.s, "assword") ? "PDF được đặt mật khẩu"
		: "PDF bị hỏng hoặc không đọc được";
	err_set(err, CCHC_EINPUT, "%s: %s (pdftotext: %s). Hãy mở tệp bằng trình đọc PDF, "
		"sao chép nội dung ra tệp .txt rồi nhập tệp đó", what, kind, why.s);
	sbuf_free(&why);
	return err->code;
}

int plan_pdf_text(const char *path, const char *what, char **out, struct cchc_err *err)
{
	/* a name starting with '-' would be read as an option */
	struct sbuf arg = SBUF_INIT;
	sbuf_add(&arg, path[0] == '-' ? "./" : "");
	sbuf_add(&arg, path);
	/* CCHC_PDFTOTEXT: a pdftotext outside PATH (a portable install) */
	const char *prog = getenv("CCHC_PDFTOTEXT");
	const char *argv[] = { prog && *prog ? prog : "pdftotext", "-layout", "-enc", "UTF-8", arg.s,
			       "-", NULL };
	struct spawn_result r;
	int rc = spawn_capture(argv, PLAN_TEXT_MAX, &r, err);
	sbuf_free(&arg);
	if (rc)
		return rc;
	if (r.not_found)
		rc = err_set(err, CCHC_EINPUT, "%s: cần chương trình pdftotext để lấy chữ từ tệp "
			     "PDF, nhưng máy chưa cài (Debian/Ubuntu: apt-get install "
			     "poppler-utils). Hoặc sao chép nội dung kế hoạch ra tệp .txt rồi nhập "
			     "tệp đó", what);
	else if (r.status != 0)
		rc = pdf_failed(&r, what, err);
	else if (r.truncated)
		rc = err_set(err, CCHC_EINPUT, "%s có quá nhiều chữ (hơn %zu MiB): không phải một "
			     "kế hoạch", what, PLAN_TEXT_MAX >> 20);
	else if (text_is_blank(r.out, r.outlen) || strspn(r.out, " \t\r\n\f") == r.outlen)
		rc = err_set(err, CCHC_EINPUT, "%s: PDF này là bản quét, không có lớp chữ nên không "
			     "đọc được nội dung. Hãy xin cơ quan ban hành bản PDF có chữ (bản ký số) "
			     "hoặc tệp Word, hoặc gõ/nhận dạng chữ (OCR) ra tệp .txt rồi nhập tệp đó",
			     what);
	if (rc) {
		spawn_result_free(&r);
		return rc;
	}
	/* the form feeds between pages stay: the importer reads them as page
	 * boundaries (running heads, a sentence cut by a page break) */
	size_t n;
	rc = text_decode_input(r.out, r.outlen, "UTF-8", what, out, &n, err);
	spawn_result_free(&r);
	return rc;
}

static int docx_text(const char *path, const char *what, char **out, struct cchc_err *err)
{
	char *raw = NULL;
	int rc = docx_read_text(path, what, &raw, err);
	if (rc)
		return rc;
	size_t n;
	if (text_is_blank(raw, strlen(raw)))
		rc = err_set(err, CCHC_EINPUT, "%s không có chữ nào để nhập", what);
	else
		rc = text_decode_input(raw, strlen(raw), "UTF-8", what, out, &n, err);
	free(raw);
	return rc;
}

static int refuse(enum plan_file_kind kind, const char *what, struct cchc_err *err)
{
	static const char save_as[] = "hãy mở bằng Word hoặc LibreOffice và lưu thành .docx "
				      "(hoặc sao chép nội dung ra tệp .txt) rồi nhập lại";
	switch (kind) {
	case PF_DOC:
		return err_set(err, CCHC_EINPUT, "%s là tệp .doc kiểu cũ (Word 97–2003), chưa đọc "
			       "được: %s", what, save_as);
	case PF_RTF:
		return err_set(err, CCHC_EINPUT, "%s là tệp RTF, chưa đọc được: %s", what, save_as);
	case PF_ODT:
		return err_set(err, CCHC_EINPUT, "%s là tệp OpenDocument (.odt), chưa đọc được: %s",
			       what, save_as);
	default:
		return err_set(err, CCHC_EINPUT, "%s: không rõ định dạng", what);
	}
}

int plan_read_path(const char *path, const char *enc, char **text, enum plan_file_kind *kind,
		   struct cchc_err *err)
{
	enum plan_file_kind k = sniff_file(path);
	if (kind)
		*kind = k;
	if (k == PF_TEXT)
		return plan_read_text_file(path, enc, text, err);
	struct sbuf what = SBUF_INIT;
	sbuf_addf(&what, "Tệp %s", path);
	int rc;
	if (enc && (k == PF_ZIP || k == PF_PDF))
		rc = err_set(err, CCHC_EINPUT, "%s là tệp %s, tự ghi bảng mã của mình: bỏ --encoding "
			     "(tùy chọn này chỉ dùng cho tệp văn bản .txt, .md)", what.s,
			     k == PF_PDF ? "PDF" : "Word (.docx)");
	else if (k == PF_ZIP)
		rc = docx_text(path, what.s, text, err);
	else if (k == PF_PDF)
		rc = plan_pdf_text(path, what.s, text, err);
	else
		rc = refuse(k, what.s, err);
	sbuf_free(&what);
	return rc;
}

int plan_import_path(struct db *db, const char *path, const char *enc,
		     struct plan_import_result *res, struct cchc_err *err)
{
	char *text = NULL;
	if (plan_read_path(path, enc, &text, NULL, err))
		return err->code;
	return plan_import_read(db, text, path, res, err);
}
