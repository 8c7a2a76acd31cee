#!/usr/bin/env bash
# sync_partner_inbox.sh — pulls the partner's daily drop to /srv/ingest
# Maintainer: ops-ingest@example.org
#
# History / known failures (pasted from the cron mails, keep for reference):
#
# 2024-05-02 first night under cron, cron has a minimal PATH:
#   /bin/sh: 1: ascp: not found
#   -> fixed by using the absolute path ASCP=/opt/aspera/bin/ascp below
#
# 2024-05-03 second night: FILELIST was empty because the listing step
#   ran in the wrong directory, so ascp got "--file-list=" with nothing:
#   ascp: Source file list not specified, exiting
#   -> added the [ -s "$FILELIST" ] guard below
#
# 2024-05-04 third night OK:
#   Completed: 236K bytes transferred in 0 seconds
#    (3548K bits/sec), in 1 file.
#
set -euo pipefail

ASCP=/opt/aspera/bin/ascp
HOST=drop.partner.example
USER=ingest_ro
DEST=/srv/ingest/$(date +%F)
FILELIST=/var/tmp/partner_filelist.$$

cd /srv/ingest/work
./list_new_files.py --since 24h > "$FILELIST"

if [ ! -s "$FILELIST" ]; then
    echo "nothing new today" | logger -t sync_partner_inbox
    exit 0
fi

mkdir -p "$DEST"
export ASPERA_SCP_PASS="$(cat /etc/ingest/partner.pass)"
"$ASCP" -P 33001 -l 200m -k 1 -d --mode=recv --host="$HOST" --user="$USER" \
        --file-list="$FILELIST" "$DEST"

rm -f "$FILELIST"
