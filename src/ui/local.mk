# The full-screen program (ncursesw): a frame (app.c) over one file per view
# (view_*.c, listed in views.def), modals, the keymap and the theme loader.
libcchc_a_SOURCES += \
	src/ui/ui.h src/ui/app.c src/ui/app.h \
	src/ui/actions.def src/ui/action.c src/ui/action.h \
	src/ui/views.def src/ui/elements.def \
	src/ui/keymap.c src/ui/keymap.h \
	src/ui/theme.c src/ui/theme.h \
	src/ui/term.c src/ui/term.h \
	src/ui/progress_bar.c src/ui/progress_bar.h \
	src/ui/draw.c src/ui/draw.h \
	src/ui/wrap.c src/ui/wrap.h \
	src/ui/list.c src/ui/list.h \
	src/ui/lineedit.c src/ui/lineedit.h \
	src/ui/tlines.c src/ui/tlines.h \
	src/ui/filter.c src/ui/filter.h \
	src/ui/form.c src/ui/form.h src/ui/choice.c src/ui/choice.h \
	src/ui/task_form.c src/ui/task_form.h \
	src/ui/help.c src/ui/prompt.c src/ui/plan_picker.c src/ui/plan_import.c \
	src/ui/view_plan.c src/ui/view_units.c src/ui/view_search.c \
	src/ui/view_tasks.c src/ui/view_agenda.c src/ui/view_suggest.c \
	src/ui/view_evidence.c src/ui/view_missing.c src/ui/view_score.c \
	src/ui/kwin.c src/ui/kwin.h src/ui/panel.c src/ui/panel.h \
	src/ui/register_forms.c src/ui/register_forms.h \
	src/ui/register_view.c src/ui/register_view.h \
	src/ui/view_dossiers.c src/ui/view_letters.c src/ui/view_feedback.c \
	src/ui/view_exchange.c
# The home screen, the report screen and its multi-line editor.
libcchc_a_SOURCES += src/ui/view_home.c src/ui/view_report.c \
	src/ui/textedit.c src/ui/textedit.h
# Undo, a record's history, the trash, the read-only banner.
libcchc_a_SOURCES += src/ui/changes.c
# Setting up from inside the program: the unit form, the settings screen,
# the first-run form for the agency.
libcchc_a_SOURCES += src/ui/unit_form.c src/ui/unit_form.h \
	src/ui/view_settings.c src/ui/setup_form.c src/ui/setup_form.h
