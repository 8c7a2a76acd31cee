# ~/sieve/transfers.sieve  -- managed by dovecot-managesieve
# Routes the mails our nightly "seqsync" cron sends (one mail per failed ascp run)
# into sub-folders so the on-call person sees the actionable ones first.
# Strings below are copied from real ascp output; keep them in sync with
# seqsync/notify.py.  Last edit: mkoller 2024-11-18
require ["fileinto", "imap4flags", "variables", "regex"];

if not header :contains "X-Seqsync-Job" "" {
    stop;
}

# 1) Credentials: nothing to retry, somebody must fix the key / password
if body :text :contains ["ascp: failed to authenticate, exiting.",
                         "Session Stop  (Error: failed to authenticate)"] {
    addflag "\\Flagged";
    fileinto "Transfers.Auth";
    stop;
}

# 2) Network: TCP 33001 or UDP 33001 closed somewhere on the path
if body :text :contains ["Failed to open TCP connection for SSH",
                         "Client unable to connect to server (check UDP port and firewall)",
                         "Session initiation failed, read timed out"] {
    fileinto "Transfers.Network";
    stop;
}

# 3) Remote side: withdrawn runs, docroot, licences
if body :text :regex "Server aborted session: (No such file or directory|Read access denied for user)" {
    fileinto "Transfers.Remote";
    stop;
}
if body :text :contains "Failure processing peer license" {
    addflag "\\Flagged";
    fileinto "Transfers.Licence";
    stop;
}

# 4) Our own disk filled up again
if body :text :contains ["Disk write failed", "No space left on disk"] {
    addflag "\\Flagged";
    fileinto "Transfers.Disk";
    stop;
}

# everything else (incl. "Session data transfer timeout") -> retry folder,
# seqsync retries these itself twice before mailing
fileinto "Transfers.Other";
