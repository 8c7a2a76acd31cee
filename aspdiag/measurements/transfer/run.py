"""The capped test transfer: build the ascp command line, run it under hard caps, read what it says.

Credentials never touch the command line: ascp reads ASPERA_SCP_PASS / ASPERA_SCP_TOKEN from the
environment it inherits, or a key file given with -i. The download lands in a fresh temporary directory
(with ascp's -L log directory) that is always removed; an upload sends generated data (``faux:///``)
under a unique name, so nothing that exists is ever overwritten.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import ClassVar

from aspdiag.core.codec import Port, at
from aspdiag.core.errors import AspdiagError, ConfigError
from aspdiag.fasp.errors import describe
from aspdiag.fasp.parse import LogSession, parse_errors, parse_log, parse_progress, parse_summary
from aspdiag.fasp.secrets import SECRET_VARIABLES, scrub_values
from aspdiag.measurements.transfer.port import Runner

MAX_LOG_BYTES = 4 * 1024 * 1024
_WORKDIRS: set[Path] = set()
"""Temporary directories of transfers still running; removed at exit whatever happens (Ctrl-C, SIGTERM)."""


def remove_workdirs() -> None:
    """Remove every temporary transfer directory this process created and has not removed yet. The caller
    stops ascp first (it may still be writing into them); at exit the process runner's own handler, which
    is registered later, runs earlier."""
    for path in list(_WORKDIRS):
        shutil.rmtree(path, ignore_errors=True)
        _WORKDIRS.discard(path)


atexit.register(remove_workdirs)
_SAFE_PATH = re.compile(r"^[^\-;|&$`<>\\\n\r\t*?!{}()'\"][^;|&$`<>\\\n\r\t*?!{}()'\"]*$")
_SAFE_USER = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9._-]{0,63}$")


class Direction(StrEnum):
    """Which way the test transfer goes."""

    DOWNLOAD = "download"
    UPLOAD = "upload"


@dataclass(frozen=True)
class TransferRequest:
    """A validated test transfer."""

    ascp: str
    host: str
    user: str
    direction: Direction
    remote_path: str
    """The remote test file (download) or the remote folder to upload into."""
    ssh_port: int
    udp_port: int
    rate_mbps: float
    time_limit_s: float
    max_bytes: int
    key_file: str | None = None
    encrypt: bool = True


def validate_remote_path(path: str, option: str) -> str:
    """A remote path that cannot be mistaken for an option or expand in the remote shell."""
    if not path or not _SAFE_PATH.match(path):
        raise ConfigError(
            f"{option} {path!r} is empty, starts with '-' or contains shell metacharacters",
            "give a plain remote path such as /aspera-test/10MB.bin",
        )
    return path


def validate_user(user: str) -> str:
    """A remote user name that cannot be mistaken for an option."""
    if not _SAFE_USER.match(user):
        raise ConfigError(f"--user {user!r} is not a valid user name", "letters, digits, '.', '_' and '-' only")
    return user


def build_argv(request: TransferRequest, dest_dir: str, log_dir: str, upload_name: str) -> list[str]:
    """The ascp argv (pure). No secret is ever part of it."""
    argv = [
        request.ascp,
        "-P",
        str(request.ssh_port),
        "-O",
        str(request.udp_port),
        "-l",
        f"{request.rate_mbps:g}m",
        "-L",
        log_dir,
        "-k",
        "0",
        "--policy=fair",
    ]
    if not request.encrypt:
        argv.append("-T")
    if request.key_file:
        argv += ["-i", request.key_file]
    if ":" in request.host:
        argv.append("-6")
    if request.direction is Direction.DOWNLOAD:
        argv += [
            "-@",
            f"0:{request.max_bytes}",
            "--mode=recv",
            f"--host={request.host}",
            f"--user={request.user}",
            request.remote_path,
            dest_dir,
        ]
    else:
        argv += [
            "--mode=send",
            f"--host={request.host}",
            f"--user={request.user}",
            f"faux:///{upload_name}?{request.max_bytes}",
            request.remote_path,
        ]
    return argv


class TransferOutcome(StrEnum):
    """How the test transfer ended."""

    SUCCESS = "success"
    FAILED = "failed"
    TIMED_OUT = "timed_out"
    """Stopped at the wall-time cap (ascp hung, stalled, or the cap was too short)."""
    ERROR = "error"
    """Could not run ascp at all."""


@dataclass(frozen=True)
class TransferResult:
    """What the test transfer did."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"rate_mbps": "rate_mbps"}

    outcome: TransferOutcome
    direction: Direction
    command: str
    """The command line as run (no secrets are ever on it)."""
    target_rate_mbps: float
    time_limit_s: float
    ssh_port: Port | None = None
    """The TCP port ascp was told to use (-P)."""
    udp_port: Port | None = None
    """The UDP port ascp was told to use (-O)."""
    ipv6: bool = False
    """Whether ascp ran with -6 (else it uses IPv4 for a host name)."""
    exit_status: int | None = None
    bytes: int = 0
    duration_s: float = 0.0
    error_code: int | None = field(default=None, metadata=at("error.code"))
    error_message: str = field(default="", metadata=at("error.message"))
    error_meaning: str = field(default="", metadata=at("error.meaning"))
    retryable: bool | None = field(default=None, metadata=at("error.retryable"))
    check: str = field(default="", metadata=at("error.check"))
    reported_rate_mbps: float | None = None
    """The rate ascp itself reports in its summary."""
    last_progress: str = ""
    log_sessions: int = 0
    loss_pct: float | None = None
    rtt_ms: float | None = None
    """Round-trip time the log reports (Session Statistics ``delay``), when it does."""
    stderr_tail: str = ""
    stopped_by: str = ""
    """``time cap`` when the wall-time cap ended a transfer that was moving data at its target rate (a pass),
    ``byte cap`` when it ended at the byte cap; '' otherwise."""
    diagnosis: str = ""
    """What went wrong and where, in plain words, from ascp's error and the reachability evidence."""

    @property
    def rate_mbps(self) -> float | None:
        """Achieved rate in Mbit/s: ascp's own figure when it printed one, else bytes over duration."""
        if self.reported_rate_mbps is not None:
            return self.reported_rate_mbps
        return round(self.bytes * 8 / self.duration_s / 1e6, 3) if self.duration_s > 0 and self.bytes else None


CAPPED_PASS_SHARE = 0.5
"""A transfer stopped by its time cap passes when it averaged at least this share of its target rate over the
whole run (SSH login and FASP's ramp included, so a healthy one averages 70-90 %)."""


def moving_at_target(transferred: int, duration_s: float, target_mbps: float) -> bool:
    """Whether a transfer cut by its time cap was moving data at (about) its target rate (pure)."""
    if transferred <= 0 or duration_s <= 0:
        return False
    return transferred * 8 / duration_s / 1e6 >= CAPPED_PASS_SHARE * target_mbps


def _read_logs(log_dir: Path) -> list[LogSession]:
    lines: list[str] = []
    budget = MAX_LOG_BYTES
    for path in sorted(log_dir.glob("*.log")):
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read(budget)
        budget -= len(text)
        lines += text.splitlines()
        if budget <= 0:
            break
    return parse_log(lines)


def _scrub_secrets(text: str, env: Mapping[str, str]) -> str:
    return scrub_values(text, (env.get(name) for name in SECRET_VARIABLES))


def run_transfer(
    request: TransferRequest,
    runner: Runner,
    env: Mapping[str, str],
    on_line: Callable[[str, str], None] | None = None,
) -> TransferResult:
    """Run the capped transfer in a fresh temporary directory that is removed afterwards."""
    try:
        workdir = Path(tempfile.mkdtemp(prefix="aspdiag-transfer-"))
        _WORKDIRS.add(workdir)
    except OSError as exc:
        return TransferResult(
            TransferOutcome.ERROR,
            request.direction,
            "",
            request.rate_mbps,
            request.time_limit_s,
            error_message=f"cannot create a temporary directory: {exc.strerror or exc}",
        )
    try:
        dest, logs = workdir / "data", workdir / "logs"
        dest.mkdir()
        logs.mkdir()
        argv = build_argv(request, str(dest), str(logs), f"aspdiag-test-{uuid.uuid4().hex[:12]}")
        command = " ".join(argv)
        try:
            result = runner.run(argv, env=env, timeout_s=request.time_limit_s, cwd=str(workdir), on_line=on_line)
        except AspdiagError as exc:
            return TransferResult(
                TransferOutcome.ERROR,
                request.direction,
                command,
                request.rate_mbps,
                request.time_limit_s,
                error_message=str(exc),
            )
        # Whatever ascp echoes, a credential never goes further than this point.
        stdout, stderr = _scrub_secrets(result.stdout, env), _scrub_secrets(result.stderr, env)
        summary = parse_summary(stdout)
        errors = parse_errors(stdout, stderr)
        progress = [p for line in stdout.replace("\r", "\n").splitlines() if (p := parse_progress(line))]
        sessions = _read_logs(logs)
        received = (
            sum(f.stat().st_size for f in dest.rglob("*") if f.is_file())
            if request.direction is Direction.DOWNLOAD
            else 0
        )
        transferred = summary.bytes if summary is not None else received or (progress[-1].bytes or 0 if progress else 0)
        code = next((e.code for e in errors if e.code is not None), None)
        if code is None:
            code = next((s.errcode for s in sessions if s.errcode), None)
        entry = describe(code)
        loss = None
        for session in sessions:
            for item in session.files:
                if "loss" in item:
                    try:
                        loss = float(item["loss"])
                    except ValueError:
                        pass
        rtt = None
        for session in sessions:
            delay = session.statistics.get("delay", "")
            if delay.endswith("ms") and delay[:-2].replace(".", "", 1).isdigit():
                rtt = float(delay[:-2])
        duration = float(summary.seconds) if summary and summary.seconds else result.duration_s
        stopped_by = ""
        if result.timed_out:
            outcome = TransferOutcome.TIMED_OUT
            if moving_at_target(transferred, duration, request.rate_mbps) and not errors:
                # The time cap stopped a transfer that was doing what a real one does: a pass.
                outcome, stopped_by = TransferOutcome.SUCCESS, "time cap"
        elif result.returncode == 0 and not errors:
            outcome = TransferOutcome.SUCCESS
            stopped_by = "byte cap" if transferred >= 0.99 * request.max_bytes else ""
        else:
            outcome = TransferOutcome.FAILED
        return TransferResult(
            outcome=outcome,
            direction=request.direction,
            command=command,
            target_rate_mbps=request.rate_mbps,
            time_limit_s=request.time_limit_s,
            ssh_port=request.ssh_port,
            udp_port=request.udp_port,
            ipv6=":" in request.host,
            exit_status=result.returncode,
            bytes=transferred,
            duration_s=duration,
            stopped_by=stopped_by,
            reported_rate_mbps=summary.rate_mbps if summary else None,
            error_code=code,
            error_message=errors[0].message if errors else "",
            error_meaning=entry.message if entry else "",
            retryable=entry.retryable if entry else None,
            check=entry.check if entry else "",
            last_progress=progress[-1].file + f" {progress[-1].percent}%" if progress else "",
            log_sessions=len(sessions),
            loss_pct=loss,
            rtt_ms=rtt,
            stderr_tail=stderr[-2000:],
        )
    finally:
        shutil.rmtree(workdir, ignore_errors=True)  # our own temporary directory, always removed
        _WORKDIRS.discard(workdir)


def transfer_env(base: Mapping[str, str]) -> dict[str, str]:
    """The environment ascp runs with: ours (credentials stay in ASPERA_SCP_* variables, never on argv)."""
    return dict(base) if base else dict(os.environ)
