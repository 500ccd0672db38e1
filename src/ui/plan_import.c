/* Importing a plan from the program (i on the plan screen or in the plan
 * picker): a form asks for the file (Tab completes the path, as in the
 * evidence form) and its encoding (empty: detected; a .docx or .pdf says
 * its own), the file is read and parsed, and its tree is shown with the
 * number, title and count of sections before anything is stored. Enter
 * stores it (one action, undone with u) and opens it; Esc stores nothing.
 *
 * A form's save cannot open the next box itself (the form closes after
 * it), so the form sits inside a box of this file that opens the preview
 * once the save has read the file. */
#include <config.h>
#include <stdlib.h>
#include <string.h>
#include "import/plan_file.h"
#include "import/plan_parse.h"
#include "text/utf8.h"
#include "ui/app.h"
#include "ui/form.h"
#include "ui/panel.h"
#include "ui/register_forms.h"
#include "ui/wrap.h"
#include "util/fsutil.h"

enum { F_FILE, F_ENCODING, F_COUNT };
enum { NENC = 6 };           /* encodings offered */

/* What was read, shown for confirmation. */
struct preview {
	char *path, *encoding, *text;
	enum plan_file_kind kind;
	struct plan_doc doc;
	plan_chosen_fn chosen;
	void *ctx;
};

struct plan_import {
	struct modal m;
	struct form *form;
	struct preview *ready;   /* set by the form's save */
	char *error;             /* why the file was not read, shown over the form */
	struct form_cand enc[NENC];
	plan_chosen_fn chosen;
	void *ctx;
};

static void preview_free(void *p_)
{
	struct preview *p = p_;
	if (!p)
		return;
	free(p->path);
	free(p->encoding);
	free(p->text);
	plan_doc_free(&p->doc);
	free(p);
}

/* ---- the preview ---- */

static const char *encoding_shown(const struct preview *p)
{
	switch (p->kind) {
	case PF_ZIP: return "theo tệp Word (.docx)";
	case PF_PDF: return "theo tệp PDF";
	default: return *p->encoding ? p->encoding : "tự nhận";
	}
}

static void add_tree(struct tlines *l, const struct plan_doc *d)
{
	for (int i = 0; i < d->nsections; i++) {
		const struct pdoc_section *s = &d->sections[i];
		char *label = text_sanitize(s->label), *heading = text_sanitize(s->heading);
		int indent = 2 + 2 * (s->depth < 8 ? s->depth : 8);
		tl_wrapped(l, indent, label, EL_SECTION_LABEL, heading, EL_TEXT);
		free(label);
		free(heading);
	}
}

static void preview_build(struct app *app, void *ctx, struct tlines *l)
{
	struct preview *p = ctx;
	char count[32];
	snprintf(count, sizeof count, "%d", p->doc.nsections);
	panel_field(l, "Tệp:", p->path);
	panel_field(l, "Bảng mã:", encoding_shown(p));
	panel_field(l, "Số:", *p->doc.doc_no ? p->doc.doc_no : "chưa có số");
	panel_field(l, "Trích yếu:", p->doc.title);
	panel_field(l, "Số đề mục:", count);
	panel_heading(l, p->doc.nsections ? "Cây đề mục:" : "Không nhận ra đề mục nào "
		      "(I., 1., 1.1., a)...): kiểm tra tệp hoặc bảng mã.");
	add_tree(l, &p->doc);
}

static void tell_imported(struct app *app, const struct plan_import_result *r)
{
	if (r->existed)
		app_message(app, false, "Văn bản này đã được nhập trước đây (kế hoạch %lld): mở "
			    "kế hoạch đó, không nhập lại", (long long)r->plan_id);
	else
		app_message(app, false, "Đã nhập kế hoạch %lld với %d đề mục (u: hoàn tác)",
			    (long long)r->plan_id, r->nsections);
}

static int preview_key(struct app *app, void *ctx, enum action a)
{
	struct preview *p = ctx;
	if (a == ACT_CANCEL || a == ACT_QUIT) {
		app_message(app, false, "Chưa nhập gì");
		return app_modal_close(app);
	}
	if (a != ACT_SELECT)
		return -1;
	/* taken before the panel frees p */
	char *text = p->text, *path = p->path;
	plan_chosen_fn chosen = p->chosen;
	void *cctx = p->ctx;
	p->text = p->path = NULL;
	int flags = app_modal_close(app);
	struct plan_import_result r;
	struct cchc_err err = { 0 };
	const char *base = fs_last_sep(path);
	if (plan_import_text(app->db, text, base ? base + 1 : path, false, &r, &err))
		app_message(app, true, "Chưa nhập: %s", err.msg);
	else {
		app->data_version++;
		flags |= chosen(app, cctx, r.plan_id);
		tell_imported(app, &r);
	}
	free(text);
	free(path);
	return flags;
}

static struct modal *preview_open(struct preview *p)
{
	static const struct panel_ops ops = { preview_build, preview_key, preview_free };
	return panel_open("", "Nhập kế hoạch từ tệp",
			  "Enter: nhập kế hoạch này   Esc: hủy, không nhập gì   ↑↓ cuộn", &ops, p);
}

/* ---- the form ---- */

/* The importer's message with "Tệp PATH" said as "Tệp này": the path is
 * in the form already, and the reason is what the box has room for. */
static char *reason(const char *msg, const char *path)
{
	struct sbuf b = SBUF_INIT;
	char *full = rf_expand_home(path);
	size_t n = strlen("Tệp ") + strlen(full);
	if (strncmp(msg, "Tệp ", strlen("Tệp ")) == 0 &&
	    strncmp(msg + strlen("Tệp "), full, strlen(full)) == 0)
		sbuf_addf(&b, "Tệp này%s", msg + n);
	else
		sbuf_add(&b, msg);
	if (strstr(msg, "--encoding"))   /* the command line's way; here: the field */
		sbuf_add(&b, ". Ở đây: chọn bảng mã ở ô «Bảng mã» (↓ để xem danh sách)");
	free(full);
	char *s = text_sanitize(b.s);
	sbuf_free(&b);
	return s;
}

/* Reads and parses the file the form names; the preview on success, else
 * NULL with the reason on the field it concerns. */
static struct preview *read_plan(struct form *f)
{
	struct preview *p = xcalloc(1, sizeof *p);
	p->path = text_squeeze(form_text(f, F_FILE));
	p->encoding = text_squeeze(form_text(f, F_ENCODING));
	if (strcmp(p->encoding, "tự nhận") == 0)
		p->encoding[0] = '\0';
	struct cchc_err err = { 0 };
	char *path = rf_expand_home(p->path);
	int rc = *p->path ? plan_read_path(path, *p->encoding ? p->encoding : NULL, &p->text,
					   &p->kind, &err)
		 : err_set(&err, CCHC_EINPUT, "Cần đường dẫn tệp (Tab: gợi ý tên tệp)");
	free(path);
	if (!rc)
		rc = plan_parse(p->text, &p->doc, &err);
	if (rc) {
		bool enc = *p->encoding && strstr(err.msg, "bảng mã");
		form_error(f, enc ? F_ENCODING : F_FILE, "Chưa đọc được tệp này");
		struct plan_import *pi = f->ctx;
		pi->error = reason(err.msg, p->path);
		preview_free(p);
		return NULL;
	}
	return p;
}

static int import_save(struct app *app, struct form *f)
{
	struct plan_import *pi = f->ctx;
	struct preview *p = read_plan(f);
	if (p) {
		p->chosen = pi->chosen;
		p->ctx = pi->ctx;
		pi->ready = p;
	}
	return -1;   /* the form stays; import_key opens the preview */
}

static int import_key(struct app *app, struct modal *m, int key)
{
	struct plan_import *pi = (struct plan_import *)m;
	if (pi->error) {         /* any key: back to the form, to correct it */
		free(pi->error);
		pi->error = NULL;
		return UI_VIEW;
	}
	int flags = pi->form->m.key(app, &pi->form->m, key);
	if (app->modal != m || !pi->ready)
		return flags;    /* closed (Esc), or still being filled in */
	struct preview *p = pi->ready;
	pi->ready = NULL;
	return app_modal_open(app, preview_open(p));
}

/* The reason a file was not read, wrapped in a box over the form. */
static void draw_error(const char *msg)
{
	int w = COLS - 8 < 72 ? COLS - 8 : 72;
	struct wrap_line *lines;
	int n = wrap_text(msg, w - 4, w - 4, &lines);
	int h = n + 4 < LINES - 2 ? n + 4 : LINES - 2;
	struct rect r = draw_centered(w, h);
	attr_t a = theme_attr(EL_DIALOG);
	draw_box(r, a, "Chưa đọc được tệp");
	for (int i = 0; i < n && i < h - 4; i++)
		draw_textn(r.y + 1 + i, r.x + 2, r.w - 4, msg + lines[i].off, lines[i].len,
			   theme_attr(EL_ERROR));
	draw_text_clip(r.y + r.h - 2, r.x + 2, r.w - 4, "Phím bất kỳ: quay lại để sửa",
		       a | A_DIM);
	free(lines);
}

static void import_draw(struct app *app, struct modal *m)
{
	struct plan_import *pi = (struct plan_import *)m;
	pi->form->m.draw(app, &pi->form->m);
	if (pi->error)
		draw_error(pi->error);
}

static void import_free(struct modal *m)
{
	struct plan_import *pi = (struct plan_import *)m;
	pi->form->m.free(&pi->form->m);
	preview_free(pi->ready);
	free(pi->error);
	for (int i = 0; i < NENC; i++) {
		free(pi->enc[i].value);
		free(pi->enc[i].label);
	}
	free(pi);
}

static const char *const encodings[NENC][2] = {
	{ "tự nhận", "UTF-8, UTF-16 có BOM; .docx, .pdf tự ghi bảng mã" },
	{ "utf-8", "" },
	{ "windows-1258", "Windows tiếng Việt (cp1258)" },
	{ "tcvn3", "phông .VnTime" },
	{ "viscii", "" },
	{ "utf-16le", "UTF-16 không BOM (Notepad: Unicode)" },
};

struct modal *plan_import_open(struct app *app, plan_chosen_fn chosen, void *ctx)
{
	static const char *const labels[F_COUNT] = { "Tệp kế hoạch", "Bảng mã" };
	static const struct form_ops ops = { .save = import_save };
	struct plan_import *pi = xcalloc(1, sizeof *pi);
	pi->m = (struct modal){ import_key, import_draw, import_free };
	pi->chosen = chosen;
	pi->ctx = ctx;
	pi->form = form_new("Nhập kế hoạch từ tệp", labels, F_COUNT, &ops, pi);
	pi->form->f[F_FILE].path = true;
	form_hint(pi->form, F_FILE, ".docx, .pdf có lớp chữ, .txt hoặc .md; Tab: gợi ý tên tệp, "
		  "~/ là thư mục nhà");
	for (int i = 0; i < NENC; i++)
		pi->enc[i] = (struct form_cand){ i + 1, xstrdup(encodings[i][0]),
						 xstrdup(encodings[i][1]) };
	pi->form->f[F_ENCODING].cand = pi->enc;
	pi->form->f[F_ENCODING].ncand = NENC;
	form_hint(pi->form, F_ENCODING, "Để trống: tự nhận. Chỉ dùng cho tệp .txt, .md");
	return &pi->m;
}
