#!/usr/bin/env bash
# fetch_ena.sh — download one ENA run with retries; used by the Nextflow module ena_fetch.
# Usage: fetch_ena.sh <fastq_aspera path> <dest dir>
# This file only defines the wrapper; no output from a run is included.
set -euo pipefail

ASCP=${ASCP:-$HOME/.aspera/sdk/ascp}
KEY=${ASPERA_KEY:-$HOME/.aspera/sdk/aspera_bypass_rsa.pem}
RATE=${RATE:-300m}
SRC=$1
DEST=$2

command -v "$ASCP" >/dev/null || { echo "ascp not found at $ASCP" >&2; exit 127; }
[[ -r $KEY ]] || { echo "key $KEY missing (the old asperaweb_id_dsa.openssh is not accepted any more)" >&2; exit 2; }

for attempt in 1 2 3; do
  out=$(mktemp)
  if "$ASCP" -T -k 1 -l "$RATE" -P 33001 -i "$KEY" "era-fasp@fasp.sra.ebi.ac.uk:${SRC#fasp.sra.ebi.ac.uk:}" "$DEST" >"$out" 2>&1; then
    grep -q '^Completed: ' "$out" && { rm -f "$out"; exit 0; }
  fi
  case $(cat "$out") in
    *"No such file or directory"*)        echo "path gone: $SRC" >&2; exit 4 ;;
    *"failed to authenticate"*)           echo "auth failed (key?)" >&2; exit 19 ;;
    *"check UDP port and firewall"*)      echo "UDP 33001 blocked" >&2; exit 15 ;;
    *"Failed to open TCP connection for SSH"*) sleep $((attempt * 30)) ;;   # maybe MaxStartups, retry
    *"Session data transfer timeout"*)    RATE=100m ;;                     # stall: lower the target rate
    *) sleep 10 ;;
  esac
  rm -f "$out"
done
echo "giving up on $SRC" >&2
exit 1
