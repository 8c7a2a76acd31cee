#!/usr/bin/env bash
# ena_fetch.sh -- lab wrapper around ascp. Shared on the group wiki; nothing has been run here.
# The "Session Stop" strings below are what ascp prints; we grep for them to decide whether to retry.
set -uo pipefail

KEY="${ASPERA_KEY:-$HOME/.aspera/sdk/aspera_bypass_rsa.pem}"
MAXTRY=3

classify() {   # $1 = combined ascp output file
  if grep -q 'Session Stop  (Error: failed to authenticate)' "$1"; then
    echo "AUTH: wrong key? use aspera_bypass_rsa.pem, not asperaweb_id_dsa.openssh"; return 2
  elif grep -q 'Client unable to connect to server (check UDP port and firewall)' "$1"; then
    echo "UDP 33001 blocked -- ask IT"; return 2
  elif grep -q 'Server aborted session: No such file or directory' "$1"; then
    echo "path moved -- refresh filereport"; return 2
  elif grep -q 'Session data transfer timeout' "$1"; then
    echo "stalled -- lower -l and retry"; return 1
  fi
  return 1
}

for acc in "$@"; do
  for try in $(seq 1 $MAXTRY); do
    ascp -QT -l 300m -P 33001 -k 1 -i "$KEY" \
      "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/${acc:0:6}/${acc}/${acc}.fastq.gz" raw/ > "log/${acc}.${try}.txt" 2>&1 && break
    classify "log/${acc}.${try}.txt"; rc=$?
    [ $rc -eq 2 ] && { echo "ascp: giving up on $acc, exiting."; break; }
    sleep $((try * 30))
  done
done
