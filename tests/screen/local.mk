# Screen tests: scripted keys, screen dumped as text, compared with expected
# screens (tests/screen/README); one test in a real terminal under tmux.
SCREEN_TESTS = \
	tests/screen/first-screen.sh \
	tests/screen/outline.sh \
	tests/screen/jump.sh \
	tests/screen/text-pane.sh \
	tests/screen/help.sh \
	tests/screen/plan-picker.sh \
	tests/screen/units.sh \
	tests/screen/units-reload.sh \
	tests/screen/too-small.sh \
	tests/screen/theme.sh \
	tests/screen/keys.sh \
	tests/screen/filter.sh \
	tests/screen/plan-edit.sh \
	tests/screen/plan-move-under.sh \
	tests/screen/plan-import.sh \
	tests/screen/exchange.sh \
	tests/screen/match-next.sh \
	tests/screen/search.sh \
	tests/screen/search-registers.sh \
	tests/screen/lineedit.sh \
	tests/screen/wide-text.sh \
	tests/screen/tasks.sh \
	tests/screen/agenda.sh \
	tests/screen/agenda-many.sh \
	tests/screen/task-form.sh \
	tests/screen/plan-tasks.sh \
	tests/screen/suggest-made.sh \
	tests/screen/tasks-window.sh \
	tests/screen/tasks-filter-typing.sh \
	tests/screen/unsafe-text.sh \
	tests/screen/tmux.sh \
	tests/screen/create-ask.sh \
	tests/screen/form-small.sh \
	tests/screen/evidence-criterion.sh \
	tests/screen/form-noplan.sh \
	tests/screen/evidence.sh \
	tests/screen/evidence-window.sh \
	tests/screen/evidence-form.sh \
	tests/screen/evidence-edit.sh \
	tests/screen/index-form.sh \
	tests/screen/missing.sh \
	tests/screen/missing-window.sh \
	tests/screen/score.sh \
	tests/screen/dossiers.sh \
	tests/screen/dossiers-window.sh \
	tests/screen/dossiers-filter-typing.sh \
	tests/screen/letters.sh \
	tests/screen/letters-window.sh \
	tests/screen/feedback.sh \
	tests/screen/hostile.sh

# Undo, a record's history, the trash, the read-only database (changes.c),
# and the benchmark hooks (--timing, CCHC_EXIT_AFTER_PAINT).
SCREEN_TESTS += \
	tests/screen/undo.sh \
	tests/screen/history.sh \
	tests/screen/trash.sh \
	tests/screen/readonly.sh \
	tests/screen/timing.sh

# The home screen and the report screen (with its multi-line editor).
SCREEN_TESTS += tests/screen/home.sh tests/screen/report.sh tests/screen/report-lazy.sh

# The demo database: every screen at 80x24 and 120x40 (issue 17).
SCREEN_TESTS += tests/screen/demo-screens.sh

# Where the program writes (issue 14): the database refused, "Ghi đè?"
# before a file is replaced; in a real terminal under tmux.
SCREEN_TESTS += tests/screen/export-tmux.sh

# An evidence file no program here opens (issue 17): nothing the opener
# prints reaches the screen; the file is offered for export instead.
SCREEN_TESTS += tests/screen/opener-tmux.sh

# Setting up without the command line (issue 17): the units form, the
# settings screen, the first-run form, Esc on a form with changes.
SCREEN_TESTS += tests/screen/units-form.sh tests/screen/settings.sh \
	tests/screen/first-run.sh tests/screen/form-esc.sh

# The line editor of the prompts, without a screen.
check_PROGRAMS += tests/screen/test_lineedit
tests_screen_test_lineedit_SOURCES = tests/screen/test_lineedit.c tests/unit/check.h
tests_screen_test_lineedit_LDADD = libcchc.a $(CCHC_LIBS)

# SQL on the test database, for data the commands would not write.
check_PROGRAMS += tests/screen/run_sql
tests_screen_run_sql_SOURCES = tests/screen/run_sql.c
tests_screen_run_sql_LDADD = libcchc.a $(CCHC_LIBS)

TESTS += $(SCREEN_TESTS) tests/screen/test_lineedit
EXTRA_DIST += $(SCREEN_TESTS) tests/screen/lib.sh tests/screen/README \
	tests/screen/update-expected.sh tests/screen/plan-letters.txt \
	tests/screen/plan-search.txt tests/screen/plan-wide.txt \
	tests/screen/tasks-data.inc tests/screen/evidence-data.inc \
	tests/screen/registers-data.inc \
	tests/screen/expected

# Long work stopped with Esc in the program (issue 17).
SCREEN_TESTS += tests/screen/progress.sh

# Issue 17: writes by another process show without a key (live refresh);
# d / Delete on the registers.
SCREEN_TESTS += tests/screen/live-refresh.sh tests/screen/register-delete.sh
