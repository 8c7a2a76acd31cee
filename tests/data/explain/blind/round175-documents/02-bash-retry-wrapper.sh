#!/usr/bin/env bash
# fetch_ena.sh - wrapper around ascp used by the sequencing core (no output here, script only)
# Retries only on errors that are worth retrying; everything else aborts.
set -euo pipefail

KEY="${ASPERA_KEY:-$HOME/.aspera/sdk/aspera_bypass_rsa.pem}"
ACC_LIST="$1"
DEST="${2:-./fastq}"
MAX_TRY=3

# Messages we consider permanent (copied from earlier failures, see wiki page "ascp-fehler"):
PERMANENT='failed to authenticate|Private key file not found|Cannot resolve target host|No such file or directory|Deprecated peer license'
# Messages we retry:
TRANSIENT='Client unable to connect to server \(check UDP port and firewall\)|Session data transfer timeout|Session initiation failed, read timed out|Failed to open TCP connection for SSH'

while read -r path; do
  for try in $(seq 1 "$MAX_TRY"); do
    if out=$(ascp -QT -l 300m -P33001 -k 1 -i "$KEY" "era-fasp@fasp.sra.ebi.ac.uk:${path}" "$DEST" 2>&1); then
      echo "OK ${path}"; break
    fi
    if grep -Eq "$PERMANENT" <<<"$out"; then
      echo "PERMANENT ${path}: $(grep -Eo 'Session Stop  \(Error: .*\)' <<<"$out")" >&2; break
    elif grep -Eq "$TRANSIENT" <<<"$out"; then
      echo "retry ${try}/${MAX_TRY} ${path}" >&2; sleep $((try * 20))
    else
      echo "UNKNOWN ${path}" >&2; break
    fi
  done
done < "$ACC_LIST"
