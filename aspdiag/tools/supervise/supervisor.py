"""Supervise a long ascp run (``aspdiag run -- ascp ...``): progress, stall, retries with resume, a state file.

The core is free of typer/rich and of process handling: the child is reached through a small
:class:`Child` interface (the real one is in :mod:`aspdiag.net.process`), time through an injected clock and
an interruptible wait, and everything the user sees goes through a :class:`RunObserver`. The state written for
``aspdiag status`` is a plain dict built here (:meth:`Supervisor.state`), so it is the same in tests and in use.

Retry policy (why): the FASP error table says which codes a retry can help (network and timeout errors); auth,
no-such-file and licence errors are never retried, because repeating them only locks accounts and wastes hours.
An unknown failure is not retried either: aspdiag cannot tell whether a retry is safe. Resume: when the user's
command does not choose a resume level, ``-k 1`` is added for the retry so the files already received are not
sent again; an explicit ``-k`` (even ``-k 0``) is the user's choice and is kept.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Protocol

from aspdiag import __version__
from aspdiag.core.model import utc_now_iso
from aspdiag.fasp.errors import describe
from aspdiag.fasp.parse import parse_errors, parse_progress, parse_summary
from aspdiag.fasp.secrets import scrub_values

STATE_FORMAT = "aspdiag-run-state"
STATE_VERSION = 1
ASCP_NAMES = frozenset({"ascp", "ascp4", "ascp.exe", "ascp4.exe"})
RESUME_LEVEL = "1"
_SECRET_OPTIONS = frozenset({"-W"})  # ascp's token option: its value is a credential
_TAIL_LINES = 20


class Child(Protocol):
    """A running command, as the supervisor needs it."""

    pid: int

    def read(self, timeout_s: float) -> list[tuple[str, str]]:
        """Output lines (stream, text) that arrived within ``timeout_s``; [] when none did."""
        ...

    def poll(self) -> int | None:
        """The exit status once the child has ended and its output is drained (negative: killed by a signal)."""
        ...

    def send_signal(self, signum: int) -> None:
        """Send a signal to the child's whole process group (ascp and the ssh it started)."""
        ...


class RunObserver(Protocol):
    """What the supervisor reports as it goes; the CLI turns it into a display and notifications."""

    def on_start(self, attempt: int, argv: Sequence[str]) -> None: ...

    def on_progress(self, state: RunProgress) -> None: ...

    def on_line(self, stream: str, line: str) -> None:
        """A line of output that is not a progress line (those arrive through ``on_progress``)."""

    def on_stall(self, state: RunProgress, stalled_s: float) -> None: ...

    def on_attempt_end(self, attempt: Attempt) -> None: ...

    def on_wait(self, delay_s: float) -> None: ...


def is_ascp(argv: Sequence[str]) -> bool:
    """Whether the command's program is ascp (by its file name, wherever it is installed)."""
    return bool(argv) and os.path.basename(argv[0]).lower() in ASCP_NAMES


def resume_level(argv: Sequence[str]) -> str | None:
    """The ``-k`` level the command sets, or None when it sets none."""
    level = None
    for index, arg in enumerate(argv[1:], start=1):
        if arg == "--":
            break
        if arg == "-k" and index + 1 < len(argv):
            level = argv[index + 1]
        elif arg.startswith("-k") and arg[2:].isdigit():
            level = arg[2:]
    return level


def with_resume(argv: Sequence[str]) -> tuple[str, ...]:
    """The command with ``-k 1`` added right after the program (options must precede the file arguments)."""
    return (argv[0], "-k", RESUME_LEVEL, *argv[1:])


def redact_argv(argv: Sequence[str], secrets: Sequence[str] = ()) -> list[str]:
    """The command for display, state file and log: option values that are credentials become [redacted]."""
    shown: list[str] = []
    hide_next = False
    for arg in argv:
        if hide_next:
            shown.append("[redacted]")
            hide_next = False
            continue
        if arg in _SECRET_OPTIONS:
            hide_next = True
            shown.append(arg)
            continue
        if any(arg.startswith(opt) and len(arg) > len(opt) for opt in _SECRET_OPTIONS):
            shown.append(arg[:2] + "[redacted]")
            continue
        shown.append(scrub_values(arg, secrets))
    return shown


def option_secrets(argv: Sequence[str]) -> tuple[str, ...]:
    """The values given to credential options (``-W TOKEN``, ``-WTOKEN``)."""
    found = []
    for arg, following in zip(argv, [*argv[1:], ""], strict=True):
        if arg in _SECRET_OPTIONS and following:
            found.append(following)
        elif any(arg.startswith(opt) and len(arg) > len(opt) for opt in _SECRET_OPTIONS):
            found.append(arg[2:])
    return tuple(found)


def backoff_s(attempt: int, first_s: float, max_s: float) -> float:
    """Seconds to wait after failed attempt ``attempt`` (1-based): doubling from ``first_s``, capped at ``max_s``."""
    return float(min(max_s, first_s * 2 ** max(0, attempt - 1)))


def signal_name(number: int) -> str:
    """SIGINT for 2, and so on."""
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


@dataclass(frozen=True)
class RunSettings:
    """How to supervise one command."""

    argv: tuple[str, ...]
    retries: int = 3
    backoff_s: float = 30.0
    backoff_max_s: float = 900.0
    stall_after_s: float = 300.0
    add_resume: bool = True
    """Add ``-k 1`` for retries when the command sets no resume level (ascp commands only)."""
    stop_grace_s: float = 30.0
    """After passing SIGINT/SIGTERM on, how long ascp gets to stop before it is killed."""


@dataclass
class RunProgress:
    """What the progress lines say so far, across the files of the current attempt."""

    file: str | None = None
    file_percent: int | None = None
    file_bytes: int | None = None
    rate_mbps: float | None = None
    eta: str | None = None
    bytes_done: int = 0
    """Bytes of all files seen in this attempt (each file counted at its last progress line)."""
    files_seen: int = 0
    files_finished: int = 0
    last_change_s: float = 0.0
    last_change_utc: str | None = None
    stalled_for_s: float = 0.0


@dataclass(frozen=True)
class Attempt:
    """One run of the command and what was decided after it."""

    number: int
    command: tuple[str, ...]
    started_utc: str
    ended_utc: str
    duration_s: float
    exit_status: int | None
    ended_by_signal: str | None
    fasp_code: int | None
    fasp_name: str | None
    message: str | None
    retryable: bool
    stalls: int
    bytes_done: int
    """How far the files got (the progress lines' positions, summed over files)."""
    bytes_transferred: int | None
    """What ascp's summary says this attempt moved (less than ``bytes_done`` when it resumed); None without one."""
    decision: str
    """success | retry | not-retryable | retries-exhausted | interrupted | failed"""
    detail: str


@dataclass
class _Files:
    bytes_by_file: dict[str, int] = field(default_factory=dict)
    finished: set[str] = field(default_factory=set)


class Supervisor:
    """Runs the command until it succeeds, fails for good, runs out of retries, or is told to stop."""

    def __init__(
        self,
        settings: RunSettings,
        launch: Callable[[Sequence[str]], Child],
        *,
        clock: Callable[[], float],
        wait: Callable[[float], None],
        observer: RunObserver,
        write_state: Callable[[dict[str, Any]], None],
        secrets: Sequence[str] = (),
    ) -> None:
        self.settings = settings
        self._launch = launch
        self._clock = clock
        self._wait = wait
        self._observer = observer
        self._write_state = write_state
        # The values of credential options too: a child may print its own command line (a review saw
        # 'echo -W token' shown redacted as the attempt line but in clear as the child's output).
        self._secrets = tuple(secrets) + option_secrets(settings.argv)
        self.attempts: list[Attempt] = []
        self.progress = RunProgress()
        self.status = "starting"
        """starting | running | stalled | waiting | succeeded | failed | interrupted"""
        self.stop_signal: int | None = None
        self.child_pid: int | None = None
        self.started_utc = utc_now_iso()
        self.ended_utc: str | None = None
        self.outcome_detail = ""
        self.diagnosis: dict[str, Any] | None = None
        self.stalls = 0
        self.tail: deque[str] = deque(maxlen=_TAIL_LINES)
        self.current_argv: tuple[str, ...] = settings.argv
        self._last_write = -1e9
        self._child: Child | None = None
        self._lines: deque[tuple[str, str]] = deque(maxlen=5000)  # the attempt's output, for the diagnosis

    # -- control from signal handlers -------------------------------------------------------------
    def request_stop(self, signum: int) -> None:
        """Called from a SIGINT/SIGTERM handler: pass it on to the child and stop after it ends."""
        if self.stop_signal is None:
            self.stop_signal = signum
        self._forward(signum)

    def _forward(self, signum: int) -> None:
        child = self._child
        if child is not None and child.poll() is None:
            try:
                child.send_signal(signum)
            except OSError:
                pass

    # -- the run ----------------------------------------------------------------------------------
    def run(self) -> str:
        """Supervise until done; returns the final status (succeeded, failed or interrupted)."""
        number = 0
        while True:
            number += 1
            attempt = self._one_attempt(number)
            self.attempts.append(attempt)
            self._observer.on_attempt_end(attempt)
            if attempt.decision != "retry":
                self.status = {"success": "succeeded", "interrupted": "interrupted"}.get(attempt.decision, "failed")
                self.outcome_detail = attempt.detail
                break
            if self.settings.add_resume and resume_level(self.current_argv) is None:
                self.current_argv = with_resume(self.current_argv)
            delay = backoff_s(number, self.settings.backoff_s, self.settings.backoff_max_s)
            self.status = "waiting"
            self._save(force=True, retry_in_s=delay)
            self._observer.on_wait(delay)
            self._wait(delay)
            if self.stop_signal is not None:
                self.status = "interrupted"
                self.outcome_detail = f"stopped by {signal_name(self.stop_signal)} while waiting to retry"
                self.diagnosis = stopped_diagnosis(
                    self.stop_signal, is_ascp(self.settings.argv)
                )  # the attempts keep the failure before it
                break
        self.ended_utc = utc_now_iso()
        self._save(force=True)
        return self.status

    def _one_attempt(self, number: int) -> Attempt:
        argv = self.current_argv
        started_utc, started_s = utc_now_iso(), self._clock()
        self.progress = RunProgress(last_change_s=started_s, last_change_utc=started_utc)
        files = _Files()
        self._lines.clear()
        self.status = "running"
        self._observer.on_start(number, redact_argv(argv, self._secrets))
        child = self._child = self._launch(argv)
        self.child_pid = child.pid
        self._save(force=True)
        stalled = False
        stalls = 0
        stop_sent_s: float | None = None
        while True:
            for stream, line in child.read(0.5):
                self._line(stream, line, files)
            now = self._clock()
            returncode = child.poll()
            if returncode is not None:
                # drain what is left
                for stream, line in child.read(0.0):
                    self._line(stream, line, files)
                break
            if self.stop_signal is not None:
                if stop_sent_s is None:
                    stop_sent_s = now
                elif now - stop_sent_s > self.settings.stop_grace_s:
                    child.send_signal(signal.SIGKILL)
            self.progress.stalled_for_s = round(now - self.progress.last_change_s, 1)
            if stalled and self.progress.stalled_for_s < self.settings.stall_after_s:
                stalled, self.status = False, "running"  # progress came back
            elif not stalled and self.progress.stalled_for_s >= self.settings.stall_after_s:
                stalled, stalls = True, stalls + 1
                self.stalls += 1
                self.status = "stalled"
                self._save(force=True)
                self._observer.on_stall(self.progress, self.progress.stalled_for_s)
            self._save()
        self._child = None
        ended_utc = utc_now_iso()
        return self._decide(number, argv, started_utc, ended_utc, self._clock() - started_s, returncode, stalls)

    def _line(self, stream: str, line: str, files: _Files) -> None:
        line = scrub_values(line, self._secrets)
        self._lines.append((stream, line))
        progress = parse_progress(line)
        if progress is None:
            self._observer.on_line(stream, line)
            if line.strip():
                self.tail.append(line.strip()[:300])
            return
        p = self.progress
        changed = (progress.file, progress.bytes, progress.percent) != (p.file, p.file_bytes, p.file_percent)
        p.file, p.file_percent, p.file_bytes = progress.file, progress.percent, progress.bytes
        p.rate_mbps, p.eta = progress.rate_mbps, (progress.time_text if not progress.finished else None)
        if progress.bytes is not None:
            files.bytes_by_file[progress.file] = progress.bytes
        if progress.finished or progress.percent >= 100:
            files.finished.add(progress.file)
        p.bytes_done = sum(files.bytes_by_file.values())
        p.files_seen, p.files_finished = len(files.bytes_by_file), len(files.finished)
        if changed:
            p.last_change_s, p.last_change_utc = self._clock(), utc_now_iso()
            p.stalled_for_s = 0.0
        self._observer.on_progress(p)

    def _decide(
        self,
        number: int,
        argv: tuple[str, ...],
        started_utc: str,
        ended_utc: str,
        duration_s: float,
        returncode: int,
        stalls: int,
    ) -> Attempt:
        stdout = "\n".join(line for stream, line in self._lines if stream == "stdout")
        stderr = "\n".join(line for stream, line in self._lines if stream == "stderr")
        errors = parse_errors(stdout, stderr)
        code = next((e.code for e in reversed(errors) if e.code is not None), None)
        message = errors[-1].message if errors else None
        entry = describe(code)
        by_signal = signal_name(-returncode) if returncode < 0 else None
        # After a stop the user (or the system) asked for, the output's failure is that stop, not a cause to
        # guess at: ascp's last words then look like an unknown failure (issue #16).
        self.diagnosis = (
            stopped_diagnosis(self.stop_signal, is_ascp(self.settings.argv))
            if self.stop_signal is not None
            else _diagnose(stdout, stderr, returncode)
        )
        summary = parse_summary(stdout)
        bytes_done = max(self.progress.bytes_done, summary.bytes if summary else 0)
        if self.stop_signal is not None:
            how = by_signal or f"exit status {returncode}"
            decision = "interrupted"
            detail = f"{signal_name(self.stop_signal)} passed on to the command, which ended ({how})"
        elif returncode == 0:
            decision, detail = "success", "the command completed"
        else:
            what = f"FASP error {code} {entry.name}" if entry else (f"'{message}'" if message else by_signal or "")
            what = what or f"exit status {returncode}"
            if entry is None or not entry.retryable:
                reason = "it is not in the retryable part of the FASP error table" if entry else "the cause is unknown"
                decision, detail = "not-retryable", f"failed with {what}; not retried: {reason}"
            elif number > self.settings.retries:
                decision = "retries-exhausted"
                detail = f"failed with {what} after {number} attempt(s); --retries {self.settings.retries} used up"
            else:
                decision, detail = "retry", f"failed with {what}, which a retry can help"
        return Attempt(
            number=number,
            command=tuple(redact_argv(argv, self._secrets)),
            started_utc=started_utc,
            ended_utc=ended_utc,
            duration_s=round(duration_s, 3),
            exit_status=returncode,
            ended_by_signal=by_signal,
            fasp_code=code,
            fasp_name=entry.name if entry else None,
            message=message,
            retryable=bool(entry and entry.retryable),
            stalls=stalls,
            bytes_done=bytes_done,
            bytes_transferred=summary.bytes if summary else None,
            decision=decision,
            detail=detail,
        )

    # -- state ------------------------------------------------------------------------------------
    def state(self, retry_in_s: float | None = None) -> dict[str, Any]:
        """The state file's content: everything ``aspdiag status`` shows."""
        return {
            "format": STATE_FORMAT,
            "version": STATE_VERSION,
            "tool_version": __version__,
            "supervisor_pid": os.getpid(),
            "child_pid": self.child_pid,
            "hostname": os.uname().nodename,
            "started_utc": self.started_utc,
            "updated_utc": utc_now_iso(),
            "ended_utc": self.ended_utc,
            "status": self.status,
            "outcome": self.outcome_detail or None,
            "stop_signal": signal_name(self.stop_signal) if self.stop_signal is not None else None,
            "command": redact_argv(self.settings.argv, self._secrets),
            "current_command": redact_argv(self.current_argv, self._secrets),
            "attempt": len(self.attempts) + (0 if self.ended_utc or self.status == "waiting" else 1),
            "max_attempts": self.settings.retries + 1,
            "retry_in_s": retry_in_s,
            "stall_after_s": self.settings.stall_after_s,
            "stalls": self.stalls,
            "progress": {k: v for k, v in asdict(self.progress).items() if k != "last_change_s"},
            "attempts": [asdict(a) for a in self.attempts],
            "diagnosis": self.diagnosis,
            "last_lines": list(self.tail),
        }

    def _save(self, *, force: bool = False, retry_in_s: float | None = None) -> None:
        now = self._clock()
        if force or now - self._last_write >= 1.0:
            self._last_write = now
            self._write_state(self.state(retry_in_s))


def stopped_diagnosis(signum: int, ascp: bool = True) -> dict[str, Any]:
    """The diagnosis of a run stopped on request: who stopped it, and how to go on (``ascp``: the command is
    ascp, whose resume option aspdiag adds; other commands resume as they do, if at all)."""
    who = "you pressed Ctrl-C" if signum == signal.SIGINT else f"aspdiag received {signal_name(signum)}"
    again = "run the same 'aspdiag run' command again to go on"
    return {
        "outcome": "interrupted",
        "error_code": None,
        "error_message": None,
        "cause": f"stopped on request: {who} and aspdiag passed {signal_name(signum)} on to the command; "
        "this is not a transfer failure",
        "confidence": "high",
        "next_step": again + " (ascp resumes with -k 1, which aspdiag adds when your command sets no -k)"
        if ascp
        else again + " (aspdiag adds no resume option to a command that is not ascp)",
        "who": "you",
        "check_command": None,
    }


def _diagnose(stdout: str, stderr: str, returncode: int) -> dict[str, Any] | None:
    """The explain diagnosis of one attempt's output (same knowledge base as ``aspdiag explain``)."""
    from aspdiag.tools.explain.analyze import Analyzer

    analyzer = Analyzer()
    for text in (stderr, stdout):
        for line in text.replace("\r", "\n").splitlines():
            analyzer.feed("ascp", line)
    if analyzer.ascp_lines == 0:
        return None  # not ascp output (--any-command): nothing to explain
    analyzer.feed("ascp", f"ascp exit status {returncode}")
    results = analyzer.results()
    if not results:
        return None
    found = results[-1]
    return {
        "outcome": found.outcome,
        "error_code": found.error_code,
        "error_message": found.error_message or None,
        "cause": found.cause,
        "confidence": found.confidence,
        "next_step": found.next_step,
        "who": found.who,
        "check_command": found.check_command,
    }


def read_state(text: str) -> dict[str, Any]:
    """Parse a state file's text; ValueError with a one-line reason when it is not one this version reads."""
    import json

    try:
        data = json.loads(text)
    except ValueError as exc:
        raise ValueError(f"not JSON ({exc})") from None
    if not isinstance(data, dict) or data.get("format") != STATE_FORMAT:
        raise ValueError("not an aspdiag run state file")
    if data.get("version") != STATE_VERSION:
        raise ValueError(
            f"state file format version {data.get('version')!r} (written by aspdiag {data.get('tool_version', '?')}); "
            f"this aspdiag {__version__} reads version {STATE_VERSION}"
        )
    return data
