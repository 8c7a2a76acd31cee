#!/usr/bin/env bash
# mirror_partner.sh -- pull the weekly drop from the two partner servers
# maintainer: ops@studio-example.com
#
# Output of the last manual run (2024-07-15, pasted by Dan for the ticket OPS-3317):
#
#   $ ./mirror_partner.sh
#   [mirror] eu: pulling /weekly/2024-28/ from drop@hsts-eu.partner-example.net
#      testfile_10GB                                 100%   10GB  576Mb/s    01:56
#      Completed: 10485760K bytes transferred in 116 seconds
#       (738472K bits/sec), in 1 file.
#   [mirror] us: pulling /weekly/2024-28/ from drop@hsts-us.partner-exmaple.net
#   ascp: Cannot resolve target host., exiting.
#   [mirror] us: FAILED (rc=1)
#
# -> typo in HOSTS below ("exmaple"), fixed in commit 4be1c9a. Not re-run yet.

set -u
KEY=~/.ssh/partner_drop_rsa
WEEK=$(date +%G-%V)
declare -A HOSTS=(
  [eu]="hsts-eu.partner-example.net"
  [us]="hsts-us.partner-example.net"
)

for site in eu us; do
  echo "[mirror] ${site}: pulling /weekly/${WEEK}/ from drop@${HOSTS[$site]}"
  if ! ascp -P 33001 -l 500m -k 1 -i "$KEY" "drop@${HOSTS[$site]}:/weekly/${WEEK}/" "/srv/mirror/${site}/"; then
    echo "[mirror] ${site}: FAILED (rc=$?)"
  fi
done
