"""The ``aspdiag run`` and ``aspdiag status`` commands (thin: the work is in :mod:`aspdiag.supervise`)."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path
from typing import Annotated, Any

import typer

from aspdiag.cli.output import (
    Destination,
    ForceOption,
    FormatOption,
    NoColorOption,
    OutputOption,
    QuietOption,
    destination,
)
from aspdiag.core.config import MAX_DURATION_S, validate_range
from aspdiag.core.errors import ConfigError, ToolFailedError, ToolNotFoundError
from aspdiag.core.exit_codes import ExitCode
from aspdiag.render import OutputFormat
from aspdiag.report.files import DEFAULT_REPORTS_DIR


def run_command(
    command: Annotated[
        list[str] | None,
        typer.Argument(metavar="-- COMMAND...", help="Your ascp command, after '--', exactly as you would run it."),
    ] = None,
    retries: Annotated[
        int, typer.Option("--retries", metavar="N", help="Retry a retryable FASP error up to N times.")
    ] = 3,
    backoff: Annotated[
        float,
        typer.Option(
            "--backoff", metavar="SECONDS", help="Wait before the first retry; doubles each time (max 15 min)."
        ),
    ] = 30.0,
    stall_after: Annotated[
        float, typer.Option("--stall-after", metavar="SECONDS", help="Alert when no progress for this long.")
    ] = 300.0,
    on_stall: Annotated[
        str | None, typer.Option("--on-stall", metavar="CMD", help="Shell command run at each stall.")
    ] = None,
    on_done: Annotated[
        str | None, typer.Option("--on-done", metavar="CMD", help="Shell command run when the run ends, any outcome.")
    ] = None,
    state_file: Annotated[
        Path | None,
        typer.Option("--state-file", metavar="FILE", help="Where to keep the state (default: a new file in reports/)."),
    ] = None,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", metavar="DIR", help="Directory for the state file.")
    ] = None,
    any_command: Annotated[
        bool, typer.Option("--any-command", help="Supervise a command that is not ascp (no -k is added).")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Only what went wrong on stderr: stalls, failed attempts, a failed outcome."
        ),
    ] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Run your own ascp command under supervision: progress, stall alerts, retries with resume, a state file.

    Example: `aspdiag run --on-done 'mail -s "$ASPDIAG_OUTCOME" me@example.org < /dev/null' -- ascp -P 33001
    -k 1 user@host:/data ./data`. The command is run as given (credentials stay in the environment, e.g.
    ASPERA_SCP_PASS). A retryable FASP error (connection lost, timeouts, stalled) is retried after a doubling
    wait, with `-k 1` added when the command sets no resume level; auth, no-such-file, licence and unknown
    errors are not retried. `aspdiag status` reads the state file from another terminal. Ctrl-C or SIGTERM is
    passed on to ascp and recorded. At the end the output is explained as by `aspdiag explain`. A bare `ascp`
    is the one 'aspdiag ascp' lists first (also Aspera Connect's per-user copy, which is not on PATH).

    The command's output and the live progress line go to stderr; stdout (or --output) gets the outcome at
    the end (--format json: the state file's JSON, schema 'aspdiag schema run-state').

    Notification commands get ASPDIAG_EVENT (stall/done), ASPDIAG_OUTCOME (succeeded/failed/interrupted),
    ASPDIAG_DETAIL, ASPDIAG_ATTEMPTS, ASPDIAG_EXIT_STATUS, ASPDIAG_FASP_CODE, ASPDIAG_FASP_NAME, ASPDIAG_BYTES,
    ASPDIAG_FILE, ASPDIAG_RATE_MBPS, ASPDIAG_STALLED_S, ASPDIAG_CAUSE, ASPDIAG_NEXT_STEP, ASPDIAG_STATE_FILE.
    """
    from rich.console import Console

    from aspdiag.adapters.notify import notify
    from aspdiag.adapters.process import SupervisedChild
    from aspdiag.fasp.secrets import SECRET_VARIABLES
    from aspdiag.report.files import StateFile, prepare_reports_dir, run_state_path
    from aspdiag.tools.supervise.supervisor import RunProgress, RunSettings, Supervisor, is_ascp, redact_argv
    from aspdiag.ui.run_view import RunView

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="run")
    argv = list(command or [])
    if not argv:
        raise ConfigError("no command to run", "put your ascp command after '--': aspdiag run -- ascp ...")
    if not any_command and not is_ascp(argv):
        raise ConfigError(
            f"{argv[0]!r} is not ascp; aspdiag run supervises ascp commands",
            "add --any-command to supervise another program (no resume option is added to it)",
        )
    validate_range("--retries", retries, 0, 100)
    validate_range("--backoff", backoff, 0, 86400)
    validate_range("--stall-after", stall_after, 0.5, MAX_DURATION_S)
    if "-W" in argv or any(a.startswith("-W") and len(a) > 2 for a in argv[1:]):
        print(
            "aspdiag: warning: -W puts a token on the command line, where any user can read it (ps); "
            "use ASPERA_SCP_TOKEN instead. aspdiag keeps it out of its state file and output.",
            file=sys.stderr,
        )
    argv = resolve_program(argv)
    if state_file is None:
        reports_hint = "use --reports-dir DIR, or --state-file FILE"
        path = run_state_path(prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR), hint=reports_hint))
    else:
        if not state_file.parent.is_dir():
            raise ConfigError(f"--state-file directory {str(state_file.parent)!r} does not exist", "create it first")
        path = state_file
    secrets = [os.environ[name] for name in SECRET_VARIABLES if os.environ.get(name)]
    states = StateFile(path, numbered=state_file is None)
    path = states.path
    shown_command = " ".join(redact_argv(argv, secrets))
    err = Console(stderr=True, no_color=no_color or bool(os.environ.get("NO_COLOR")), highlight=False, soft_wrap=True)
    supervisor: Supervisor | None = None

    def stall_hook(state: RunProgress, stalled_s: float) -> None:
        if on_stall:
            notify(
                on_stall,
                "stall",
                {
                    "ASPDIAG_EVENT": "stall",
                    "ASPDIAG_STALLED_S": f"{stalled_s:.0f}",
                    "ASPDIAG_BYTES": str(state.bytes_done),
                    "ASPDIAG_FILE": state.file or "",
                    "ASPDIAG_RATE_MBPS": f"{state.rate_mbps or 0.0:.3f}",
                    "ASPDIAG_ATTEMPT": str(len(supervisor.attempts) + 1 if supervisor else 1),
                    "ASPDIAG_COMMAND": shown_command,
                    "ASPDIAG_STATE_FILE": str(path.resolve()),
                },
            )

    def launch(args: Any) -> SupervisedChild:
        try:
            return SupervisedChild(args)
        except ToolNotFoundError as exc:
            raise ConfigError(str(exc), "give the full path of the program") from None

    def interruptible_wait(seconds: float) -> None:
        end = time.monotonic() + seconds
        while supervisor is not None and supervisor.stop_signal is None and time.monotonic() < end:
            time.sleep(min(0.2, max(0.0, end - time.monotonic())))

    settings = RunSettings(
        argv=tuple(argv),
        retries=retries,
        backoff_s=backoff,
        stall_after_s=stall_after,
        add_resume=is_ascp(argv),
    )
    if not quiet:
        err.print(f"aspdiag: state file: {path}", markup=False)
    with RunView(err, live=err.is_terminal, quiet=quiet, on_stall=stall_hook if on_stall else None) as view:
        supervisor = Supervisor(
            settings,
            launch,
            clock=time.monotonic,
            wait=interruptible_wait,
            observer=view,
            write_state=states.write,
            secrets=secrets,
        )
        handler = lambda signum, frame: supervisor.request_stop(signum)  # noqa: E731
        previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            status = supervisor.run()
        except (ToolFailedError, ConfigError):
            supervisor.status = "failed"
            supervisor.ended_utc = supervisor.ended_utc or supervisor.started_utc
            states.write(supervisor.state())
            raise
        finally:
            for sig, old in previous.items():
                signal.signal(sig, old)
    last = supervisor.attempts[-1] if supervisor.attempts else None
    diagnosis = supervisor.diagnosis or {}
    total = sum(a.bytes_done for a in supervisor.attempts)
    _outcome(dest, err, supervisor.state(), path, quiet=quiet)
    if on_done:
        notify(
            on_done,
            "done",
            {
                "ASPDIAG_EVENT": "done",
                "ASPDIAG_OUTCOME": status,
                "ASPDIAG_DETAIL": supervisor.outcome_detail,
                "ASPDIAG_ATTEMPTS": str(len(supervisor.attempts)),
                "ASPDIAG_EXIT_STATUS": "" if last is None or last.exit_status is None else str(last.exit_status),
                "ASPDIAG_SIGNAL": "" if supervisor.stop_signal is None else signal.Signals(supervisor.stop_signal).name,
                "ASPDIAG_FASP_CODE": "" if last is None or last.fasp_code is None else str(last.fasp_code),
                "ASPDIAG_FASP_NAME": (last.fasp_name or "") if last else "",
                "ASPDIAG_BYTES": str(total),
                "ASPDIAG_FILE": supervisor.progress.file or "",
                "ASPDIAG_RATE_MBPS": f"{supervisor.progress.rate_mbps or 0.0:.3f}",
                "ASPDIAG_CAUSE": str(diagnosis.get("cause") or ""),
                "ASPDIAG_NEXT_STEP": str(diagnosis.get("next_step") or ""),
                "ASPDIAG_COMMAND": shown_command,
                "ASPDIAG_STATE_FILE": str(path.resolve()),
            },
        )
    code = {"succeeded": ExitCode.READY, "interrupted": ExitCode.INTERRUPTED}.get(status, ExitCode.FINDINGS)
    raise typer.Exit(int(code))


def resolve_program(argv: list[str]) -> list[str]:
    """``argv`` with its program found: a path as given, a name on PATH as the shell finds it, and a bare
    ``ascp``/``ascp4`` that is not on PATH through the same discovery as 'aspdiag ascp'."""
    import shutil

    from aspdiag.tools.supervise.supervisor import is_ascp

    program = argv[0]
    if os.sep in program:
        if not (os.path.isfile(program) and os.access(program, os.X_OK)):
            raise ConfigError(f"{program}: not an executable file", "give the path of the program")
        return argv
    if shutil.which(program) is not None:
        return argv
    if is_ascp([program]):
        from aspdiag.compose import ascp_for_command

        found = ascp_for_command(program)
        if found is not None:
            print(f"aspdiag: {program} is not on PATH; using {found.path} ({found.origin})", file=sys.stderr)
            return [found.path, *argv[1:]]
        raise ConfigError(
            f"{program}: not found on PATH nor in the known install locations",
            "install IBM Aspera Connect or the Transfer SDK, or give the full path ('aspdiag ascp' shows where "
            "aspdiag looks)",
        )
    raise ConfigError(f"{program}: command not found or not executable", "give the full path of the program")


def _outcome(dest: Destination, err: Any, state: dict[str, Any], path: Path, *, quiet: bool) -> None:
    """How the run ended: the document (stdout or --output) and, when that is not already on the terminal,
    the same in a few lines on stderr."""
    from aspdiag.render.document import render_document
    from aspdiag.render.views import run_state_document

    text, _ = describe_state(state)
    succeeded = state.get("status") == "succeeded"
    if (dest.path is not None or dest.format is not OutputFormat.TERMINAL) and not (quiet and succeeded):
        diagnosis = state.get("diagnosis") or {}
        err.print(
            f"aspdiag: {state.get('status')} after {len(state.get('attempts') or [])} attempt(s): "
            f"{state.get('outcome')}",
            markup=False,
        )
        if state.get("status") != "succeeded" and diagnosis:
            err.print(f"  diagnosis: {diagnosis.get('cause')} (confidence {diagnosis.get('confidence')})", markup=False)
            err.print(f"  next step: {diagnosis.get('next_step')} (who: {diagnosis.get('who')})", markup=False)
        err.print(f"  state: {path}", markup=False)
    doc = run_state_document(state, text.splitlines(), str(path))
    dest.write(render_document(doc, dest.format, color=dest.color, width=dest.width))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def complete_state_files(incomplete: str) -> list[str]:
    """Shell completion of a state file: ``run-*.state.json`` in reports/ and under what was typed."""
    from aspdiag.cli.completion import complete_files

    return complete_files(incomplete, (".state.json",), default_dir=DEFAULT_REPORTS_DIR)


def _latest_state(directory: Path) -> Path:
    candidates = (
        sorted(directory.glob("run-*.state.json"), key=lambda p: p.stat().st_mtime) if directory.is_dir() else []
    )
    if not candidates:
        raise ConfigError(
            f"no run state file in {str(directory)!r}", "give the state file 'aspdiag run' printed when it started"
        )
    return candidates[-1]


def describe_state(data: dict[str, Any], *, now_utc: float | None = None, same_host: bool = True) -> tuple[str, bool]:
    """Human lines for a state file, and whether it is healthy (running, waiting, succeeded)."""
    from datetime import datetime

    status = data.get("status")
    lines = [f"status: {status}" + (f" ({data['outcome']})" if data.get("outcome") else "")]
    lines.append(f"command: {' '.join(data.get('current_command') or data.get('command') or [])}")
    lines.append(
        f"attempt {data.get('attempt')} of at most {data.get('max_attempts')}; started {data.get('started_utc')}"
    )
    progress = data.get("progress") or {}
    if progress.get("file"):
        rate = progress.get("rate_mbps")
        lines.append(
            f"progress: {progress.get('file')} {progress.get('file_percent')}%, {progress.get('bytes_done')} bytes in "
            f"{progress.get('files_seen')} file(s)"
            + (f", {rate:.1f} Mbit/s" if isinstance(rate, int | float) else "")
            + (f", ETA {progress['eta'].removesuffix(' ETA')}" if progress.get("eta") else "")
        )
    if data.get("stalls"):
        lines.append(f"stalls: {data['stalls']} (no progress for {data.get('stall_after_s')} s or more)")
    for attempt in data.get("attempts") or []:
        how = attempt.get("ended_by_signal") or f"exit status {attempt.get('exit_status')}"
        lines.append(f"attempt {attempt.get('number')}: {how}; {attempt.get('detail')}")
    diagnosis = data.get("diagnosis") or {}
    if status not in ("succeeded", "running", "waiting", "starting") and diagnosis:
        lines.append(f"diagnosis: {diagnosis.get('cause')}; next: {diagnosis.get('next_step')}")
    healthy = status in ("running", "waiting", "starting", "succeeded")
    if status in ("running", "waiting", "starting", "stalled"):
        pid = data.get("supervisor_pid")
        if same_host and isinstance(pid, int) and not _alive(pid):
            updated = data.get("updated_utc", "?")
            lines.append(f"warning: the supervising aspdiag (pid {pid}) is gone; last update {updated}")
            healthy = False
        else:
            try:
                stamp = datetime.fromisoformat(str(data.get("updated_utc")).replace("Z", "+00:00")).timestamp()
                age = (now_utc if now_utc is not None else time.time()) - stamp
                lines.append(f"last update {age:.0f} s ago")
            except ValueError:
                pass
    return "\n".join(lines), healthy


def status_command(
    state_file: Annotated[
        Path | None,
        typer.Argument(
            metavar="[STATE_FILE]",
            help="A state file of 'aspdiag run' (default: the newest in reports/).",
            autocompletion=complete_state_files,
        ),
    ] = None,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", metavar="DIR", help="Where to look for the newest state file.")
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
    as_json: Annotated[bool, typer.Option("--json", hidden=True, help="Deprecated: --format json.")] = False,
) -> None:
    """Show the state of an 'aspdiag run' (from any terminal): progress, attempts, how it ended.

    --format json prints the state file's JSON (schema: 'aspdiag schema run-state').
    """
    from aspdiag.render.document import render_document
    from aspdiag.render.views import run_state_document
    from aspdiag.tools.supervise.supervisor import read_state

    if as_json:
        if output_format not in (None, OutputFormat.JSON):
            raise ConfigError("--json and --format disagree", "use --format json (--json is its old name)")
        output_format = OutputFormat.JSON
    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="status")
    path = state_file or _latest_state(reports_dir or Path(DEFAULT_REPORTS_DIR))
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError(
            f"no such state file: {path}", "give a state file that 'aspdiag run' wrote (reports/run-*.state.json)"
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(
            f"{path} is not a state file (not UTF-8 text)",
            "give a state file that 'aspdiag run' wrote (reports/run-*.state.json)",
        ) from None
    except OSError as exc:
        raise ConfigError(
            f"cannot read {path}: {exc.strerror or exc}",
            "give a state file that 'aspdiag run' wrote (reports/run-*.state.json)",
        ) from None
    try:
        data = read_state(text)
    except ValueError as exc:
        raise ConfigError(f"{path}: {exc}", "give a state file written by this version of aspdiag run") from None
    text_out, healthy = describe_state(data, same_host=data.get("hostname") == os.uname().nodename)
    doc = run_state_document(data, text_out.splitlines(), str(path))
    dest.write(render_document(doc, dest.format, color=dest.color, width=dest.width))
    raise typer.Exit(int(ExitCode.READY if healthy else ExitCode.FINDINGS))
