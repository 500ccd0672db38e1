#include <config.h>
#include "ui/filter.h"
#include <stdlib.h>
#include "text/utf8.h"

void filter_clear(struct filter *f)
{
	if (f->text)
		text_query_free(&f->q);
	free(f->text);
	f->text = NULL;
}

void filter_set(struct filter *f, const char *text)
{
	filter_clear(f);
	struct text_query q;
	text_query_init(&q, text ? text : "", false, true);
	if (q.nterms == 0) {
		text_query_free(&q);
		return;
	}
	f->q = q;
	f->text = text_sanitize(text);
}

bool filter_active(const struct filter *f)
{
	return f->text != NULL;
}

bool filter_match(const struct filter *f, const char *s)
{
	return !f->text || text_query_matches_all(&f->q, s);
}

const struct text_query *filter_query(const struct filter *f)
{
	return f->text ? &f->q : NULL;
}

/* n with a dot between thousands, as Vietnamese writes it: 1.000 */
static void add_thousands(struct sbuf *out, int n)
{
	if (n >= 1000) {
		add_thousands(out, n / 1000);
		sbuf_addf(out, ".%03d", n % 1000);
	} else
		sbuf_addf(out, "%d", n);
}

void filter_count(int n, int m, struct sbuf *out)
{
	if (n >= 0) {
		sbuf_addf(out, "(%d/%d)", n, m);
		return;
	}
	int least = -n - 1;   /* rows known to be there, more may come */
	if (least == 0) {
		sbuf_addf(out, "(đang tìm/%d)", m);
		return;
	}
	sbuf_add(out, "(hơn ");
	add_thousands(out, least - 1);
	sbuf_addf(out, "/%d)", m);
}

void filter_status(const struct filter *f, int n, int m, struct sbuf *out)
{
	if (!f->text)
		return;
	sbuf_addf(out, "lọc: %s  ", f->text);
	filter_count(n, m, out);
}

int spans_join(const char *s, struct text_span *sp, int n)
{
	int k = 0;
	for (int i = 0; i < n; i++) {
		size_t j = k ? sp[k - 1].end : 0;
		while (k && j < sp[i].start && s[j] == ' ')
			j++;
		if (k && j == sp[i].start)
			sp[k - 1].end = sp[i].end;
		else
			sp[k++] = sp[i];
	}
	return k;
}
