/* CSV writer: each table of the document as one RFC 4180 file — comma
 * separated, a field quoted when it holds a comma, a quote, CR or LF (its
 * quotes doubled), CRLF line ends, the header rows first, every cell
 * exactly as written (numbers too). UTF-8 with a BOM by default, so that
 * Excel reads the accents right; with an encoding named, no BOM and the
 * text converted (a character the encoding lacks is an error naming it).
 * One table goes to the file named; with a folder, every table goes there
 * as a file of its own ("01-bieu-1-so-ho-so.csv"). Everything is rendered
 * before anything is written, and each file is written whole or not at
 * all. */
#include <config.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/fold.h"
#include "util/fsutil.h"
#include "util/sbuf.h"

#define CSV_BOM "\xef\xbb\xbf"
enum { SLUG_MAX = 60 };

/* A file to write: where, and its bytes. */
struct csv_file {
	char *path;
	char *data;
	size_t len;
};

/* Appends one field, quoted when it holds the delimiter, a quote, CR or LF. */
static void csv_field(struct sbuf *b, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		sbuf_add(b, s);
		return;
	}
	sbuf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			sbuf_addc(b, '"');
		sbuf_addc(b, *s);
	}
	sbuf_addc(b, '"');
}

static void csv_table(const struct doc_table *t, struct sbuf *b)
{
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			if (c > 0)
				sbuf_addc(b, ',');
			csv_field(b, doc_str(t->cells[r * t->ncols + c]));
		}
		sbuf_add(b, "\r\n");
	}
}

/* Table number index (from 1) as CSV bytes in the clerk's encoding (NULL:
 * UTF-8 with a BOM). */
static int render_table(const struct doc_table *t, int index, const char *encoding,
			struct csv_file *f, struct cchc_err *err)
{
	struct sbuf b = SBUF_INIT;
	sbuf_add(&b, encoding ? "" : CSV_BOM);
	csv_table(t, &b);
	if (!encoding) {
		f->len = b.len;
		f->data = sbuf_detach(&b);
		return CCHC_OK;
	}
	int rc = doc_encode_text(b.s ? b.s : "", b.len, encoding, &f->data, &f->len, err);
	sbuf_free(&b);
	if (rc != CCHC_OK) { /* say which table */
		char why[sizeof err->msg];
		memcpy(why, err->msg, sizeof why);
		err_set(err, rc, "Bảng %d (%s): %s", index, *t->title ? t->title : "không tên",
			why);
	}
	return rc;
}

/* The title as part of a file name: lower-case ASCII letters and digits
 * joined by "-", tones dropped and đ as d ("Biểu 06a. Số hồ sơ" ->
 * "bieu-06a-so-ho-so"), cut at a "-" to at most SLUG_MAX bytes; "bang"
 * when nothing is left. Malloc'd. */
static char *slug(const char *title)
{
	char *folded = text_fold(title, false);
	struct sbuf b = SBUF_INIT;
	bool gap = false;
	for (const char *p = folded; *p; p++) {
		bool keep = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9');
		if (keep && gap && b.len > 0)
			sbuf_addc(&b, '-');
		if (keep)
			sbuf_addc(&b, *p);
		gap = !keep;
	}
	free(folded);
	if (b.len > SLUG_MAX) {
		bool at_dash = b.s[SLUG_MAX] == '-';
		sbuf_trunc(&b, SLUG_MAX);
		char *dash = strrchr(b.s, '-');
		if (!at_dash && dash)
			sbuf_trunc(&b, (size_t)(dash - b.s));
	}
	if (b.len == 0)
		sbuf_add(&b, "bang");
	return sbuf_detach(&b);
}

/* Renders every table: into dir as "NN-slug.csv", or, with dir NULL, the
 * only table to path. */
static int render_files(const struct doc *d, const char *dir, const char *path,
			const char *encoding, struct csv_file **files, int *nfiles,
			struct cchc_err *err)
{
	int rc = CCHC_OK;
	for (int i = 0; i < d->nblocks && rc == CCHC_OK; i++) {
		const struct doc_table *t = &d->blocks[i].table;
		if (d->blocks[i].kind != DOC_TABLE_BLOCK)
			continue;
		*files = xrealloc(*files, sizeof **files * (size_t)(*nfiles + 1));
		struct csv_file *f = &(*files)[(*nfiles)++];
		memset(f, 0, sizeof *f);
		struct sbuf name = SBUF_INIT;
		if (dir) {
			char *s = slug(t->title);
			sbuf_addf(&name, "%s/%02d-%s.csv", dir, *nfiles, s);
			free(s);
		} else {
			sbuf_add(&name, path);
		}
		f->path = sbuf_detach(&name);
		rc = render_table(t, *nfiles, encoding, f, err);
	}
	return rc;
}

static void files_free(struct csv_file *files, int n)
{
	for (int i = 0; i < n; i++) {
		free(files[i].path);
		free(files[i].data);
	}
	free(files);
}

static int count_tables(const struct doc *d)
{
	int n = 0;
	for (int i = 0; i < d->nblocks; i++)
		n += d->blocks[i].kind == DOC_TABLE_BLOCK;
	return n;
}

/* path names a folder: it ends with "/" or is one already. */
static bool names_folder(const char *path)
{
	struct stat st;
	size_t n = strlen(path);
	return (n > 0 && path[n - 1] == '/') || (stat(path, &st) == 0 && S_ISDIR(st.st_mode));
}

/* Refuses a document without tables, and several tables for one file. */
static int check_shape(int ntables, bool folder, const char *path, struct cchc_err *err)
{
	if (ntables == 0)
		return err_set(err, CCHC_EINPUT, "Văn bản không có bảng nào để ghi ra tệp csv");
	if (ntables == 1 || folder)
		return CCHC_OK;
	size_t n = strlen(path);
	int stem = (int)(n > 4 && strcasecmp(path + n - 4, ".csv") == 0 ? n - 4 : n);
	return err_set(err, CCHC_EINPUT, "Văn bản có %d bảng mà mỗi tệp csv chỉ chứa được một "
		       "bảng: hãy ghi ra một thư mục (ví dụ %.*s/), mỗi bảng một tệp", ntables,
		       stem, path);
}

/* Makes sure folder dir is there, creating it (not its parents) when the
 * clerk named a new one; *created says so. */
static int prepare_folder(const char *dir, bool *created, struct cchc_err *err)
{
	struct stat st;
	*created = false;
	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) ? CCHC_OK
					   : err_set(err, CCHC_EINPUT, "%s không phải là thư mục", dir);
	int rc = doc_check_folder(dir, err);
	if (rc != CCHC_OK)
		return rc;
	if (mkdir(dir, 0755) != 0) {
		int e = errno;
		return err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", dir, err_sys(e));
	}
	*created = true;
	return CCHC_OK;
}

/* Writes the files one by one; when one fails in a folder made for them,
 * takes the others and the folder away again. */
static int write_files(const struct csv_file *f, int n, const char *created_dir, int flags,
		       struct cchc_err *err)
{
	for (int i = 0; i < n; i++) {
		int rc = fs_write_atomic(f[i].path, f[i].data, f[i].len, 0666, flags, err);
		if (rc == CCHC_OK)
			continue;
		for (int j = 0; created_dir && j < i; j++)
			unlink(f[j].path);
		if (created_dir)
			rmdir(created_dir);
		return rc;
	}
	return CCHC_OK;
}

/* Refuses an encoding iconv does not know, before any table is rendered. */
static int check_encoding(const char *encoding, struct cchc_err *err)
{
	char *out = NULL;
	size_t len = 0;
	int rc = doc_encode_text("", 0, encoding, &out, &len, err);
	free(out);
	return rc;
}

/* The folder path names, without its trailing "/" (but "/" itself kept). */
static char *folder_of(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	return xstrndup(path, n);
}

int doc_write_csv(const struct doc *d, const char *path, const char *encoding, int flags,
		  struct cchc_err *err)
{
	bool folder = names_folder(path), created = false;
	int rc = check_shape(count_tables(d), folder, path, err);
	if (rc == CCHC_OK && encoding)
		rc = check_encoding(encoding, err);
	char *dir = folder ? folder_of(path) : NULL;
	struct csv_file *files = NULL;
	int n = 0;
	if (rc == CCHC_OK)
		rc = render_files(d, dir, path, encoding, &files, &n, err);
	if (rc == CCHC_OK)
		rc = folder ? prepare_folder(dir, &created, err) : doc_check_folder(path, err);
	if (rc == CCHC_OK)
		rc = write_files(files, n, created ? dir : NULL, flags, err);
	files_free(files, n);
	free(dir);
	return rc;
}
