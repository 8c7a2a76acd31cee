#!/usr/bin/env bash
# fetch_gsa.sh - download CRA runs from CNCB GSA via Aspera.
# Usage: ./fetch_gsa.sh CRA004538 accessions.txt
# Known messages and what we do about them (from past runs, kept for reference):
#   "ascp: failed to authenticate, exiting."            -> key problem, check -i path
#   "Session Stop  (Error: Session data transfer timeout)" -> lower RATE and retry
#   "Completed: ... in 1 file."                          -> success
set -euo pipefail
PROJ=${1:?project}
LIST=${2:?list}
RATE=${RATE:-100m}
KEY=${KEY:-$HOME/.aspera/connect/etc/aspera_bypass_rsa.pem}
OUT=${OUT:-./gsa/$PROJ}
mkdir -p "$OUT"
while read -r acc path; do
  for try in 1 2 3; do
    if ascp -P33001 -i "$KEY" -QT -l "$RATE" -k1 "aspera01@download.cncb.ac.cn:gsa/$PROJ/$acc/$path" "$OUT/" ; then
      echo "[ok] $acc"; break
    fi
    echo "[retry $try] $acc" >&2; sleep 30
  done
done < "$LIST"
