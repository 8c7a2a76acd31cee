#!/usr/bin/awk -f
# ascp-summary.awk -- condense ascp stdout/stderr captured by our cron wrappers
#
# usage:  awk -f ascp-summary.awk /var/log/xfer/run-*.out
#
# Recognised lines (examples, copied from the FASP docs, NOT from a real run):
#
#   ERR164407.fastq.gz     100%   72MB 37.7Mb/s    01:58
#   Completed: 74523K bytes transferred in 118 seconds
#    (5132K bits/sec), in 1 file.
#   Partial Completion: 19711732K bytes transferred in 3695 seconds
#   ascp: failed to authenticate, exiting.
#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
#   Session Stop  (Error: Disk write failed (server))
#
# Output: one line per input file:  <file> OK|FAIL|PARTIAL <bytes> <reason>
#
# Caveats
#  - progress lines use \r, so a whole transfer may be one physical "line";
#    we split on \r ourselves.
#  - "Session Stop" has TWO spaces before "(Error:".  Don't "fix" the regex.
#  - ascp exits 1 for every failure; the reason is only in the text.

BEGIN { OFS = "\t" }

FNR == 1 {
    if (prev != "") report()
    prev = FILENAME; state = "UNKNOWN"; bytes = 0; reason = "-"
}

{
    n = split($0, parts, "\r")
    for (i = 1; i <= n; i++) handle(parts[i])
}

function handle(l) {
    if (l ~ /^Completed: /) {
        state = "OK"
        match(l, /[0-9]+K bytes/); bytes = substr(l, RSTART, RLENGTH - 6)
    } else if (l ~ /^Partial Completion: /) {
        state = "PARTIAL"
    } else if (l ~ /^Session Stop  \(Error: /) {
        state = (state == "PARTIAL") ? "PARTIAL" : "FAIL"
        reason = l; sub(/^Session Stop  \(Error: /, "", reason); sub(/\)$/, "", reason)
    } else if (l ~ /^ascp(\.exe)?: .*, exiting\.$/ && reason == "-") {
        state = "FAIL"
        reason = l; sub(/^ascp(\.exe)?: /, "", reason); sub(/, exiting\.$/, "", reason)
    }
}

function report() { print prev, state, bytes, reason }

END { if (prev != "") report() }
