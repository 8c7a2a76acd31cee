#!/bin/bash
# =============================================================================
# templates/stagein_ena.sbatch  --  shared template for ENA stage-in on the DTN partition
# Maintainer: research-computing@uni.example   (last reviewed 2025-06)
#
# Usage:  sbatch --export=ACC_LIST=my_runs.txt,OUT=/scratch/$USER/ena templates/stagein_ena.sbatch
#
# KNOWN ERRORS (from past tickets -- read before opening a new one):
#   "ascp: Failed to open TCP connection for SSH, exiting."
#        -> you dropped "-P 33001"; ENA does not answer on port 22 from our network.
#   "Session Stop  (Error: failed to authenticate)"
#        -> old DSA key (asperaweb_id_dsa.openssh). Use $ASPERA_SDK/aspera_bypass_rsa.pem below.
#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"
#        -> only the dtn partition has UDP 33001 egress. Do NOT run this on compute nodes.
#   "ascp: error while loading shared libraries: ..."
#        -> module load aspera-sdk/1.1.6 (the conda "aspera-cli" 3.x package is not supported)
# =============================================================================
#SBATCH -J stagein-ena
#SBATCH -p dtn
#SBATCH -c 2
#SBATCH -t 08:00:00
#SBATCH -o %x-%j.out

set -euo pipefail
module load aspera-sdk/1.1.6
: "${ACC_LIST:?set ACC_LIST}"; : "${OUT:?set OUT}"
mkdir -p "$OUT"

while read -r path; do
  [ -z "$path" ] && continue
  ascp -T -l 300m -P 33001 -k 1 -i "$ASPERA_SDK/aspera_bypass_rsa.pem" \
       "era-fasp@fasp.sra.ebi.ac.uk:${path}" "$OUT/"
  sleep 2   # stagger starts, ENA throttles bursts of new SSH connections
done < "$ACC_LIST"
