"""The hosts file (``/etc/hosts``) as getaddrinfo reads it before DNS: ``address name [alias ...]`` per line.

Written here rather than asked of the C library: ``socket.getaddrinfo`` would also query DNS (and wait out
its timeout again) and cannot say where an answer came from. ``ip netns exec`` mounts
``/etc/netns/<ns>/hosts`` over ``/etc/hosts`` when it exists, so the lab's namespaces get their own."""

from __future__ import annotations

import ipaddress
from pathlib import Path

DEFAULT_PATH = "/etc/hosts"
MAX_BYTES = 4 * 1024 * 1024
"""A hosts file larger than this is read only this far (some block lists are huge)."""


class HostsFileLookup:
    """The production HostsFile."""

    def __init__(self, path: str = DEFAULT_PATH) -> None:
        self.path = Path(path)

    def lookup(self, name: str) -> tuple[str, ...]:
        """Addresses for ``name`` (a trailing dot ignored), in file order, without duplicates."""
        try:
            with open(self.path, encoding="utf-8", errors="replace") as fh:
                text = fh.read(MAX_BYTES)
        except OSError:
            return ()
        return parse_hosts(text, name)


def parse_hosts(text: str, name: str) -> tuple[str, ...]:
    """The addresses ``text`` (hosts-file syntax) gives ``name`` (pure)."""
    wanted = name.rstrip(".").lower()
    found: dict[str, None] = {}
    for line in text.splitlines():
        fields = line.split("#", 1)[0].split()
        if len(fields) < 2:
            continue
        address, names = fields[0], fields[1:]
        if wanted not in (n.rstrip(".").lower() for n in names):
            continue
        try:
            parsed = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            continue
        found.setdefault(str(parsed), None)
    return tuple(found)
