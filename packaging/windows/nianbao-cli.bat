@echo off
rem Command line for nianbao.exe: nianbao-cli check report.nianbao.json
rem nianbao.exe is a window program, so cmd does not wait for it; this file
rem waits, so its output and exit code (0 ok, 1 errors found, 2 unreadable)
rem reach cmd. ASCII only: cmd reads .bat files in the local code page.
start "" /b /wait "%~dp0nianbao.exe" %*
exit /b %errorlevel%
