@echo off
rem The openita command line on Windows, as bin/openita is elsewhere: runs the executable jar built by
rem mvnw.cmd -DskipTests package. With no arguments it prints the help; "serve" starts the web app.
rem Examples:  bin\openita.cmd serve                  (then open http://localhost:8080)
rem            bin\openita.cmd framework validate my-2569.yaml
rem            bin\openita.cmd score --year 2568 --input examples\samdet-2568.json --format table
setlocal
set "jar=%~dp0..\openita-server\target\openita.jar"
if not exist "%jar%" (
  echo openita: %jar% not found; build it first with: mvnw.cmd -DskipTests package 1>&2
  exit /b 1
)
where java >nul 2>nul
if errorlevel 1 (
  echo openita: Java 17 or newer is needed; install a JDK and make sure "java" is on the PATH 1>&2
  exit /b 1
)
rem Thai text in the console: UTF-8 code page for this window, and Java writing UTF-8 to it
chcp 65001 >nul
if "%~1"=="" (
  java -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%jar%" --help
) else if /i "%~1"=="serve" (
  java -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%jar%"
) else (
  java -Dstdout.encoding=UTF-8 -Dstderr.encoding=UTF-8 -jar "%jar%" %*
)
exit /b %ERRORLEVEL%
