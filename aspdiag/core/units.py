"""How numbers with units are written for people: milliseconds, Mbit/s, durations, sizes.

Rates and sizes are decimal (1 Mbit/s = 10^6 bit/s, 1 MB = 10^6 bytes), as network tools write them.
"""

from __future__ import annotations


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
