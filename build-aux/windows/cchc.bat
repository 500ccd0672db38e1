@echo off
rem Starts cchc.exe from this folder in a console of 120 columns x 36 lines.
rem Double-click it, or from a command prompt: cchc.bat demo, cchc.bat backup,
rem cchc.bat --help.  Arguments are passed on unchanged.
rem The console is the one Windows opens for a .bat (conhost on Windows 10;
rem Windows Terminal where it is set as the default terminal): Windows
rem Terminal is not started by name, see HUONG-DAN.txt for why.
setlocal
rem ncurses takes the Windows console only when TERM is unset; a TERM left
rem by Git Bash or MSYS would send it looking for a terminfo entry.
set TERM=
rem cchc switches the console to UTF-8 itself; doing it here too is harmless
rem and covers the messages cmd prints before it starts.
chcp 65001 >nul
rem (Wine has no mode command; silenced so a test run's output stays clean)
mode con: cols=120 lines=36 >nul 2>&1
"%~dp0cchc.exe" %*
set rc=%errorlevel%
rem Keep the window open on an error, or its message vanishes with it.
if not "%rc%"=="0" pause
exit /b %rc%
