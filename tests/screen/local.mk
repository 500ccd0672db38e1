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
	tests/screen/too-small.sh \
	tests/screen/theme.sh \
	tests/screen/keys.sh \
	tests/screen/tmux.sh

TESTS += $(SCREEN_TESTS)
EXTRA_DIST += $(SCREEN_TESTS) tests/screen/lib.sh tests/screen/README \
	tests/screen/update-expected.sh tests/screen/plan-letters.txt \
	tests/screen/expected
