@echo off
rem Sample start script of the bundled sample distribution.
echo Sample WSO2 AS 5.2.1
