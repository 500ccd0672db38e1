# The core library: everything but main.c and the screens (src/ui/local.mk).
libcchc_a_SOURCES += \
	src/util/err.c src/util/err.h \
	src/util/sbuf.c src/util/sbuf.h \
	src/util/sha256.c src/util/sha256.h \
	src/util/fsutil.c src/util/fsutil.h \
	src/util/progress.c src/util/progress.h \
	src/text/utf8.c src/text/utf8.h \
	src/text/encoding.c src/text/encoding.h \
	src/text/decoder.c src/text/decoder.h src/text/utf8_fast.h \
	src/text/detect.c src/text/detect.h \
	src/text/date.c src/text/date.h \
	src/text/fold.c src/text/fold.h \
	src/text/collate.c src/text/collate.h \
	src/text/lunar.c src/text/lunar.h \
	src/core/calendar.c src/core/calendar.h \
	src/core/due.c src/core/due.h \
	src/core/task.c src/core/task.h \
	src/core/keyset.c src/core/keyset.h \
	src/core/suggest.c src/core/suggest.h \
	src/core/settings.c src/core/settings.h \
	src/core/period.c src/core/period.h \
	src/core/dossier.c src/core/dossier.h src/core/dossier_import.c \
	src/core/dossier_tally.c \
	src/core/letter.c src/core/letter.h \
	src/core/dossier_register.c src/core/dossier_register.h \
	src/core/feedback.c src/core/feedback.h \
	src/core/report.c src/core/report.h src/core/report_doc.c \
	src/core/exchange.c src/core/exchange.h \
	src/import/dossier_parse.c src/import/dossier_parse.h \
	src/import/dossier_reader.c src/import/dossier_reader.h \
	src/export/doc.c src/export/doc.h src/export/writers.h \
	src/export/docx.c src/export/md.c src/export/html.c src/export/txt.c src/export/xlsx.c src/export/csv.c \
	src/export/template.c src/export/template.h \
	src/export/lazylib.c src/export/lazylib.h src/export/lazylib.def \
	src/store/files.c src/store/files.h \
	src/core/evidence.c src/core/evidence.h \
	src/core/criteria.c src/core/criteria.h \
	src/store/fts.c src/store/fts.h \
	src/store/tally.c src/store/tally.h \
	src/store/search_index.c src/store/search_index.h \
	src/store/history.c src/store/history.h \
	src/store/kept.c src/store/kept.h \
	src/core/search.c src/core/search.h \
	src/store/db.c src/store/db.h src/store/db_check.c \
	src/store/backup.c src/store/backup.h \
	src/store/schema.c src/store/schema.h \
	src/store/embedded.c src/store/embedded.h \
	src/store/datafile.c src/store/datafile.h \
	src/core/plan.c src/core/plan.h \
	src/core/plan_edit.c src/core/plan_edit.h \
	src/core/unit.c src/core/unit.h \
	src/core/delete.c src/core/history_text.c src/core/history_text.h \
	src/core/demo.c src/core/demo.h \
	src/import/plan_parse.c src/import/plan_parse.h \
	src/import/plan_layout.c src/import/plan_layout.h \
	src/import/plan_load.c src/import/plan_load.h \
	src/import/docx_text.c src/import/docx_text.h \
	src/import/plan_file.c src/import/plan_file.h \
	src/util/spawn.h src/util/platform.h src/util/compat.h \
	src/cli/cli.c src/cli/cli.h \
	src/cli/cli_plan.c src/cli/cli_unit.c src/cli/cli_search.c src/cli/cli_workdays.c src/cli/cli_task.c src/cli/cli_evidence.c src/cli/cli_criteria.c \
	src/cli/cli_setting.c src/cli/cli_dossier.c src/cli/cli_register.c src/cli/cli_letter.c src/cli/cli_feedback.c src/cli/cli_report.c src/cli/cli_history.c \
	src/cli/cli_delete.c \
	src/cli/cli_backup.c \
	src/cli/cli_exchange.c \
	src/cli/cli_demo.c
# One platform layer (src/util/platform.h): its POSIX or its Windows files.
if WINDOWS
libcchc_a_SOURCES += src/util/platform_win.c src/util/spawn_win.c
# The manifest makes the narrow file API take UTF-8 names and asks for the
# Windows 10 console; the resource object links it into cchc.exe.
cchc_LDADD += src/windows/cchc-res.o
src/windows/cchc-res.o: $(srcdir)/src/windows/cchc.rc $(srcdir)/src/windows/cchc.exe.manifest
	$(AM_V_GEN)$(MKDIR_P) src/windows && $(WINDRES) -I$(srcdir)/src/windows -o $@ $(srcdir)/src/windows/cchc.rc
CLEANFILES += src/windows/cchc-res.o
else
libcchc_a_SOURCES += src/util/platform_posix.c src/util/spawn_posix.c
endif
EXTRA_DIST += src/windows/cchc.rc src/windows/cchc.exe.manifest

nodist_libcchc_a_SOURCES = src/embedded_data.c
BUILT_SOURCES += src/embedded_data.c
CLEANFILES += src/embedded_data.c

# Data compiled into the program so that it runs before `make install`.
EMBEDDED_FILES = \
	data/migrations/0001-foundation.sql data/migrations/0002-search.sql \
	data/migrations/0003-tasks.sql data/migrations/0004-unit-code.sql \
	data/migrations/0005-evidence.sql data/migrations/0006-criteria.sql \
	data/migrations/0007-criteria-map.sql data/migrations/0008-registers.sql data/migrations/0009-reports.sql data/migrations/0010-history.sql \
	data/migrations/0011-dossier-import.sql data/migrations/0012-task-order.sql \
	data/migrations/0013-register-order.sql \
	data/migrations/0014-dossier-stats.sql \
	data/migrations/0015-keyset-order.sql \
	data/migrations/0016-feedback-order.sql \
	data/migrations/0017-task-assigned.sql \
	data/migrations/0018-letter-number-zero.sql \
	data/migrations/0019-unit-kind.sql \
	data/migrations/0020-dossier-search.sql \
	data/migrations/0021-list-order.sql \
	data/migrations/0022-period-counts.sql \
	data/migrations/0023-task-filter.sql \
	data/migrations/0024-task-due-kind.sql \
	data/migrations/0025-overview-counts.sql \
	data/migrations/0026-exchange.sql \
	data/migrations/0027-report-counts.sql \
	data/migrations/0028-overview-sets.sql \
	data/migrations/0029-kept-triggers.sql \
	data/migrations/0030-overview-unclear.sql \
	data/report-areas.txt \
	data/dossier-columns.txt \
	data/templates/letter-2018.txt data/templates/letter-2025.txt \
	data/criteria/par-index-tinh.txt data/criteria/sipas.txt data/criteria/papi.txt \
	data/criteria/vi-du-so-2026.txt \
	data/demo/plan.txt data/demo/units.tsv data/holidays/2025.txt \
	data/demo/plan-tuyen-truyen.txt data/demo/tasks.tsv data/demo/year.sql \
	data/demo/files/quyet-dinh-to-cong-tac.docx data/demo/files/bao-cao-tu-cham-diem.pdf \
	data/demo/files/hoi-nghi-trien-khai.jpg \
	data/keys.default \
	themes/default.theme themes/light.theme themes/mono.theme

# The embedding tool runs during the build, so it is compiled for the build
# machine (CC_FOR_BUILD), which differs from the host in a Windows build.
EXTRA_DIST += src/tools/embed.c
CLEANFILES += embed-build
embed-build: $(srcdir)/src/tools/embed.c
	$(AM_V_CC)$(CC_FOR_BUILD) -std=c11 $(WARN_CFLAGS) -o $@ $(srcdir)/src/tools/embed.c

src/embedded_data.c: embed-build $(EMBEDDED_FILES:%=$(srcdir)/%)
	$(AM_V_GEN)$(MKDIR_P) src && ./embed-build $@ $(srcdir) $(EMBEDDED_FILES)
