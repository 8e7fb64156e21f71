@echo off
rem netlint from an unpacked distribution: runs dev.netlint.cli.Main on the jars in ..\lib.
rem Environment: JAVA_HOME (which Java 17+ to use; otherwise java on PATH), NETLINT_JAVA_OPTS
rem (extra JVM options, for instance -Xmx1g).
setlocal
set "NETLINT_HOME=%~dp0.."
if defined JAVA_HOME (
  set "NETLINT_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  set "NETLINT_JAVA=java"
)
"%NETLINT_JAVA%" %NETLINT_JAVA_OPTS% -cp "%NETLINT_HOME%\lib\*" dev.netlint.cli.Main %*
exit /b %ERRORLEVEL%
