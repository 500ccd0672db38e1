# Unit tests (C programs over the core, on temporary databases) and command
# tests (shell scripts comparing output with expected files).
CCHC_BIN = $(abs_top_builddir)/cchc
AM_TESTS_ENVIRONMENT = \
	CCHC='$(CCHC_BIN)'; export CCHC; \
	top_srcdir='$(abs_top_srcdir)'; export top_srcdir; \
	top_builddir='$(abs_top_builddir)'; export top_builddir; \
	FIXTURES='$(abs_top_srcdir)/tests/fixtures'; export FIXTURES; \
	CCHC_TODAY=2026-11-24; export CCHC_TODAY; \
	CCHC_CREATE=1; export CCHC_CREATE; \
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
check_PROGRAMS += tests/unit/test_report
check_PROGRAMS += tests/unit/test_docx_text
tests_unit_test_docx_text_SOURCES = tests/unit/test_docx_text.c tests/unit/check.h
tests_unit_test_docx_text_LDADD = $(TEST_LIBS)
tests_unit_test_report_SOURCES = tests/unit/test_report.c tests/unit/check.h
tests_unit_test_report_LDADD = $(TEST_LIBS)

CLI_TESTS = \
	tests/cli/help.sh \
	tests/cli/demo.sh \
	tests/cli/plan_import.sh \
	tests/cli/plan_import_docx.sh \
	tests/cli/import_errors.sh \
	tests/cli/storage.sh \
	tests/cli/units.sh \
	tests/cli/unit-rank.sh \
	tests/cli/search.sh \
	tests/cli/search-results.sh \
	tests/cli/encodings.sh \
	tests/cli/corpus.sh \
	tests/cli/locale.sh \
	tests/cli/workdays.sh \
	tests/cli/tasks.sh \
	tests/cli/deadlines.sh \
	tests/cli/overview-counts.sh \
	tests/cli/overview-tasks.sh \
	tests/cli/kept-triggers.sh \
	tests/cli/overview-unclear.sh \
	tests/cli/feedback-counts.sh \
	tests/cli/search-typing.sh \
	tests/cli/screen-entry.sh \
	tests/cli/search-screen.sh \
	tests/cli/suggest.sh \
	tests/cli/task-pages.sh \
	tests/cli/evidence.sh \
	tests/cli/criteria.sh

UNIT_TESTS = tests/unit/test_plan_parse tests/unit/test_text tests/unit/test_store \
	tests/unit/test_fold tests/unit/test_calendar tests/unit/test_due
UNIT_TESTS += tests/unit/test_dossier_parse
UNIT_TESTS += tests/unit/test_period
UNIT_TESTS += tests/unit/test_doc
UNIT_TESTS += tests/unit/test_report
UNIT_TESTS += tests/unit/test_docx_text
CLI_TESTS += tests/cli/doc_reader.sh
check_PROGRAMS += tests/unit/test_doc_tables
tests_unit_test_doc_tables_SOURCES = tests/unit/test_doc_tables.c tests/unit/check.h
tests_unit_test_doc_tables_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_doc_tables
CLI_TESTS += tests/cli/doc_tables.sh
check_PROGRAMS += tests/unit/test_doc_layout
tests_unit_test_doc_layout_SOURCES = tests/unit/test_doc_layout.c tests/unit/check.h
tests_unit_test_doc_layout_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_doc_layout
# The documents rendered by LibreOffice and read back from the PDF (issue
# 15): not under valgrind (the time is LibreOffice's); CCHC_RENDER=0 skips
# them in CI's later rounds.
RENDER_TESTS = tests/cli/doc_layout.sh tests/cli/render.sh tests/cli/plan_import_office.sh
TESTS += $(RENDER_TESTS)
EXTRA_DIST += $(RENDER_TESTS)
check_PROGRAMS += tests/unit/test_feedback
tests_unit_test_feedback_SOURCES = tests/unit/test_feedback.c tests/unit/check.h
tests_unit_test_feedback_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_feedback
check_PROGRAMS += tests/unit/test_register
tests_unit_test_register_SOURCES = tests/unit/test_register.c tests/unit/check.h
tests_unit_test_register_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_register
check_PROGRAMS += tests/unit/test_task_filter
tests_unit_test_task_filter_SOURCES = tests/unit/test_task_filter.c tests/unit/check.h
tests_unit_test_task_filter_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_task_filter
CLI_TESTS += tests/cli/feedback.sh
CLI_TESTS += tests/cli/plan_edit.sh
CLI_TESTS += tests/cli/plan_move_under.sh
check_PROGRAMS += tests/unit/test_textedit
tests_unit_test_textedit_SOURCES = tests/unit/test_textedit.c tests/unit/check.h
tests_unit_test_textedit_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_textedit
check_PROGRAMS += tests/unit/test_fsutil
tests_unit_test_fsutil_SOURCES = tests/unit/test_fsutil.c tests/unit/check.h
tests_unit_test_fsutil_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_fsutil
check_PROGRAMS += tests/unit/test_kwin
tests_unit_test_kwin_SOURCES = tests/unit/test_kwin.c tests/unit/check.h
tests_unit_test_kwin_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_kwin
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

# Scale data and the floor for "time to first screen" (issue 9); the runner
# tests/bench/run prints the table, run-smoke.sh proves it works on a tiny
# database.
EXTRA_PROGRAMS += tests/bench/gen tests/bench/floor
tests_bench_gen_SOURCES = tests/bench/gen.c
tests_bench_gen_LDADD = $(TEST_LIBS)
tests_bench_floor_SOURCES = tests/bench/floor.c
tests_bench_floor_LDADD = $(CURSES_LIBS) $(SQLITE_LIBS)
check_PROGRAMS += tests/bench/gen tests/bench/floor
TESTS += tests/bench/run-smoke.sh
EXTRA_DIST += tests/bench/run tests/bench/run-smoke.sh

bench: tests/bench/bench_search$(EXEEXT) tests/bench/gen$(EXEEXT) tests/bench/floor$(EXEEXT) cchc$(EXEEXT)
	./tests/bench/bench_search$(EXEEXT) $(BENCH_N)
	BUILDDIR='$(abs_top_builddir)' FIXTURES='$(abs_top_srcdir)/tests/fixtures' \
		$(SHELL) '$(abs_top_srcdir)/tests/bench/run' S
.PHONY: bench

# The registers (issue 6): settings, dossiers, apology letters.
CLI_TESTS += tests/cli/settings.sh tests/cli/dossiers.sh tests/cli/letters.sh tests/cli/reports.sh \
	tests/cli/history.sh tests/cli/delete.sh
# The report a clerk sends unchanged (issue 15): its wording, the annual report.
CLI_TESTS += tests/cli/report-wording.sh
# Issue 19: the monthly counts of dossiers kept by every writer, checked and repaired.
CLI_TESTS += tests/cli/dossier-counts.sh
CLI_TESTS += tests/cli/dossier-late-order.sh
# Issue 19: what a dossier import leaves (rows, search words, counts) pinned while it is made faster.
CLI_TESTS += tests/cli/dossier-import-same.sh
# Issue 15: the apology letter's two forms and templates, the dossier register (Mẫu 07).
CLI_TESTS += tests/cli/letter-forms.sh tests/cli/dossier-register.sh
# Issue 20: packages between the office and its divisions.
CLI_TESTS += tests/cli/exchange.sh tests/cli/consolidate.sh

# The command tests with cchc under valgrind memcheck (issue 8): CCHC is the
# wrapper tests/valgrind-cchc.sh, CCHC_VALGRIND=1 lets a test use smaller
# inputs, and the wrapper checks the first two commands of each shape in the
# run (CCHC_VALGRIND_REPEATS), running repeats natively; memory errors and
# definite leaks fail the command (exit 99), and
# the reports kept in tests/valgrind/ are listed at the end. The kill -9
# tests (tests/crash/) are about timing, not memory: not run there.
VALGRIND_TESTS = $(CLI_TESTS)
check-valgrind: all
	@rm -rf tests/valgrind; \
	CCHC_VALGRIND=1 $(MAKE) $(AM_MAKEFLAGS) check TESTS='$(VALGRIND_TESTS)' \
		CCHC_BIN='$(abs_top_srcdir)/tests/valgrind-cchc.sh'; rc=$$?; \
	echo "valgrind: $$(cat tests/valgrind/checked.list 2>/dev/null | wc -l) commands under memcheck," \
		"$$(cat tests/valgrind/native.list 2>/dev/null | wc -l) repeats of a checked shape run natively" \
		"(CCHC_VALGRIND_REPEATS=0 checks them all)"; \
	if ls tests/valgrind/FAILED.*.log > /dev/null 2>&1; then \
		cat tests/valgrind/FAILED.*.log; \
		echo "valgrind: memory errors or leaks in $$(ls tests/valgrind/FAILED.*.log | wc -l) commands"; \
		rc=1; \
	fi; exit $$rc
.PHONY: check-valgrind
EXTRA_DIST += tests/valgrind-cchc.sh

# Backups and checks (issue 8).
CLI_TESTS += tests/cli/backup.sh
# The check at open only after a crash (issue 19).
CLI_TESTS += tests/cli/open-check.sh
CLI_TESTS += tests/cli/lazy-libs.sh

# Crash and fault safety (issue 8): kill -9 at random moments of imports,
# edits and exports; a full disk, a read-only database, a locked one.
CRASH_TESTS = tests/crash/kill.sh tests/crash/faults.sh
TESTS += $(CRASH_TESTS)
EXTRA_DIST += $(CRASH_TESTS) tests/crash/lib.sh

# The streaming dossier import (issue 9): the stream parser and the block
# decoder against their whole-file counterparts; the import benchmark beside
# sqlite3's .import (make bench-import, part of make bench; BENCH_IMPORT_ROWS
# rows, a million by default), of which make check runs a 2,000-row smoke.
check_PROGRAMS += tests/unit/test_dossier_stream
tests_unit_test_dossier_stream_SOURCES = tests/unit/test_dossier_stream.c tests/unit/check.h
tests_unit_test_dossier_stream_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_dossier_stream
TESTS += tests/bench/import-smoke.sh
EXTRA_DIST += tests/bench/bench_import.sh tests/bench/import-smoke.sh
bench: bench-import
bench-import: cchc$(EXEEXT)
	CCHC='$(abs_top_builddir)/cchc$(EXEEXT)' FIXTURES='$(abs_top_srcdir)/tests/fixtures' \
		$(SHELL) '$(abs_top_srcdir)/tests/bench/bench_import.sh' $(BENCH_IMPORT_ROWS)
.PHONY: bench-import
# Issue 20: a division's quarter (200 notes, 50 records, 100 MB of files) as one package.
bench: bench-exchange
bench-exchange: cchc$(EXEEXT)
	CCHC='$(abs_top_builddir)/cchc$(EXEEXT)' $(SHELL) '$(abs_top_srcdir)/tests/bench/exchange.sh'
.PHONY: bench-exchange
EXTRA_DIST += tests/bench/exchange.sh

# Where exports may go (issue 14): never the open database, an existing
# file only with --force, csv folders whole; a kill in the middle of a csv
# folder export leaves the old export or the new one, never a mix.
CLI_TESTS += tests/cli/export_targets.sh
CRASH_TESTS += tests/crash/kill_csv.sh
# A package's import killed at any moment leaves all of it or none (issue 20).
CRASH_TESTS += tests/crash/kill_exchange.sh
# The settings screen's table, several settings as one action, the
# first-run question (issue 17).
check_PROGRAMS += tests/unit/test_settings
tests_unit_test_settings_SOURCES = tests/unit/test_settings.c tests/unit/check.h
tests_unit_test_settings_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_settings

# Progress of long work (issue 17): the line's text and the sink's draws.
check_PROGRAMS += tests/unit/test_progress
tests_unit_test_progress_SOURCES = tests/unit/test_progress.c tests/unit/check.h
tests_unit_test_progress_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_progress
CLI_TESTS += tests/cli/progress.sh

# Dossier import's guess of the encoding (issue 17).
check_PROGRAMS += tests/unit/test_detect
tests_unit_test_detect_SOURCES = tests/unit/test_detect.c tests/unit/check.h
tests_unit_test_detect_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_detect
CLI_TESTS += tests/cli/dossier_encoding.sh

# Issue 17: the core delete functions and the history in words.
check_PROGRAMS += tests/unit/test_delete
tests_unit_test_delete_SOURCES = tests/unit/test_delete.c tests/unit/check.h
tests_unit_test_delete_LDADD = $(TEST_LIBS)
UNIT_TESTS += tests/unit/test_delete
