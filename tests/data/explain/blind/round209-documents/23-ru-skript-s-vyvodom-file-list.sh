#!/usr/bin/env bash
# fetch_cohort.sh — скачивание когорты с HSTS партнёра (лаборатория геномики, НИИ)
# Автор: Д. Соколов, 2024-04-22
#
# ИСТОРИЯ ЗАПУСКОВ (вывод вставлен вручную, чтобы не наступить на те же грабли)
#
# 1) 22.04, 15:10 — первая версия: забыл путь-источник, после --user сразу шёл локальный каталог
#    $ ASPERA_SCP_PASS=*** ascp -P 33001 -l 400m -k 1 --mode=recv --host=hsts.partner-genom.example --user=niigen_ro /data/cohort5/
#    ascp: Source file list not specified, exiting
#    (код возврата 1, ничего не скачано)
#
# 2) 22.04, 15:14 — добавил путь на сервере (/export/cohort5/), всё прошло:
#    $ ASPERA_SCP_PASS=*** ascp -P 33001 -l 400m -k 1 --mode=recv --host=hsts.partner-genom.example --user=niigen_ro /export/cohort5/ /data/cohort5/
#    cohort5/CH5_0001.cram                                                             100%   10GB  576Mb/s    01:56
#    Completed: 10485760K bytes transferred in 116 seconds
#     (738472K bits/sec), in 1 file.
#
# Дальше скрипт берёт путь-источник из переменной, чтобы такого не повторилось.

set -euo pipefail

: "${ASPERA_SCP_PASS:?нужен пароль в ASPERA_SCP_PASS}"
HOST="hsts.partner-genom.example"
USER_RO="niigen_ro"
SRC="${1:?укажите путь на сервере, например /export/cohort5/}"
DST="${2:-/data/$(basename "$SRC")/}"

mkdir -p "$DST"
exec ascp -P 33001 -l 400m -k 1 --mode=recv --host="$HOST" --user="$USER_RO" "$SRC" "$DST"
