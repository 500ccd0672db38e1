# The full-screen program (ncursesw).
libcchc_a_SOURCES += \
	src/ui/ui.h src/ui/app.c
