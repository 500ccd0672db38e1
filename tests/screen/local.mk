# Screen tests: scripted keys, screen dumped as text, compared with expected screens.
