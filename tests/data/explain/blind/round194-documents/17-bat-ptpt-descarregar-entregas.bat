@echo off
REM ==========================================================================
REM  descarregar_entregas.bat  -  recebe as entregas do parceiro (Windows, Connect)
REM  Autor: Tiago R. (TI Lisboa)   Revisto: 2024-01-29
REM
REM  ATENCAO: a execucao de 26/01 falhou. Output colado aqui para o ticket #4471:
REM
REM  C:\entregas> "%LOCALAPPDATA%\Programs\Aspera\Aspera Connect\bin\ascp.exe" -P 33001 -l 100m --user=entregas_pt --host=aspera.parceiro.example.com "/out/2024-01-26/Reuniao 10:30 ata?.docx" C:\entregas\
REM  2024-01-26 18:04:55 [2c4-00001d38] LOG FASP Session Start uuid=71e5c0b2-8a4d-4c0e-a9b1-3f6d2e8c4a10 op=recv status=failed errcode=56 errstr="Path being written to Windows file system contains illegal characters"
REM
REM  O parceiro gera nomes com ":" e "?" - o Windows nao aceita. Pedimos que mudem a nomenclatura;
REM  ainda nao responderam. Ate la NAO voltar a correr este script sem rever os nomes.
REM ==========================================================================

set ASCP="%LOCALAPPDATA%\Programs\Aspera\Aspera Connect\bin\ascp.exe"
set DESTINO=C:\entregas
%ASCP% -P 33001 -l 100m --user=entregas_pt --host=aspera.parceiro.example.com /out/%1 %DESTINO%\
if errorlevel 1 echo FALHOU & exit /b 1
