#!/usr/bin/env bash
# hcp_fetch.sh — pull HCP_1200 subject packages staged by our data office on the lab HSTS.
# (ConnectomeDB itself only offers the browser plugin; the data office re-hosts the packages.)
#
# Known failure texts and what to do (collected from past tickets; nothing below is run by this header):
#   "ascp: Failed to open TCP connection for SSH, exiting."   -> you forgot -P 33001, or VPN is down
#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
#                                                             -> UDP 33001 blocked; ask netops
#   "Session Stop  (Error: Disk write failed (server))"       -> destination full; check quota
#   "ascp: failed to authenticate, exiting."                  -> key not registered for your user
set -euo pipefail

SUBJECT="${1:?usage: hcp_fetch.sh SUBJECT_ID [DEST]}"
DEST="${2:-/data/hcp/${SUBJECT}}"
KEY="${HCP_XFER_KEY:-$HOME/.ssh/hcp_xfer_rsa}"
HOST="hsts-neuro.lab.example"

command -v ascp >/dev/null 2>&1 || { echo "ascp not on PATH (module load aspera-cli)" >&2; exit 127; }
[ -r "$KEY" ] || { echo "key $KEY not readable" >&2; exit 2; }

mkdir -p "$DEST"
ascp -T -k 1 -l 500m -P 33001 -O 33001 -i "$KEY" \
     "hcpuser@${HOST}:/HCP_1200/${SUBJECT}/${SUBJECT}_3T_Structural_preproc.zip" "$DEST/"
