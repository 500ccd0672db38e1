/* main for the fuzz targets outside a fuzzing build: runs the target once on
 * each input, so that every corpus file (seeds and every crash found) is a
 * regression test under make check, with or without the sanitizers.
 *
 *   fuzz_NAME [FILE|FOLDER...]
 *
 * Without arguments the inputs are the files of
 * $top_srcdir/tests/fuzz/corpus/NAME (NAME is the program's name less
 * "fuzz_"), in name order. A crash ends the run; otherwise it prints how many
 * inputs it replayed and exits 0 (1 when it found none). */
#include <config.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "fuzz.h"

static int replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	size_t cap = 4096, n = 0, got;
	uint8_t *buf = malloc(cap);
	while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	if (!buf)
		abort();
	/* an exact-size copy, so that reading past the input is caught */
	uint8_t *exact = malloc(n ? n : 1);
	if (!exact)
		abort();
	memcpy(exact, buf, n);
	free(buf);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int skip_entry(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Replays every regular file of dir; returns how many, or -1. */
static int replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, skip_entry, alphasort), count = 0;
	if (n < 0) {
		perror(dir);
		return -1;
	}
	for (int i = 0; i < n; i++) {
		size_t len = strlen(dir) + strlen(names[i]->d_name) + 2;
		char *path = malloc(len);
		struct stat st;
		snprintf(path, len, "%s/%s", dir, names[i]->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && replay_file(path) == 0)
			count++;
		free(path);
		free(names[i]);
	}
	free(names);
	return count;
}

static int replay_path(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		perror(path);
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return replay_dir(path);
	return replay_file(path) == 0 ? 1 : -1;
}

/* $top_srcdir/tests/fuzz/corpus/NAME for the program argv0. */
static char *default_corpus(const char *argv0)
{
	const char *top = getenv("top_srcdir"), *base = strrchr(argv0, '/');
	base = base ? base + 1 : argv0;
	if (strncmp(base, "lt-", 3) == 0)
		base += 3;
	if (strncmp(base, "fuzz_", 5) == 0)
		base += 5;
	size_t len = strlen(top ? top : ".") + strlen(base) + 32;
	char *dir = malloc(len);
	snprintf(dir, len, "%s/tests/fuzz/corpus/%.*s", top ? top : ".",
		 (int)strcspn(base, "."), base);
	return dir;
}

int main(int argc, char **argv)
{
	int total = 0, bad = 0;
	if (argc < 2) {
		char *dir = default_corpus(argv[0]);
		int n = replay_dir(dir);
		bad = n < 0;
		total = n > 0 ? n : 0;
		printf("%s: %d inputs replayed from %s\n", argv[0], total, dir);
		free(dir);
	} else {
		for (int i = 1; i < argc; i++) {
			int n = replay_path(argv[i]);
			bad |= n < 0;
			total += n > 0 ? n : 0;
		}
		printf("%s: %d inputs replayed\n", argv[0], total);
	}
	return bad || total == 0;
}
