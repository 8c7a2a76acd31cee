#!/usr/bin/env bash
# sra_submit_batch.sh -- upload a folder to the NCBI submission portal with ascp
# usage: ./sra_submit_batch.sh <folder> <upload-subfolder>
#
# NOTE (2024-05-28, mk): first version used --file-list with an empty $LIST because
# the find below ran in the wrong directory. Output at the time:
#
#   $ ./sra_submit_batch.sh run_0528 uploads/mkowal_AbCdEf12
#   + ascp -i /home/mk/keys/aspera.openssh -QT -l100m -k1 --file-list= subasp@upload.ncbi.nlm.nih.gov:uploads/mkowal_AbCdEf12
#   ascp: Source file list not specified, exiting
#   exit=1
#
# After fixing the cd (line 22) the same call worked:
#
#   $ ./sra_submit_batch.sh run_0528 uploads/mkowal_AbCdEf12
#   + ascp -i /home/mk/keys/aspera.openssh -QT -l100m -k1 --file-list=/tmp/run_0528.list subasp@upload.ncbi.nlm.nih.gov:uploads/mkowal_AbCdEf12
#   Completed: 19711732K bytes transferred in 3695 seconds
#    (43691K bits/sec), in 1 file.
#   exit=0
set -euo pipefail
set -x

FOLDER=${1:?folder}
DEST=${2:?upload subfolder}
KEY=${ASPERA_KEY:-$HOME/keys/aspera.openssh}
LIST=/tmp/$(basename "$FOLDER").list

cd "$FOLDER"
find . -type f \( -name '*.fastq.gz' -o -name '*.bam' \) > "$LIST"

ascp -i "$KEY" -QT -l100m -k1 --file-list="$LIST" "subasp@upload.ncbi.nlm.nih.gov:${DEST}"
echo "exit=$?"
