"""Classify the tail of an ascp log for the download retry loop.

>>> classify('''ascp: failed to authenticate, exiting.
...
... Session Stop  (Error: failed to authenticate)''')
'auth'

>>> classify('''Completed: 0K bytes transferred in 0 seconds
... Session Stop  (Error: Server aborted session: No such file or directory)''')
'missing'

>>> classify('Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))')
'network'

>>> classify('ascp: Cannot resolve target host., exiting.')
'network'

>>> classify('''SRR292241_1.fastq.gz          100%  369MB  238Mb/s    00:13
... Completed: 378151K bytes transferred in 13 seconds
...  (227709K bits/sec), in 1 file.''')
'ok'

>>> should_retry('missing')
False
>>> should_retry('network')
True
"""
import re

_RULES = [
    ("missing", re.compile(r"Server aborted session: No such file or directory")),
    ("auth", re.compile(r"failed to authenticate")),
    ("network", re.compile(r"check UDP port and firewall|Cannot resolve target host|"
                           r"Failed to open TCP connection for SSH|Session initiation failed")),
    ("stalled", re.compile(r"Data transfer stalled, timed out")),
]


def classify(text):
    for name, rx in _RULES:
        if rx.search(text):
            return name
    if re.search(r"^Completed: \d+K bytes transferred", text, re.M):
        return "ok"
    return "unknown"


def should_retry(kind):
    return kind in ("network", "stalled", "unknown")


if __name__ == "__main__":
    import doctest
    doctest.testmod()
