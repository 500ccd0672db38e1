# Unit tests (C programs over the core, on temporary databases) and command
# tests (shell scripts comparing output with expected files).
AM_TESTS_ENVIRONMENT = \
	CCHC='$(abs_top_builddir)/cchc'; export CCHC; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	FIXTURES='$(abs_top_srcdir)/tests/fixtures'; export FIXTURES; \
	CCHC_TODAY=2026-11-24; export CCHC_TODAY; \
	LC_ALL=C.UTF-8; export LC_ALL; \
	unset CCHC_DB CCHC_DATADIR NO_COLOR XDG_DATA_HOME XDG_CONFIG_HOME;

TEST_LIBS = libcchc.a $(CCHC_LIBS)
check_PROGRAMS += tests/unit/test_plan_parse tests/unit/test_text tests/unit/test_store \
	tests/unit/test_fold tests/unit/test_calendar tests/unit/test_due
tests_unit_test_plan_parse_SOURCES = tests/unit/test_plan_parse.c tests/unit/check.h
tests_unit_test_plan_parse_LDADD = $(TEST_LIBS)
tests_unit_test_text_SOURCES = tests/unit/test_text.c tests/unit/check.h
tests_unit_test_text_LDADD = $(TEST_LIBS)
tests_unit_test_store_SOURCES = tests/unit/test_store.c tests/unit/check.h
tests_unit_test_store_LDADD = $(TEST_LIBS)
tests_unit_test_fold_SOURCES = tests/unit/test_fold.c tests/unit/check.h
tests_unit_test_fold_LDADD = $(TEST_LIBS)
tests_unit_test_calendar_SOURCES = tests/unit/test_calendar.c tests/unit/check.h
tests_unit_test_calendar_LDADD = $(TEST_LIBS)
tests_unit_test_due_SOURCES = tests/unit/test_due.c tests/unit/check.h
tests_unit_test_due_LDADD = $(TEST_LIBS)
check_PROGRAMS += tests/unit/test_dossier_parse
check_PROGRAMS += tests/unit/test_period
tests_unit_test_period_SOURCES = tests/unit/test_period.c tests/unit/check.h
tests_unit_test_period_LDADD = $(TEST_LIBS)
tests_unit_test_dossier_parse_SOURCES = tests/unit/test_dossier_parse.c tests/unit/check.h
tests_unit_test_dossier_parse_LDADD = $(TEST_LIBS)
check_PROGRAMS += tests/unit/test_doc
tests_unit_test_doc_SOURCES = tests/unit/test_doc.c tests/unit/check.h
tests_unit_test_doc_LDADD = $(TEST_LIBS)

CLI_TESTS = \
	tests/cli/help.sh \
	tests/cli/plan_import.sh \
	tests/cli/import_errors.sh \
	tests/cli/storage.sh \
	tests/cli/units.sh \
	tests/cli/search.sh \
	tests/cli/encodings.sh \
	tests/cli/corpus.sh \
	tests/cli/locale.sh \
	tests/cli/workdays.sh \
	tests/cli/tasks.sh \
	tests/cli/evidence.sh \
	tests/cli/criteria.sh

UNIT_TESTS = tests/unit/test_plan_parse tests/unit/test_text tests/unit/test_store \
	tests/unit/test_fold tests/unit/test_calendar tests/unit/test_due
UNIT_TESTS += tests/unit/test_dossier_parse
UNIT_TESTS += tests/unit/test_period
UNIT_TESTS += tests/unit/test_doc
CLI_TESTS += tests/cli/doc_reader.sh
check_PROGRAMS += tests/unit/test_doc_tables
tests_unit_test_doc_tables_SOURCES = tests/unit/test_doc_tables.c tests/unit/check.h
tests_unit_test_doc_tables_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_doc_tables
CLI_TESTS += tests/cli/doc_tables.sh
check_PROGRAMS += tests/unit/test_feedback
tests_unit_test_feedback_SOURCES = tests/unit/test_feedback.c tests/unit/check.h
tests_unit_test_feedback_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_feedback
CLI_TESTS += tests/cli/feedback.sh
TESTS += $(UNIT_TESTS) $(CLI_TESTS)

EXTRA_DIST += $(CLI_TESTS) tests/cli/lib.sh tests/fixtures tests/update-expected.sh

# Benchmarks are not tests: "make bench" builds and runs them and prints
# figures; make check only runs a tiny smoke version of each.
EXTRA_PROGRAMS = tests/bench/bench_search
tests_bench_bench_search_SOURCES = tests/bench/bench_search.c
tests_bench_bench_search_LDADD = $(TEST_LIBS)
CLEANFILES += $(EXTRA_PROGRAMS)
check_PROGRAMS += tests/bench/bench_search
TESTS += tests/bench/smoke.sh
EXTRA_DIST += tests/bench/smoke.sh

bench: tests/bench/bench_search$(EXEEXT)
	./tests/bench/bench_search$(EXEEXT) $(BENCH_N)
.PHONY: bench

# The registers (issue 6): settings, dossiers, apology letters.
CLI_TESTS += tests/cli/settings.sh tests/cli/dossiers.sh tests/cli/letters.sh tests/cli/reports.sh \
	tests/cli/history.sh
