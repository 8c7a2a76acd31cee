"""HostSystemInfo: host name, OS, uid and raw-socket privilege, discovered once before any probe."""

from __future__ import annotations

import os
import platform
import socket

from aspdiag.core.model import Environment

CAP_NET_RAW = 13


def has_cap_net_raw(status_text: str) -> bool:
    """Whether the ``CapEff`` line of /proc/self/status grants CAP_NET_RAW."""
    for line in status_text.splitlines():
        if line.startswith("CapEff:"):
            try:
                return bool(int(line.split()[1], 16) >> CAP_NET_RAW & 1)
            except (IndexError, ValueError):
                return False
    return False


class HostSystemInfo:
    """The production SystemInfo."""

    def environment(self) -> Environment:
        """Discover the environment of this process."""
        uid = os.geteuid()
        try:
            with open("/proc/self/status", encoding="ascii", errors="replace") as fh:
                cap_raw = has_cap_net_raw(fh.read())
        except OSError:
            cap_raw = False
        return Environment(
            hostname=socket.gethostname(),
            os=f"{platform.system()} {platform.release()}",
            python=platform.python_version(),
            uid=uid,
            privileged=uid == 0 or cap_raw,
        )
