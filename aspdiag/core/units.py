"""How numbers with units are written for people: milliseconds, Mbit/s, durations, sizes, port ranges.

One rule everywhere: rates and sizes are decimal (1 Mbit/s = 10^6 bit/s; 1 kB, MB, GB, TB = 10^3, 10^6, 10^9,
10^12 bytes), as network tools write them, and always carry their unit. Binary sizes are written only with
their binary unit (MiB), never as MB.
"""

from __future__ import annotations

from collections.abc import Iterable


def ms_text(value: float | None) -> str:
    """``12.34 ms`` or '-'."""
    return "-" if value is None else f"{value:.2f} ms"


def rate_text(value: float | None) -> str:
    """``12.3 Mbit/s`` or '-'."""
    return "-" if value is None else f"{value:.1f} Mbit/s"


def duration_text(seconds: float | None) -> str:
    """``3 d 4 h``, ``2 h 5 min``, ``4 min 2 s``, ``12 s`` or '-'."""
    if seconds is None:
        return "-"
    s = int(round(seconds))
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {rem % 60} s" if minutes else f"{s} s"


def size_text(value: int | float | None) -> str:
    """Bytes for people, decimal with the unit: ``512 B``, ``1.5 kB``, ``3.2 GB``, ``2.30 TB`` or '-'."""
    if value is None:
        return "-"
    size = float(value)
    if abs(size) < 1000:
        return f"{size:.0f} B"
    for unit in ("kB", "MB", "GB", "TB"):
        size /= 1000
        if abs(size) < 1000 or unit == "TB":
            return f"{size:.2f} {unit}" if abs(size) < 10 else f"{size:.1f} {unit}"
    return f"{value} B"  # not reached: TB ends the loop


def port_ranges(ports: Iterable[int]) -> str:
    """``33001-33010, 33012`` for a set of port numbers (consecutive ones as a range)."""
    runs: list[list[int]] = []
    for port in sorted(set(ports)):
        if runs and runs[-1][1] == port - 1:
            runs[-1][1] = port
        else:
            runs.append([port, port])
    return ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in runs)
