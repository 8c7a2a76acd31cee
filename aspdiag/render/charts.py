"""Charts of a target's history: port states and the verdict per check, and the measured rate over time —
as inline SVG for HTML documents and as rows of symbols (with a sparkline for the rate) for terminals.

Pure: both take a list of CheckSummary (oldest first) of one target from one vantage point.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from aspdiag.core.history import CheckSummary, PortMark

SPARK = "▁▂▃▄▅▆▇█"
VERDICT_SYMBOL = {"ready": "R", "degraded": "D", "blocked": "B", "cannot tell": "?"}
VERDICT_TONE = {"ready": "ok", "degraded": "warn", "blocked": "bad", "cannot tell": "error"}
LEGEND = "█ gets through · x dropped · r rejected · c closed (nothing listens) · ? not tested · blank: not probed"
VERDICT_LEGEND = "R ready · D degraded · B blocked · ? cannot tell"
_FILL = {"ok": "#1a7f37", "warn": "#bf8700", "bad": "#cf222e", "error": "#8c959f", "": "#eaeef2"}


def port_symbol(mark: PortMark | None) -> tuple[str, str]:
    """(symbol, tone) of one port in one check."""
    if mark is None:
        return " ", ""
    if mark.path_open:
        return "█", "ok"
    return {"dropped": ("x", "bad"), "rejected": ("r", "bad"), "closed": ("c", "warn")}.get(mark.state, ("?", "error"))


def sparkline(values: Sequence[float | None]) -> str:
    """``▁▃█`` scaled to the largest value; ``·`` where nothing was measured."""
    top = max((v for v in values if v is not None), default=0.0)
    if top <= 0:
        return "".join("·" if v is None else SPARK[0] for v in values)
    return "".join(
        "·" if v is None else SPARK[min(len(SPARK) - 1, int(v / top * (len(SPARK) - 1) + 0.5))] for v in values
    )


@dataclass(frozen=True)
class Row:
    """One row of a history chart: a label and a (symbol, tone) per check."""

    label: str
    cells: tuple[tuple[str, str], ...]


def port_keys(points: Sequence[CheckSummary]) -> list[str]:
    """Every port seen in the checks, in the order first seen (TCP before UDP within one check)."""
    keys: dict[str, None] = {}
    for point in points:
        for mark in point.ports:
            keys.setdefault(mark.key, None)
    return list(keys)


def rows(points: Sequence[CheckSummary]) -> list[Row]:
    """The verdict row and one row per port."""
    out = [Row("verdict", tuple((VERDICT_SYMBOL.get(p.verdict, "?"), VERDICT_TONE.get(p.verdict, "")) for p in points))]
    for key in port_keys(points):
        marks = [{m.key: m for m in p.ports}.get(key) for p in points]
        out.append(Row(key, tuple(port_symbol(m) for m in marks)))
    return out


def rate_mbps(points: Sequence[CheckSummary]) -> list[float | None]:
    """The rate of each check in Mbit/s (None: not measured)."""
    return [p.rate_bytes_per_s * 8 / 1e6 if p.rate_bytes_per_s is not None else None for p in points]


def history_svg(points: Sequence[CheckSummary], title: str = "") -> str:
    """State per port and verdict per check as coloured cells, and the rate (when measured) as a line."""
    if not points:
        return ""
    chart_rows = rows(points)
    rates = rate_mbps(points)
    has_rate = any(r is not None for r in rates)
    left, cell_h, top = 230, 18, 24
    cell_w = max(6.0, min(28.0, 720 / len(points)))
    # At least 780 wide: the viewBox scales to the page, so a narrow one would blow the text up.
    width = max(780, int(left + cell_w * len(points) + 20))
    rate_h = 90 if has_rate else 0
    height = top + cell_h * len(chart_rows) + rate_h + 40

    def e(value: object) -> str:
        return escape(str(value), quote=True)

    label = title or f"History of {points[-1].target}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" aria-label="{e(label)}">',
        f'<text x="{left}" y="14" font-size="11" fill="#57606a">{e(points[0].started_utc[:16].replace("T", " "))} '
        f"UTC … {e(points[-1].started_utc[:16].replace('T', ' '))} UTC, {len(points)} checks</text>",
    ]
    for r, row in enumerate(chart_rows):
        y = top + r * cell_h
        parts.append(f'<text x="{left - 6}" y="{y + 13}" font-size="11" text-anchor="end">{e(row.label)}</text>')
        for c, (symbol, tone) in enumerate(row.cells):
            x = left + c * cell_w
            parts.append(
                f'<rect x="{x + 1:.1f}" y="{y + 1}" width="{cell_w - 2:.1f}" height="{cell_h - 2}" '
                f'fill="{_FILL.get(tone, "#eaeef2")}"><title>{e(points[c].started_utc)}: {e(row.label)} '
                f"{e(symbol)}</title></rect>"
            )
    if has_rate:
        base = top + cell_h * len(chart_rows) + rate_h
        peak = max(r for r in rates if r is not None) or 1.0
        coords = [
            (left + (c + 0.5) * cell_w, base - (rate_h - 12) * (r / (peak * 1.1)))
            for c, r in enumerate(rates)
            if r is not None
        ]
        parts.append(
            f'<line x1="{left}" y1="{base}" x2="{left + cell_w * len(points):.1f}" y2="{base}" stroke="#57606a"/>'
            f'<text x="{left - 6}" y="{base - rate_h + 24}" font-size="11" text-anchor="end">rate, Mbit/s</text>'
            f'<text x="{left - 6}" y="{base - rate_h + 38}" font-size="10" text-anchor="end" fill="#57606a">'
            f"peak {peak:.1f}</text>"
        )
        if len(coords) > 1:
            line = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
            parts.append(f'<polyline points="{line}" fill="none" stroke="#0969da" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#0969da"/>' for x, y in coords]
    parts.append(
        f'<text x="4" y="{height - 10}" font-size="10" fill="#57606a">green: gets through (verdict ready); '
        "red: dropped or rejected (blocked); amber: closed (degraded); grey: could not tell; one column per "
        "check, oldest left</text>"
    )
    parts.append("</svg>")
    return "".join(parts)
