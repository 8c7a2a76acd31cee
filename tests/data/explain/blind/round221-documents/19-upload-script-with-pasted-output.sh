#!/usr/bin/env bash
# push_dailies.sh - send dailies to the VFX vendor's Aspera server
#
# History / notes (keep!):
#
# 2023-08-02  first version. The first manual test I started was the wrong folder (whole
#             /mnt/dailies, 2 TB), so I hit Ctrl-C after a few seconds:
#
#   $ ascp -P 33001 -l 400m --mode=send --user=dailies_in --host=xfer.vendor-vfx.example.com /mnt/dailies/ /in/
#   A012C004_230801_R1KX.mov                                                  0%  126MB 96.7Mb/s    45:03 ETA^C
#   $
#
# 2023-08-02  second test, right folder this time, but the vendor server said no:
#
#   $ ascp -P 33001 -l 400m --mode=send --user=dailies_in --host=xfer.vendor-vfx.example.com /mnt/dailies/230801/ /in/
#   Session Stop  (Error: failed to open ssh session.)
#
#             Vendor (Tom) says their box only accepts a few SSH connections at once and their
#             own ingest was hammering it; or the dailies_in account was not enabled yet - he
#             could not tell me which. He will fix "by tomorrow". Not retried yet.
#
# TODO: add retry with backoff once the vendor confirms.

set -euo pipefail

DAY="${1:-$(date -d yesterday +%y%m%d)}"
SRC="/mnt/dailies/${DAY}/"
: "${ASPERA_SCP_PASS:?set ASPERA_SCP_PASS}"

if [[ ! -d "$SRC" ]]; then
  echo "no dailies for $DAY" >&2
  exit 0
fi

exec ascp -P 33001 -l 400m -k1 --mode=send \
  --user=dailies_in --host=xfer.vendor-vfx.example.com \
  "$SRC" /in/
