#!/usr/bin/env bash
# upload_beelden.sh — levert de dagelijkse export af bij de omroep-partner via ascli (direct agent, lokale ascp)
# Auteur: Sanne de Vries, afdeling Media-archief
#
# LET OP (2024-10-02): cron en de handmatige herstart van Pieter liepen tegelijk, allebei met hetzelfde
# bestand naar dezelfde map. Uitvoer van die ochtend hieronder geplakt ter documentatie (zie ook IBM/aspera-cli #215):
#
#   [cron 06:00:01] ascli server upload /export/2024-10-02/journaal_0600.mxf --to-folder=/aflevering/2024-10-02
#   [cron 06:00:01]    journaal_0600.mxf                                       100%   10GB  576Mb/s    01:56
#   [cron 06:00:01]    Completed: 10485760K bytes transferred in 116 seconds
#   [cron 06:00:01]     (738472K bits/sec), in 1 file.
#   [cron 06:00:01] exit=0
#
#   [handmatig 06:00:40] ascli server upload /export/2024-10-02/journaal_0600.mxf --to-folder=/aflevering/2024-10-02
#   [handmatig 06:00:40] E, [2024-10-02T06:02:37.118402 #40211] ERROR -- : Cannot rename partial file
#   [handmatig 06:00:40] exit=1
#
# Het bestand zelf staat compleet bij de partner (de cron-run heeft het hernoemd); de tweede sessie vond
# haar .partial niet meer terug. Oplossing: lockfile, zodat er nooit twee uploads tegelijk lopen.

set -euo pipefail

LOCK=/var/lock/upload_beelden.lock
exec 9>"$LOCK"
if ! flock -n 9; then
  echo "Er loopt al een upload, stop." >&2
  exit 0
fi

DAG=$(date +%F)
SRC=/export/$DAG
DEST=/aflevering/$DAG

for f in "$SRC"/*.mxf; do
  echo "[$(date +%T)] upload $f"
  ascli server upload "$f" --to-folder="$DEST" --preset=omroep_partner
done
