# Fuzz targets (issue 8), one small file each over a parser. With
# --enable-fuzzing (clang) they are libFuzzer programs, built by `make` and
# driven by tests/fuzz/run.sh; in every other build they are linked with
# replay.c's main and make check replays their corpus (tests/fuzz/corpus/
# NAME: the seeds and every crash found) as regression tests.
FUZZ_TARGETS = tests/fuzz/fuzz_plan tests/fuzz/fuzz_dossier tests/fuzz/fuzz_dossier_stream \
	tests/fuzz/fuzz_dossier_map tests/fuzz/fuzz_theme tests/fuzz/fuzz_keys tests/fuzz/fuzz_date \
	tests/fuzz/fuzz_due tests/fuzz/fuzz_decode tests/fuzz/fuzz_docx
if FUZZING
noinst_PROGRAMS += $(FUZZ_TARGETS)
FUZZ_MAIN =
FUZZ_LINK = $(AM_LDFLAGS) -fsanitize=fuzzer
else
check_PROGRAMS += $(FUZZ_TARGETS)
check_LIBRARIES = tests/fuzz/libreplay.a
tests_fuzz_libreplay_a_SOURCES = tests/fuzz/replay.c tests/fuzz/fuzz.h
TESTS += $(FUZZ_TARGETS)
FUZZ_MAIN = tests/fuzz/libreplay.a
FUZZ_LINK = $(AM_LDFLAGS)
endif
FUZZ_LIBS = $(FUZZ_MAIN) libcchc.a $(CCHC_LIBS)

tests_fuzz_fuzz_plan_SOURCES = tests/fuzz/fuzz_plan.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_plan_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_plan_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_dossier_SOURCES = tests/fuzz/fuzz_dossier.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_dossier_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_dossier_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_dossier_stream_SOURCES = tests/fuzz/fuzz_dossier_stream.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_dossier_stream_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_dossier_stream_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_dossier_map_SOURCES = tests/fuzz/fuzz_dossier_map.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_dossier_map_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_dossier_map_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_theme_SOURCES = tests/fuzz/fuzz_theme.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_theme_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_theme_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_keys_SOURCES = tests/fuzz/fuzz_keys.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_keys_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_keys_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_date_SOURCES = tests/fuzz/fuzz_date.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_date_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_date_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_due_SOURCES = tests/fuzz/fuzz_due.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_due_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_due_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_decode_SOURCES = tests/fuzz/fuzz_decode.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_decode_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_decode_LDFLAGS = $(FUZZ_LINK)
tests_fuzz_fuzz_docx_SOURCES = tests/fuzz/fuzz_docx.c tests/fuzz/fuzz.h
tests_fuzz_fuzz_docx_LDADD = $(FUZZ_LIBS)
tests_fuzz_fuzz_docx_LDFLAGS = $(FUZZ_LINK)

EXTRA_DIST += tests/fuzz/corpus tests/fuzz/run.sh tests/fuzz/README
