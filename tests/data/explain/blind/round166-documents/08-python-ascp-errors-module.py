"""ascp_errors.py - map ascp stderr/stdout lines to friendly hints.

Part of the lab's `seqfetch` helper package. Nothing in this module runs ascp;
the strings below are the messages ascp prints, collected from IBM's error table
(ascli `config ascp errors`) and from our own tickets.

Examples (doctest, no network):

>>> hint_for("ascp: failed to authenticate, exiting.")
'auth: check -i key (ENA needs the RSA bypass key) or ASPERA_SCP_PASS'
>>> hint_for("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))")
'udp: open outbound UDP 33001'
>>> hint_for("ascp: Cannot resolve target host., exiting.")
'dns: host name does not resolve'
"""

import re

# pattern -> hint ; order matters, first match wins
HINTS = [
    (re.compile(r"failed to authenticate"),
     "auth: check -i key (ENA needs the RSA bypass key) or ASPERA_SCP_PASS"),
    (re.compile(r"Client unable to connect to server \(check UDP port and firewall\)"),
     "udp: open outbound UDP 33001"),
    (re.compile(r"Failed to open TCP connection for SSH"),
     "ssh-port: TCP 22 / 33001 blocked or wrong -P"),
    (re.compile(r"Cannot resolve target host"),
     "dns: host name does not resolve"),
    (re.compile(r"Server aborted session: No such file or directory"),
     "no-such-file: check the remote path"),
    (re.compile(r"Disk write failed"),
     "disk: destination full or read-only"),
    (re.compile(r"File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS"),
     "passphrase: export ASPERA_SCP_FILEPASS"),
    (re.compile(r"Data transfer stalled, timed out|Session data transfer timeout"),
     "stall: lower -l, check UDP shaping"),
    (re.compile(r"Deprecated peer license"),
     "licence: upgrade the Aspera client"),
]


def hint_for(line: str) -> str | None:
    for pattern, hint in HINTS:
        if pattern.search(line):
            return hint
    return None


if __name__ == "__main__":
    import doctest
    doctest.testmod()
