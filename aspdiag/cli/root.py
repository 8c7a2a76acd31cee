"""The ``aspdiag`` application: the typer app with every command registered, and ``main``, the only place
that maps exceptions to exit codes (bad input is one line and exit 2, never a traceback unless --debug)."""

from __future__ import annotations

import logging
import shutil
import signal
import sys
import threading
import traceback
from typing import Annotated

import typer

from aspdiag import __version__
from aspdiag.cli import catalog, check, explain, exporter, history, info, report, responder, run, watch
from aspdiag.cli.completion import completion_for, named_shell
from aspdiag.cli.exits import exit_codes_text
from aspdiag.core.errors import AspdiagError, ConfigError, Terminated
from aspdiag.core.exit_codes import ExitCode

logger = logging.getLogger("aspdiag")


def _click_class(name: str) -> type[Exception]:
    # typer >= 0.20 vendors click (typer._click); find its exception classes through a public one.
    return next(c for c in typer.BadParameter.__mro__ if c.__name__ == name)


_ClickException = _click_class("ClickException")
_UsageError = _click_class("UsageError")

app = typer.Typer(
    name="aspdiag",
    # Markdown: docstring paragraphs reflow to the terminal width instead of keeping the source's line breaks.
    rich_markup_mode="markdown",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=True,  # typer's --install-completion / --show-completion (bash, zsh, fish)
    pretty_exceptions_enable=False,
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"aspdiag {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Show the version and exit.",
            callback=_version_callback,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Will an IBM Aspera (FASP/ascp) transfer work from here, and if not, what must be opened?

    'aspdiag check HOST' runs the whole preflight: DNS, local routes, TCP 22/33001 (SSH control) and UDP 33001
    (FASP data) hop by hop, path (RTT, loss, MTU), bandwidth, ascp, and a capped test transfer when it can run.

    Every command speaks one grammar: --format terminal|json|markdown|html, -o FILE (the format from its
    suffix; '-' is stdout), --force, --quiet, --no-color (or NO_COLOR); stdout carries only the document.
    Each command's --help ends with its exit codes. Shell completion: --install-completion [bash|zsh|fish]
    (default: the shell you run it from), or --show-completion [bash|zsh|fish] to install it by hand.
    """


def _epilog(command: str) -> str:
    # --debug is taken off the line before typer parses it (it works anywhere, for every command), so typer
    # never lists it; say it here, where every --help ends.
    debug = "" if command == "check" else " --debug (anywhere on the line): log details and show tracebacks."
    return exit_codes_text(command) + "." + debug


app.command("check", epilog=_epilog("check"))(check.check_command)


@app.command(
    "transfer",
    context_settings={"allow_extra_args": True, "ignore_unknown_options": True},
    epilog=_epilog("transfer"),
)
def transfer_command(ctx: typer.Context) -> None:
    """Run 'aspdiag check HOST --transfer ...': reachability first, then a capped test transfer.

    Takes every option of 'aspdiag check' (see 'aspdiag check --help'): --remote-file PATH or --upload
    --to-folder DIR, --user, --key, --ascp, --rate, --max-rate, --time-limit, --max-bytes.
    """
    raise typer.Exit(main(["check", *ctx.args, "--transfer", *(["--debug"] if "--debug" in sys.argv else [])]))


app.command("explain", epilog=_epilog("explain"))(explain.explain_command)
app.command("ascp", epilog=_epilog("ascp"))(info.ascp_command)
app.command("schema", epilog=_epilog("schema"))(info.schema_command)
app.command("presets", epilog=_epilog("presets"))(info.list_presets)
app.command("catalog", epilog=_epilog("catalog"))(catalog.catalog_command)
app.command("watch", epilog=_epilog("watch"))(watch.watch_command)
app.command("run", context_settings={"allow_interspersed_args": False}, epilog=_epilog("run"))(run.run_command)
app.command("status", epilog=_epilog("status"))(run.status_command)
app.command("responder", epilog=_epilog("responder"))(responder.responder_command)
app.command("history", epilog=_epilog("history"))(history.history_command)
app.command("exporter", epilog=_epilog("exporter"))(exporter.exporter_command)

report_app = typer.Typer(
    help="Re-render or merge saved JSON reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
report_app.command("render", epilog=_epilog("report render"))(report.report_render)
report_app.command("merge", epilog=_epilog("report merge"))(report.report_merge)
app.add_typer(report_app, name="report")


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends a run like Ctrl-C, but named: what was measured is written, children are stopped, and
    the report and the exit status (143) say SIGTERM."""
    # Once: timeout(1), systemd and a shell's job control signal the process and then its group, so a second
    # SIGTERM follows the first by microseconds; raised again it would land in the code that writes the
    # reports of the first and lose them (a review: 3 of 8 runs under 'timeout -s TERM' wrote nothing, exit 130).
    signal.signal(signal.SIGTERM, _ending)
    raise Terminated


def _ending(signum: int, frame: object) -> None:
    """SIGTERM again while the run is already ending on the first: the run is stopping anyway (SIGKILL still
    ends it at once)."""
    logging.getLogger("aspdiag").debug("SIGTERM again while ending the run: ignored")


def _stop_children() -> None:
    """Stop any ascp still running and remove its temporary directory (after Ctrl-C, the engine returns
    while the transfer's thread is still waiting on it)."""
    if "aspdiag.adapters.process" in sys.modules:
        from aspdiag.adapters.process import stop_all

        stop_all()  # ascp first: it may still be writing into its directory
    if "aspdiag.measurements.transfer.run" in sys.modules:
        from aspdiag.measurements.transfer.run import remove_workdirs

        remove_workdirs()


def _quiet_thread_exception(args: threading.ExceptHookArgs) -> None:
    """An exception that escapes a library's own background thread (scapy's sender, for one, can hit a
    closed pipe when Ctrl-C ends its sniffer) is not a result: the engine gives every probe its own
    deadline and reports a probe that never answered. So it is logged for --debug, not printed as a
    traceback over the report."""
    name = args.thread.name if args.thread is not None else "?"
    logging.getLogger("aspdiag").debug(
        "background thread %s ended with %s: %s", name, args.exc_type.__name__, args.exc_value
    )


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _fail(message: str, hint: str, code: ExitCode) -> int:
    line = f"aspdiag: error: {_one_line(message)}"
    if hint:
        line += f" (hint: {_one_line(hint)})"
    print(line, file=sys.stderr)
    return int(code)


GENERIC_HINT = ConfigError.default_hint
RICH_HELP_MIN_COLUMNS = 100
"""Below this width, --help is click's plain text (the rich tables cut option names short)."""


def _command_path(args: list[str]) -> str:
    """'aspdiag report render' for the words of ``args`` that name (sub)commands."""
    command: object = typer.main.get_command(app)
    words = ["aspdiag"]
    for arg in args:
        subcommands = getattr(command, "commands", None)  # a group (typer vendors click: no isinstance here)
        sub = subcommands.get(arg) if isinstance(subcommands, dict) else None
        if sub is None:
            break
        words.append(arg)
        command = sub
    return " ".join(words)


def main(argv: list[str] | None = None) -> int:
    """Console-script entry point; returns the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args
    if debug:  # accepted by every command, anywhere on the line
        args = [a for a in args if a != "--debug"]
    logging.basicConfig(
        level=logging.DEBUG if debug else logging.WARNING,
        format="aspdiag: %(levelname)s: %(message)s",
    )
    if not debug:
        logging.getLogger("aspdiag").setLevel(logging.WARNING)
    in_main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main else None
    previous_hook = threading.excepthook
    if not debug:
        threading.excepthook = _quiet_thread_exception
    if {"--help", "-h"} & set(args) and shutil.get_terminal_size().columns < RICH_HELP_MIN_COLUMNS:
        # typer's rich help table cuts long option names and words to 'responder-key-…' below ~100 columns;
        # click's plain help wraps them whole (typer's own switch, the one TYPER_USE_RICH=0 sets).
        typer.core.HAS_RICH = False
    try:
        shell = named_shell(args)
        if shell is not None:
            print(completion_for(*shell))
            return int(ExitCode.READY)
        result = app(args=args, prog_name="aspdiag", standalone_mode=False)
        code = int(result) if isinstance(result, int) else 0
        if code == ExitCode.INTERRUPTED and signal.getsignal(signal.SIGTERM) is _ending:
            # typer turns a KeyboardInterrupt its command did not handle (SIGTERM's Terminated while the command
            # was still starting, before the engine) into a silent exit 130: on a loaded machine SIGTERM read as
            # Ctrl-C. _ending is in place exactly when a SIGTERM came.
            print("aspdiag: terminated (SIGTERM)", file=sys.stderr)
            return int(ExitCode.TERMINATED)
        return code
    except ConfigError as exc:
        if debug:
            traceback.print_exc()
        # The generic hint names the command that was run ('aspdiag status --help'), not always 'check'.
        hint = f"run '{_command_path(args)} --help' for the accepted forms" if exc.hint == GENERIC_HINT else exc.hint
        return _fail(str(exc), hint, ExitCode.USAGE)
    except _UsageError as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":
            return int(ExitCode.USAGE)  # typer has already printed the help
        if debug:
            traceback.print_exc()
        command = ctx.command_path if ctx is not None else "aspdiag"
        # typer's value coercion (pydantic) prefixes its messages with 'Value error, ': not the user's words.
        message = exc.format_message().replace("Value error, ", "")  # type: ignore[attr-defined]
        return _fail(message, f"run '{command} --help'", ExitCode.USAGE)
    except _ClickException as exc:
        if debug:
            traceback.print_exc()
        return _fail(exc.format_message(), "", ExitCode.USAGE)  # type: ignore[attr-defined]
    except Terminated:
        print("aspdiag: terminated (SIGTERM)", file=sys.stderr)
        return int(ExitCode.TERMINATED)
    except (typer.Abort, KeyboardInterrupt):
        print("aspdiag: interrupted (Ctrl-C)", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except AspdiagError as exc:
        if debug:
            traceback.print_exc()
        return _fail(str(exc), exc.hint, ExitCode.TOOL_ERROR)
    except SystemExit as exc:
        # typer's --install-completion / --show-completion and the completion requests of the shell's Tab key
        # end with sys.exit(); their status is ours.
        return exc.code if isinstance(exc.code, int) else 0
    except OSError as exc:
        if debug:
            traceback.print_exc()
        where = f" ({exc.filename})" if exc.filename else ""
        return _fail(
            f"aspdiag failed: {exc.strerror or 'system error'}{where}",
            "re-run with --debug for the details",
            ExitCode.TOOL_ERROR,
        )
    except Exception as exc:
        if debug:
            traceback.print_exc()
        return _fail(
            f"aspdiag failed unexpectedly: {exc}" if str(exc) else "aspdiag failed unexpectedly",
            "re-run with --debug and report the traceback",
            ExitCode.TOOL_ERROR,
        )
    finally:
        _stop_children()
        threading.excepthook = previous_hook
        # The process itself, already ending on a SIGTERM, keeps ignoring the group's second one: restored to
        # the default now, it killed the process on its way out (status -15 instead of 143 on a loaded machine).
        ending = argv is None and signal.getsignal(signal.SIGTERM) is _ending
        if previous is not None and not ending:
            signal.signal(signal.SIGTERM, previous)
