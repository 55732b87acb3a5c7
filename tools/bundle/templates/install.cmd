@echo off
rem Install peerprep @VERSION@ from this folder: runs install.ps1 beside this file, past
rem PowerShell's script policy. Options go through, for example: install.cmd -StartMenu
rem Right-click, "Run as administrator", to install for every user of the computer.
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1" %*
set status=%ERRORLEVEL%
rem Double-clicked (no options): keep the window open so the last lines can be read.
if "%~1"=="" pause
exit /b %status%
