"""``aspdiag watch``: a download directory's size, rate and ETA, with stall alerts; one line per sample
(terminal text, or JSON Lines with ``--format json``) and a last line saying why the watch ended."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination
from aspdiag.core.errors import ConfigError, signal_name
from aspdiag.core.exit_codes import ExitCode
from aspdiag.core.model import utc_now_iso
from aspdiag.core.units import duration_text, size_text
from aspdiag.render import OutputFormat

STREAM_FORMATS = (OutputFormat.TERMINAL, OutputFormat.JSON)
"""A watch is a stream of samples: terminal lines or JSON Lines (no Markdown/HTML document)."""
_EXIT = {"done": ExitCode.READY, "stalled": ExitCode.FINDINGS, "timeout": ExitCode.INCOMPLETE}


def eta_text(eta_s: float | None, stalled_s: float) -> str:
    """``ETA 4 min 10 s``; while nothing grows ``ETA unknown (stalled 15 s)``, never a promise a stall
    cannot keep."""
    if stalled_s > 0:
        how_long = f"{stalled_s:.1f} s" if stalled_s < 10 else duration_text(stalled_s)
        return f"ETA unknown (stalled {how_long})"
    return "ETA unknown" if eta_s is None else f"ETA {duration_text(eta_s)}"


def watch_command(
    directory: Annotated[
        Path, typer.Argument(metavar="DIR", help="The directory a transfer started elsewhere writes to.")
    ],
    expected: Annotated[
        str,
        typer.Option(
            "--expected", metavar="SIZE", help="Total size when complete: 2.3TB (decimal), 64GiB (binary) or bytes."
        ),
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
        float | None,
        typer.Option("--max-time", metavar="SECONDS", help="Give up after this long (exit 6, saying so)."),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Watch a download directory grow: size, rate, ETA; alert on a stall; exit 0 at the expected size.

    For transfers started elsewhere (the browser plugin, another tool). One line per sample: terminal text, or
    JSON Lines with --format json (schema: 'aspdiag schema watch'); the last line says why the watch ended.
    Cheap on huge trees: only changed directories are listed again and only recently growing files are
    stat'ed (all files every 30 samples); nothing is read. The commands get ASPDIAG_EVENT (stall/done),
    ASPDIAG_DIR, ASPDIAG_BYTES, ASPDIAG_EXPECTED_BYTES, ASPDIAG_RATE_MBPS and ASPDIAG_STALLED_S.
    """
    import time

    from aspdiag.core.config import MAX_DURATION_S, parse_size, validate_range
    from aspdiag.render.views import json_line, watch_sample_data
    from aspdiag.tools.watch import DirSampler, Sample, Tracker, run_watch

    dest = destination(
        output_format,
        output,
        force=force,
        quiet=quiet,
        no_color=no_color,
        formats=STREAM_FORMATS,
        command="watch",
    )
    expected_bytes = parse_size(expected, "--expected")
    for name, value in (("--interval", interval), ("--stall-after", stall_after), ("--max-time", max_time)):
        if value is not None:
            validate_range(name, value, 0.05, MAX_DURATION_S, what="seconds")
    if not directory.exists():
        raise ConfigError(f"no such directory: {directory}", "give the directory the transfer writes to")
    sampler = DirSampler(str(directory))
    tracker = Tracker(expected_bytes, stall_after)
    as_json = dest.format is OutputFormat.JSON

    with dest.stream() as out:

        def emit(text: str) -> None:
            out.write(text)
            out.flush()

        def line(sample: Sample, t: Tracker) -> None:
            if as_json:
                emit(
                    json_line(
                        watch_sample_data(
                            at_utc=utc_now_iso(),
                            total_bytes=t.total_bytes,
                            expected_bytes=expected_bytes,
                            rate_mbps=t.rate_mbps,
                            eta_s=t.eta_s,
                            files=sample.files,
                            stalled_s=t.stalled_for_s,
                        )
                    )
                )
                return
            pct = 100 * t.total_bytes / expected_bytes
            emit(
                f"{time.strftime('%H:%M:%S')} {size_text(t.total_bytes)} of {size_text(expected_bytes)} "
                f"({pct:.1f} %), {t.rate_mbps:.1f} Mbit/s, {eta_text(t.eta_s, t.stalled_for_s)}, "
                f"{sample.files} files\n"
            )

        def event(kind: str, t: Tracker) -> None:
            said = f"{kind}: {size_text(t.total_bytes)} of {size_text(expected_bytes)}"
            if kind == "stall":
                said += f"; no growth for {duration_text(t.stalled_for_s)}"
            print(f"aspdiag: {said}", file=sys.stderr, flush=True)  # an alert: shown even with --quiet
            if as_json:
                emit(json_line(_event_data(kind, None, said, t.total_bytes, expected_bytes, t.stalled_for_s, 0.0)))
            command = on_stall if kind == "stall" else on_done
            if command:
                _notify(command, kind, directory, t, expected_bytes)

        started = time.monotonic()
        try:
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
            state = outcome.state
            code = _EXIT[state]
            total, stalled_s, elapsed_s = outcome.total_bytes, outcome.stalled_s, outcome.elapsed_s
            reason = _why_it_ended(state, total, expected_bytes, elapsed_s, max_time)
        except KeyboardInterrupt as exc:
            # A signal ends a watch too: the last line still says why (a review saw exit 130 and nothing said).
            how = signal_name(exc)
            state = "interrupted"
            code = ExitCode.TERMINATED if how == "SIGTERM" else ExitCode.INTERRUPTED
            total, stalled_s, elapsed_s = tracker.total_bytes, tracker.stalled_for_s, time.monotonic() - started
            got = f"{size_text(total)} of {size_text(expected_bytes)} ({100 * total / expected_bytes:.1f} %)"
            reason = f"stopped by {'SIGTERM' if how == 'SIGTERM' else 'Ctrl-C (SIGINT)'} at {got}"
        reason += f" (exit {int(code)})"
        # Why the watch ended is always the last line on stderr, also with --quiet (a script reads it).
        print(f"aspdiag: watch ended: {reason}", file=sys.stderr, flush=True)
        if as_json:
            emit(
                json_line(
                    _event_data(
                        "stopped", state, reason, total, expected_bytes, stalled_s, elapsed_s, exit_code=int(code)
                    )
                )
            )
    raise typer.Exit(int(code))


def _why_it_ended(state: str, total: int, expected: int, elapsed_s: float, max_time: float | None) -> str:
    got = f"{size_text(total)} of {size_text(expected)} ({100 * total / expected:.1f} %)"
    if state == "done":
        return f"the expected size arrived ({got}) after {duration_text(elapsed_s)}"
    if state == "stalled":
        return f"stalled at {got} (--exit-on-stall)"
    return f"--max-time {max_time:g} s passed before the expected size arrived: {got}"


def _event_data(
    event: str,
    outcome: str | None,
    reason: str,
    total_bytes: int,
    expected_bytes: int,
    stalled_s: float,
    elapsed_s: float,
    *,
    exit_code: int | None = None,
) -> dict[str, Any]:
    from aspdiag.report.schemas import DOCUMENT_VERSION

    return {
        "kind": "watch-event",
        "version": DOCUMENT_VERSION,
        "at_utc": utc_now_iso(),
        "event": event,
        "outcome": outcome,
        "reason": reason,
        "total_bytes": total_bytes,
        "expected_bytes": expected_bytes,
        "stalled_s": round(stalled_s, 1),
        "elapsed_s": round(elapsed_s, 1),
        "exit_code": exit_code,
    }


def _notify(command: str, kind: str, directory: Path, t: Any, expected_bytes: int) -> None:
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
