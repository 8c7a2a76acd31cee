@echo off
REM ==============================================================
REM  pobierz_gsa.bat  -  pobieranie danych z CNCB GSA przez Aspera
REM  Autor: K. Nowak, Pracownia Genomiki
REM  UWAGA: ponizej wklejony wynik z 2024-02-20 (komputer PRAC-07)
REM ==============================================================

set ASCP="%LOCALAPPDATA%\Programs\Aspera\Aspera Connect\bin\ascp.exe"
set KLUCZ="%LOCALAPPDATA%\Programs\Aspera\Aspera Connect\etc\aspera_tokenauth_id_rsa"
set CEL=D:\dane\gsa\CRA000112

%ASCP% -P33001 -i %KLUCZ% -QT -l100m -k1 -d aspera01@download.cncb.ac.cm:gsa/CRA000112 %CEL%

REM --- wynik (2024-02-20 09:47) ---------------------------------
REM C:\Users\knowak\skrypty> pobierz_gsa.bat
REM ascp.exe: Cannot resolve target host., exiting.
REM
REM C:\Users\knowak\skrypty> echo %ERRORLEVEL%
REM 1
REM
REM Notatka: w nazwie hosta jest literowka (.cm zamiast .cn) - nslookup download.cncb.ac.cm
REM zwraca "Non-existent domain". Poprawic przed nastepnym uruchomieniem!
REM ---------------------------------------------------------------
pause
