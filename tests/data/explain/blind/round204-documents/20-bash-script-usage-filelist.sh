#!/usr/bin/env bash
# upload_batch.sh — push one sequencing batch to the NCBI submission portal folder.
# Usage: LIST=/path/to/files.txt ./upload_batch.sh
#
# History / why the guard below exists (console paste from 2023-08-30, run 1 was
# started from cron where LIST was not exported, so --file-list= ended up empty):
#
#   + ascp -i /home/seq/keys/aspera.openssh -QT -l100m -k1 --file-list= -d subasp@upload.ncbi.nlm.nih.gov:uploads/jdoe_lab.example.org_Xa7Kq2/batch_0830
#   ascp: Source file list not specified, exiting
#   + echo 'ascp rc=1'
#   ascp rc=1
#
# Run 2, same evening, by hand with LIST=/data/batch_0830/files.txt:
#
#   + ascp -i /home/seq/keys/aspera.openssh -QT -l100m -k1 --file-list=/data/batch_0830/files.txt -d subasp@upload.ncbi.nlm.nih.gov:uploads/jdoe_lab.example.org_Xa7Kq2/batch_0830
#   Completed: 19711732K bytes transferred in 3695 seconds
#    (43691K bits/sec), in 1 file.
#   + echo 'ascp rc=0'
#   ascp rc=0
#
set -euo pipefail

: "${LIST:?LIST must point to a file list (one path per line)}"
[ -s "$LIST" ] || { echo "file list $LIST is empty" >&2; exit 2; }

KEY=/home/seq/keys/aspera.openssh
DEST="subasp@upload.ncbi.nlm.nih.gov:uploads/jdoe_lab.example.org_Xa7Kq2/$(basename "$(dirname "$LIST")")"

set -x
ascp -i "$KEY" -QT -l100m -k1 --file-list="$LIST" -d "$DEST"
echo "ascp rc=$?"
