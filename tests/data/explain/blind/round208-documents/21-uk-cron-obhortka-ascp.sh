#!/bin/bash
# obhortka.sh — нічне дзеркалювання наборів з ENA на сервер лабораторії
# Автор: О. Коваленко. Запускається з cron о 01:15 (див. crontab -l на bio-srv2).
#
# ІСТОРІЯ / вставлений вивід:
#
# 2024-04-02, лист від cron (перший запуск після переїзду на bio-srv2):
#   /bin/sh: 1: ascp: not found
#
#   -> cron має PATH=/usr/bin:/bin, а ascp лежить у ~/.aspera/sdk. Вручну з мого терміналу
#      все працювало, бо там PATH інший. Тепер шлях до ascp прописаний повністю (див. ASCP нижче).
#
# 2024-04-03, лист від cron (другий запуск, вже з повним шляхом):
#   ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58
#   Completed: 74523K bytes transferred in 118 seconds
#    (5132K bits/sec), in 1 file.
#
set -euo pipefail
ASCP=/home/okoval/.aspera/sdk/ascp
KEY=/home/okoval/.aspera/sdk/aspera_bypass_rsa.pem
DEST=/srv/mirror/ena
while read -r path; do
    "$ASCP" -T -l 300m -P 33001 -k 2 -i "$KEY" "era-fasp@fasp.sra.ebi.ac.uk:${path}" "$DEST/"
done < /srv/mirror/ena/spysok.txt
