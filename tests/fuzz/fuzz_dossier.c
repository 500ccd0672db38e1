/* Fuzz target: the dossier importer as dossier_read_file runs it, minus the
 * database: bytes decoded as a file would be, then the pure parser with the
 * shipped column mapping (data/dossier-columns.txt, read once through
 * datafile_read). Checks what the loader relies on: every good row's text
 * present and valid UTF-8, its dates real days and in order, every reason
 * valid UTF-8 (a shortened cell not cut inside a letter). */
#include <config.h>
#include <stdio.h>
#include "fuzz.h"
#include "import/dossier_parse.h"
#include "store/datafile.h"
#include "text/encoding.h"
#include "text/utf8.h"

static const struct dossier_map *shipped_map(void)
{
	static struct dossier_map map;
	static int loaded;
	if (!loaded) {
		struct cchc_err err;
		char *text = datafile_read("data/dossier-columns.txt", NULL, NULL);
		if (!text || dossier_map_parse(text, "data/dossier-columns.txt", &map, &err)) {
			fprintf(stderr, "fuzz_dossier: no column mapping\n");
			abort();
		}
		free(text);
		loaded = 1;
	}
	return &map;
}

static void check_date(struct ymd d)
{
	FUZZ_CHECK(d.y == 0 || date_valid(d.y, d.m, d.d));
}

static void check_row(const struct dossier_row *row)
{
	FUZZ_CHECK(row->line > 0);
	for (int f = 0; f < DF_COUNT; f++) {
		FUZZ_CHECK(row->text[f] != NULL);
		FUZZ_CHECK(utf8_valid(row->text[f], strlen(row->text[f]), NULL));
	}
	FUZZ_CHECK(row->text[DF_CODE][0] != '\0' && row->received.y != 0);
	check_date(row->received);
	check_date(row->due);
	check_date(row->resolved);
	FUZZ_CHECK(strlen(row->received_time) < sizeof row->received_time);
	FUZZ_CHECK(row->channel >= DCH_IN_PERSON && row->channel <= DCH_POST);
	FUZZ_CHECK(dossier_channel_code(row->channel) != NULL);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct dossier_map *map = shipped_map();
	char *text = NULL;
	size_t len;
	struct cchc_err err;
	if (text_decode_input((const char *)data, size, NULL, "fuzz", &text, &len, &err))
		return 0;
	struct dossier_parse p;
	if (dossier_parse_text(text, len, map, &p, &err) == CCHC_OK) {
		FUZZ_CHECK(p.delimiter == ',' || p.delimiter == ';' || p.delimiter == '\t');
		for (int i = 0; i < p.nrows; i++)
			check_row(&p.rows[i]);
		for (int i = 0; i < p.nbad; i++) {
			FUZZ_CHECK(p.bad[i].line > 0);
			FUZZ_CHECK(utf8_valid(p.bad[i].reason, strlen(p.bad[i].reason), NULL));
		}
		dossier_parse_free(&p);
	} else {
		FUZZ_CHECK(utf8_valid(err.msg, strlen(err.msg), NULL));
	}
	free(text);
	return 0;
}
