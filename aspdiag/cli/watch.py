"""``aspdiag watch``: a download directory's size, rate and ETA, with stall alerts."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.cli.common import duration_text
from aspdiag.core.errors import ConfigError
from aspdiag.core.exit_codes import ExitCode


def watch_command(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="The directory a transfer started elsewhere writes to.")
    ],
    expected: Annotated[
        str, typer.Option("--expected", metavar="SIZE", help="Total size when complete, e.g. 2.3TB or 1048576.")
    ],
    interval: Annotated[float, typer.Option("--interval", metavar="SECONDS", help="Seconds between samples.")] = 10.0,
    stall_after: Annotated[
        float, typer.Option("--stall-after", metavar="SECONDS", help="Alert when nothing grew for this long.")
    ] = 300.0,
    on_stall: Annotated[
        str | None, typer.Option("--on-stall", metavar="CMD", help="Shell command run once per stall.")
    ] = None,
    on_done: Annotated[
        str | None, typer.Option("--on-done", metavar="CMD", help="Shell command run when the size is reached.")
    ] = None,
    exit_on_stall: Annotated[bool, typer.Option("--exit-on-stall", help="Stop watching (exit 1) at a stall.")] = False,
    max_time: Annotated[
        float | None, typer.Option("--max-time", metavar="SECONDS", help="Give up after this long (exit 1).")
    ] = None,
) -> None:
    """Watch a download directory grow: size, rate, ETA; alert on a stall; exit 0 at the expected size.

    For transfers started elsewhere (the browser plugin, another tool). Cheap on huge trees: only changed
    directories are listed again and only recently growing files are stat'ed (all files every 30 samples);
    nothing is read. The commands get ASPDIAG_EVENT (stall/done), ASPDIAG_DIR, ASPDIAG_BYTES,
    ASPDIAG_EXPECTED_BYTES, ASPDIAG_RATE_MBPS and ASPDIAG_STALLED_S in their environment.
    Exit: 0 expected size reached, 1 stalled (--exit-on-stall) or --max-time passed, 2 bad input, 130 Ctrl-C.
    """
    import time

    from aspdiag.core.config import MAX_DURATION_S, parse_size, validate_range
    from aspdiag.tools.watch import DirSampler, Tracker, run_watch

    expected_bytes = parse_size(expected, "--expected")
    for name, value in (("--interval", interval), ("--stall-after", stall_after), ("--max-time", max_time)):
        if value is not None:
            validate_range(name, value, 0.05, MAX_DURATION_S, what="seconds")
    if not directory.exists():
        raise ConfigError(f"no such directory: {directory}", "give the directory the transfer writes to")
    sampler = DirSampler(str(directory))
    tracker = Tracker(expected_bytes, stall_after)

    def line(sample: object, t: Tracker) -> None:
        eta = "unknown" if t.eta_s is None else duration_text(t.eta_s)
        pct = 100 * t.total_bytes / expected_bytes
        stalled = f", no growth for {duration_text(t.stalled_for_s)}" if t.stalled_for_s >= interval else ""
        files = getattr(sample, "files", 0)
        print(
            f"{time.strftime('%H:%M:%S')} {t.total_bytes} of {expected_bytes} bytes ({pct:.1f}%), "
            f"{t.rate_mbps:.1f} Mbit/s, ETA {eta}, {files} files{stalled}",
            flush=True,
        )

    def event(kind: str, t: Tracker) -> None:
        print(
            f"aspdiag: {kind}: {t.total_bytes} of {expected_bytes} bytes"
            + (f"; no growth for {duration_text(t.stalled_for_s)}" if kind == "stall" else ""),
            file=sys.stderr,
            flush=True,
        )
        command = on_stall if kind == "stall" else on_done
        if command:
            _notify(command, kind, directory, t, expected_bytes)

    outcome = run_watch(
        sampler,
        tracker,
        interval_s=interval,
        clock=time.monotonic,
        sleep=time.sleep,
        on_sample=line,
        on_event=event,
        exit_on_stall=exit_on_stall,
        max_s=max_time,
    )
    raise typer.Exit(int(ExitCode.READY if outcome.state == "done" else ExitCode.FINDINGS))


def _notify(command: str, kind: str, directory: Path, t: object, expected_bytes: int) -> None:
    """Run watch's notification command with the sample in ASPDIAG_* variables."""
    from aspdiag.adapters.notify import notify

    notify(
        command,
        kind,
        {
            "ASPDIAG_EVENT": kind,
            "ASPDIAG_DIR": str(directory.resolve()),
            "ASPDIAG_BYTES": str(getattr(t, "total_bytes", 0)),
            "ASPDIAG_EXPECTED_BYTES": str(expected_bytes),
            "ASPDIAG_RATE_MBPS": f"{getattr(t, 'rate_mbps', 0.0):.3f}",
            "ASPDIAG_STALLED_S": f"{getattr(t, 'stalled_for_s', 0.0):.0f}",
        },
    )
