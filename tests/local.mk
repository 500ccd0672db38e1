# Unit tests (C programs on :memory: or temporary databases) and command tests
# (shell scripts comparing output with expected files).
