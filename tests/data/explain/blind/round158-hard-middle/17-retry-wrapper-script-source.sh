#!/usr/bin/env bash
# pull_ena.sh - fetch one ENA run with ascp, retrying on transient errors.
# Retry policy (from the lab wiki):
#   "Session Stop  (Error: Session data transfer timeout)"   -> retry with half the rate
#   "ascp: failed to authenticate, exiting."                 -> retry after 2 s (parallel start collisions)
#   "Session Stop  (Error: Server aborted session: No such file or directory)" -> do NOT retry
#   "ascp: Cannot resolve target host., exiting."             -> do NOT retry, fix the host name
set -uo pipefail

ACC_PATH="$1"            # e.g. vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz
DEST="${2:-.}"
KEY="${ASPERA_KEY:-$HOME/.aspera/sdk/aspera_bypass_rsa.pem}"
RATE=300

for attempt in 1 2 3; do
  out=$(ascp -T -l "${RATE}m" -P 33001 -i "$KEY" "era-fasp@fasp.sra.ebi.ac.uk:${ACC_PATH}" "$DEST" 2>&1)
  rc=$?
  echo "$out"
  [ $rc -eq 0 ] && exit 0
  case "$out" in
    *"No such file or directory"*|*"Cannot resolve target host"*) echo "fatal, not retrying" >&2; exit $rc ;;
    *"transfer timeout"*) RATE=$((RATE/2)) ;;
    *"failed to authenticate"*) sleep 2 ;;
  esac
  echo "attempt $attempt failed (rc=$rc), retrying at ${RATE}m" >&2
done
exit 1
