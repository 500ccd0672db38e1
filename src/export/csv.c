/* CSV writer: each table of the document as one RFC 4180 file — comma
 * separated, a field quoted when it holds a comma, a quote, CR or LF (its
 * quotes doubled), CRLF line ends, the header rows first, every cell
 * exactly as written (numbers too). UTF-8 with a BOM by default, so that
 * Excel reads the accents right; with an encoding named, no BOM and the
 * text converted (a character the encoding lacks is an error naming it).
 * One table goes to the file named; with a folder, every table goes there
 * as a file of its own ("01-bieu-1-so-ho-so.csv", named by the table's
 * short name when it has one: "02-bieu-4.csv"). A merged cell's text is in
 * its first cell, the cells it covers empty. Everything is rendered
 * before anything is written; a file is written whole or not at all, and
 * a folder is made aside and put in place whole. A cell a spreadsheet
 * would take for a formula ("=", "+", "-", "@" first) gets a leading "'",
 * except the numbers of numeric columns. */
#include <config.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include "export/doc.h"
#include "export/writers.h"
#include "text/fold.h"
#include "text/utf8.h"
#include "util/fsutil.h"
#include "util/sbuf.h"
#include "util/platform.h"

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

/* Whether s reads as a number the program wrote: a sign, digits and the
 * separators, spaces and "%" numbers carry ("-3", "-1.234,5", "12 %"). */
static bool reads_as_number(const char *s)
{
	s += *s == '-' || *s == '+';
	if (!(*s >= '0' && *s <= '9'))
		return false;
	return !s[strspn(s, "0123456789.,% ")];
}

/* Whether a spreadsheet would take cell s for a formula, so that it must
 * be written with a leading "'" (the OWASP rule for CSV injection: "=",
 * "+", "-", "@", tab, CR); a number of a numeric column stays as it is. */
static bool needs_quote_mark(const char *s, bool numeric)
{
	if (!*s || !strchr("=+-@\t\r", *s))
		return false;
	return !(numeric && reads_as_number(s));
}

static void csv_table(const struct doc_table *t, struct sbuf *b)
{
	for (int r = 0; r < t->nrows; r++) {
		for (int c = 0; c < t->ncols; c++) {
			int k = doc_table_merge_at(t, r, c);
			bool covered = k >= 0 && (t->merges[k].row != r || t->merges[k].col != c);
			const char *s = covered ? "" : doc_str(t->cells[r * t->ncols + c]);
			if (c > 0)
				sbuf_addc(b, ',');
			if (needs_quote_mark(s, t->numeric[c] && r >= t->header_rows)) {
				char *q = xmalloc(strlen(s) + 2);
				q[0] = '\'';
				strcpy(q + 1, s);
				csv_field(b, q);
				free(q);
			} else {
				csv_field(b, s);
			}
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

/* Renders every table: as "NN-slug.csv" (a name in the folder) when
 * folder, else the only table to path. */
static int render_files(const struct doc *d, bool folder, const char *path,
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
		if (folder) {
			char *s = slug(*doc_str(t->sheet) ? t->sheet : t->title);
			sbuf_addf(&name, "%02d-%s.csv", *nfiles, s);
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

/* ---- a folder of tables, put in place whole ----
 *
 * The tables are written into a hidden folder beside the target,
 * ".NAME.tmp-XXXXXX", which then takes the target's name in one rename: a
 * kill leaves the target absent, or the previous export whole, or the new
 * one whole, never a mix. A folder there already is replaced only when
 * flags allow it (or it is empty) and it holds nothing but tables cchc
 * wrote (the old one is swapped out, then removed). The writer holds a lock on its hidden
 * folder; one left by a killed export (no lock) is removed by the next
 * export to the same folder. */

/* Whether name is one of the files a csv export puts in its folder:
 * "NN-slug.csv" (two digits or more, "-", lower-case letters, digits, "-"). */
static bool is_table_name(const char *name)
{
	size_t digits = strspn(name, "0123456789");
	if (digits < 2 || name[digits] != '-')
		return false;
	const char *p = name + digits + 1;
	size_t n = strspn(p, "abcdefghijklmnopqrstuvwxyz0123456789-");
	return n > 0 && strcmp(p + n, ".csv") == 0;
}

/* Refuses a folder that holds anything but tables cchc wrote (regular
 * files named as is_table_name says, none of them the open database):
 * replacing it would lose the clerk's other files. */
static int check_only_tables(const char *dir, struct cchc_err *err)
{
	DIR *d = opendir(dir);
	if (!d)
		return err_set(err, CCHC_EIO, "Không đọc được thư mục %s: %s", dir, err_sys(errno));
	int rc = CCHC_OK;
	struct dirent *e;
	while (rc == CCHC_OK && (e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		struct stat st;
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%s", dir, e->d_name);
		if (fs_guard_check(p.s, err) == CCHC_OK) {
			if (!is_table_name(e->d_name) || lstat(p.s, &st) != 0 || !S_ISREG(st.st_mode)) {
				char *shown = text_sanitize(e->d_name);
				rc = err_set(err, CCHC_EINPUT, "Không thay thư mục %s: trong đó có %s, "
					     "không phải một biểu cchc đã ghi. Hãy chọn thư mục khác "
					     "(hoặc tự dọn thư mục đó trước).", dir, shown);
				free(shown);
			}
		} else {
			rc = err->code;
		}
		sbuf_free(&p);
	}
	closedir(d);
	return rc;
}

/* Whether dir is a folder (not a link to one) with nothing in it: filling
 * it loses nothing, so it needs no --force. */
static bool is_empty_folder(const char *dir)
{
	struct stat st;
	if (lstat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return false;
	DIR *d = opendir(dir);
	if (!d)
		return false;
	bool empty = true;
	struct dirent *e;
	while (empty && (e = readdir(d)))
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

static int folder_exists(const char *dir, struct cchc_err *err)
{
	return err_set(err, CCHC_EEXIST, "Đã có thư mục %s; cchc không ghi đè thư mục đã có. Hãy "
		       "chọn tên khác, hoặc thêm --force để thay cả thư mục bằng các biểu mới.", dir);
}

/* The checks before any work: a folder cchc may create, or (flags
 * allowing) replace. */
static int check_folder_target(const char *dir, int flags, struct cchc_err *err)
{
	const char *base = fs_base_name(dir);
	if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
		return err_set(err, CCHC_EINPUT, "Hãy ghi các biểu vào một thư mục có tên (ví dụ "
			       "bao-cao/), không phải %s", dir);
	int rc = doc_check_folder(dir, err);
	if (rc == CCHC_OK)
		rc = fs_guard_check(dir, err);
	struct stat st;
	if (rc != CCHC_OK || lstat(dir, &st) != 0)
		return rc;
	if (!(flags & FS_OVERWRITE) && !is_empty_folder(dir))
		return folder_exists(dir, err);
	if (!S_ISDIR(st.st_mode))
		return err_set(err, CCHC_EINPUT, "%s không phải là thư mục", dir);
	return check_only_tables(dir, err);
}

/* Removes folder dir with the regular files in it (all of them, or only
 * the tables); a folder still holding something else stays. */
static void unlink_in(const char *dir, const char *name)
{
	struct sbuf p = SBUF_INIT;
	sbuf_addf(&p, "%s/%s", dir, name);
	unlink(p.s);
	sbuf_free(&p);
}

static void remove_folder(const char *dir, bool tables_only)
{
	DIR *d = opendir(dir);
	if (d) {
		struct dirent *e;
		while ((e = readdir(d)))
			if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
			    (!tables_only || is_table_name(e->d_name)))
				unlink_in(dir, e->d_name);
		closedir(d);
	}
	rmdir(dir);
}

/* Whether name is ".BASE.tmp-XXXXXX" or ".BASE.old-XXXXXX". */
static bool is_leftover(const char *name, const char *base)
{
	size_t n = strlen(base);
	return name[0] == '.' && strncmp(name + 1, base, n) == 0 &&
	       (strncmp(name + 1 + n, ".tmp-", 5) == 0 || strncmp(name + 1 + n, ".old-", 5) == 0) &&
	       strlen(name + 1 + n + 5) == 6;
}

/* Removes the hidden folders that exports to parent/base killed before
 * they finished have left; one whose writer still runs is locked. */
static void sweep_leftovers(const char *parent, const char *base)
{
	DIR *d = opendir(parent);
	if (!d)
		return;
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	while ((e = readdir(d)))
		if (is_leftover(e->d_name, base)) {
			names = xrealloc(names, sizeof *names * (n + 1));
			names[n++] = xstrdup(e->d_name);
		}
	closedir(d);
	for (size_t i = 0; i < n; i++) {
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%s", parent, names[i]);
		int lock = pf_folder_lock(p.s, false);
		if (lock >= 0)
			remove_folder(p.s, false);
		pf_folder_unlock(lock);
		sbuf_free(&p);
		free(names[i]);
	}
	free(names);
}

/* Renames folder from to dir only if dir is not there. */
static int rename_new_folder(const char *from, const char *dir)
{
#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, dir, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
#endif
	if (fs_exists(dir)) {
		errno = EEXIST;
		return -1;
	}
	return rename(from, dir);
}

/* Puts the finished folder tmp in place of dir, which is there (flags
 * allowed that): swapped in one step where the system can, else the old
 * one renamed aside first; then the old one is removed. */
static int replace_folder(const char *tmp, const char *dir, const char *parent,
			  const char *base, struct cchc_err *err)
{
	int rc = check_only_tables(dir, err); /* again: it may have changed meanwhile */
	if (rc != CCHC_OK)
		return rc;
#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, dir, RENAME_EXCHANGE) == 0) {
		remove_folder(tmp, true);
		return CCHC_OK;
	}
	if (errno != EINVAL && errno != ENOSYS)
		return err_set(err, CCHC_EIO, "Không thay được thư mục %s: %s", dir, err_sys(errno));
#endif
	struct sbuf aside = SBUF_INIT;
	sbuf_addf(&aside, "%s/.%s.old-XXXXXX", parent, base);
	if (!mkdtemp(aside.s) || rename(dir, aside.s) != 0) {
		rc = err_set(err, CCHC_EIO, "Không thay được thư mục %s: %s", dir, err_sys(errno));
		rmdir(aside.s);
	} else if (rename(tmp, dir) != 0) {
		rc = err_set(err, CCHC_EIO, "Không thay được thư mục %s: %s", dir, err_sys(errno));
		rename(aside.s, dir);
	} else {
		remove_folder(aside.s, true);
	}
	sbuf_free(&aside);
	return rc;
}

/* Writes the tables into a hidden folder beside dir and puts it in place. */
static int write_folder(const char *dir, const struct csv_file *f, int n, int flags,
			struct cchc_err *err)
{
	char *parent = fs_dirname(dir);
	const char *base = fs_base_name(dir);
	sweep_leftovers(parent, base);
	struct sbuf tmp = SBUF_INIT;
	sbuf_addf(&tmp, "%s/.%s.tmp-XXXXXX", parent, base);
	if (!mkdtemp(tmp.s)) {
		int rc = err_set(err, CCHC_EIO, "Không tạo được thư mục %s: %s", dir, err_sys(errno));
		sbuf_free(&tmp);
		free(parent);
		return rc;
	}
	int lock = pf_folder_lock(tmp.s, true);
	int rc = CCHC_OK;
	for (int i = 0; i < n && rc == CCHC_OK; i++) {
		struct sbuf p = SBUF_INIT;
		sbuf_addf(&p, "%s/%s", tmp.s, f[i].path);
		rc = fs_write_atomic(p.s, f[i].data, f[i].len, 0666, FS_NEW, err);
		sbuf_free(&p);
	}
	if (rc == CCHC_OK && chmod(tmp.s, fs_umasked(0777)) != 0)
		rc = err_set(err, CCHC_EIO, "Không ghi được thư mục %s: %s", dir, err_sys(errno));
	if (rc == CCHC_OK && rename_new_folder(tmp.s, dir) != 0) {
		if (errno != EEXIST && errno != ENOTEMPTY)
			rc = err_set(err, CCHC_EIO, "Không ghi được thư mục %s: %s", dir,
				     err_sys(errno));
		else if (!(flags & FS_OVERWRITE) && !is_empty_folder(dir))
			rc = folder_exists(dir, err);
		else
			rc = replace_folder(tmp.s, dir, parent, base, err);
	}
	if (rc != CCHC_OK)
		remove_folder(tmp.s, false);
	else
		pf_sync_folder(parent);
	pf_folder_unlock(lock);
	sbuf_free(&tmp);
	free(parent);
	return rc;
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
	bool folder = names_folder(path);
	int rc = check_shape(count_tables(d), folder, path, err);
	if (rc == CCHC_OK && encoding)
		rc = check_encoding(encoding, err);
	char *dir = folder ? folder_of(path) : NULL;
	if (rc == CCHC_OK && folder)
		rc = check_folder_target(dir, flags, err);
	else if (rc == CCHC_OK && (rc = doc_check_folder(path, err)) == CCHC_OK)
		rc = fs_check_target(path, flags, err);
	struct csv_file *files = NULL;
	int n = 0;
	if (rc == CCHC_OK)
		rc = render_files(d, folder, path, encoding, &files, &n, err);
	if (rc == CCHC_OK)
		rc = folder ? write_folder(dir, files, n, flags, err)
			    : fs_write_atomic(files[0].path, files[0].data, files[0].len, 0666, flags,
					      err);
	files_free(files, n);
	free(dir);
	return rc;
}
