#!/bin/sed -Ef
# normalise-ascp.sed
#
# Collapses the many spellings of ascp's final message into one token per line so
# that `sort | uniq -c` over a month of cron mails gives a readable histogram.
# Input: concatenated mail bodies / ascp stdout+stderr.  Output: one line per
# recognised message, everything else dropped.
#
#   cat ~/Mail/cron/cur/* | sed -Ef normalise-ascp.sed | sort | uniq -c | sort -rn
#
# Examples of what it matches (copied from real output; NOT from any run here):
#   ascp: failed to authenticate, exiting.
#   Session Stop  (Error: failed to authenticate)
#   ascp.exe: Failed to open TCP connection for SSH, exiting.
#   Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
#   Session Stop  (Error: Server aborted session: No such file or directory)
#   Session Stop (Error: Failure processing peer license: Deprecated peer license)
#
# Windows prints "ascp.exe:" instead of "ascp:", and some mail clients squeeze the
# two spaces after "Stop" into one -- hence the " +" and the optional ".exe".

# drop carriage returns from the progress display
s/\r//g

/^ascp(\.exe)?: failed to authenticate, exiting\./         { s/.*/AUTH/; p; d; }
/^Session Stop +\(Error: failed to authenticate\)/          { s/.*/AUTH/; p; d; }
/Failed to open TCP connection for SSH/                     { s/.*/SSH_TCP/; p; d; }
/Cannot resolve target host/                                { s/.*/DNS/; p; d; }
/check UDP port and firewall/                               { s/.*/UDP/; p; d; }
/Session initiation failed/                                 { s/.*/SESSION_INIT/; p; d; }
/Server aborted session: No such file or directory/         { s/.*/NOFILE/; p; d; }
/Read access denied for user/                               { s/.*/PERM/; p; d; }
/peer license|License expired|exceeds the cap/              { s/.*/LICENCE/; p; d; }
/Disk write failed|No space left/                           { s/.*/DISK/; p; d; }
/Session data transfer timeout|stalled, timed out/          { s/.*/STALL/; p; d; }
/File encryption needs a passphrase/                        { s/.*/FILEPASS/; p; d; }
/^Completed: [0-9]+K bytes transferred/                     { s/.*/OK/; p; d; }
/^Partial Completion:/                                      { s/.*/PARTIAL/; p; d; }
d
