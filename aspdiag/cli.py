"""The typer command line: parse and validate options, run the engine, render, map to an exit code.

Everything here is a thin dispatcher; the work happens in ``engine`` and the renderers. ``main`` owns
all error handling: bad input is one line on stderr and exit 2, never a traceback unless ``--debug``.
"""

from __future__ import annotations

import json
import logging
import os
import shlex
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aspdiag import __version__
from aspdiag.config import (
    DEFAULT_TCP_PORTS,
    DEFAULT_UDP_PORTS,
    CheckConfig,
    TransferSettings,
    parse_size,
    validate_host,
    validate_max_hops,
    validate_method,
    validate_nameserver,
    validate_port,
    validate_ports,
    validate_range,
    validate_rule_days,
    validate_timeout,
)
from aspdiag.errors import AspdiagError, ConfigError, OutputError, PrivilegeError
from aspdiag.exit_codes import ExitCode, exit_code_for
from aspdiag.model import Report
from aspdiag.output import (
    DEFAULT_REPORTS_DIR,
    check_output,
    prepare_reports_dir,
    report_stem,
    write_output,
    write_report_set,
)
from aspdiag.presets import Preset, load_presets
from aspdiag.render import OutputFormat

if TYPE_CHECKING:
    from rich.progress import Progress

    from aspdiag.ascp.find import AscpInstallation
    from aspdiag.catalog import ScanProgress
    from aspdiag.explain.run import ExplainReport

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
    add_completion=False,
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

    Preflight checks: DNS, local routes, TCP 22/33001 (SSH control) and UDP 33001 (FASP data).

    Exit codes: 0 ready, 1 findings that block or degrade a transfer, 2 bad input, 3 tool error, 130 interrupted.
    """


def find_preset(host: str, extra: Path | None) -> Preset | None:
    """The preset a HOST argument names (a single word such as 'ena'), if any."""
    if "." in host or ":" in host or not host.strip():
        return None
    return load_presets(extra).get(host.strip().lower())


def _reproduce_command(config: CheckConfig) -> str:
    argv = ["aspdiag", "check", config.preset or config.target.raw]
    if config.tcp_ports != DEFAULT_TCP_PORTS:
        argv += ["--ssh-port", ",".join(map(str, config.tcp_ports))]
    if config.udp_ports != DEFAULT_UDP_PORTS:
        argv += ["--udp-port", ",".join(map(str, config.udp_ports))]
    if config.method != "auto":
        argv += ["--method", config.method]
    if config.max_hops != CheckConfig.max_hops:
        argv += ["--max-hops", str(config.max_hops)]
    if config.timeout_s != CheckConfig.timeout_s:
        argv += ["--timeout", f"{config.timeout_s:g}"]
    if config.dns_timeout_s != CheckConfig.dns_timeout_s:
        argv += ["--dns-timeout", f"{config.dns_timeout_s:g}"]
    for server in config.dns_servers:
        argv += ["--dns-server", server]
    if config.path and config.dataset_bytes is None:
        argv += ["--path"]
    if config.capacity and config.dataset_bytes is None:
        argv += ["--capacity"]
    if config.responder_port is not None:
        argv += ["--responder"]  # the key stays where it was: a file or the environment
        if config.responder_port != 33001:
            argv += ["--responder-port", str(config.responder_port)]
    if config.max_rate_mbps != CheckConfig.max_rate_mbps:
        argv += ["--max-rate", f"{config.max_rate_mbps:g}"]
    if config.dataset_bytes is not None:
        argv += ["--dataset-size", str(config.dataset_bytes)]
    return shlex.join(argv)


# Options several commands share, declared once so their names and help stay the same everywhere.
_OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", dir_okay=False, help="Write to FILE instead of stdout."),
]
_ForceOption = Annotated[bool, typer.Option("--force", help="Allow --output to replace an existing file.")]
_RedactOption = Annotated[bool, typer.Option("--redact", help="Replace internal addresses and host names.")]
_NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours.")]


def _use_color(no_color: bool, stream: IO[str]) -> bool:
    # https://no-color.org: only a non-empty NO_COLOR disables colour.
    return not no_color and not os.environ.get("NO_COLOR") and stream.isatty()


@app.command()
def check(
    host: Annotated[
        str,
        typer.Argument(
            metavar="HOST",
            help="Aspera server: host name, IPv4 address or IPv6 address (brackets optional).",
            show_default=False,
        ),
    ],
    ssh_port: Annotated[
        list[str] | None,
        typer.Option(
            "--ssh-port",
            metavar="PORT",
            help="TCP (SSH control) port to test; repeat or use commas. Default: 22 and 33001.",
        ),
    ] = None,
    udp_port: Annotated[
        list[str] | None,
        typer.Option(
            "--udp-port",
            metavar="PORT",
            help="UDP (FASP data) port to test; repeat or use commas. Default: 33001.",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option("--timeout", metavar="SECONDS", help="How long each port probe waits for an answer."),
    ] = 3.0,
    dns_timeout: Annotated[
        float,
        typer.Option("--dns-timeout", metavar="SECONDS", help="How long the DNS lookup may take."),
    ] = 5.0,
    dns_server: Annotated[
        list[str] | None,
        typer.Option(
            "--dns-server",
            metavar="ADDR[:PORT]",
            help="Ask this resolver instead of the system's (repeatable).",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="What to print (or write with --output). Default: terminal.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            dir_okay=False,
            help="Write the report to FILE (format from --format or the suffix .json/.md/.html/.txt; "
            "default JSON). Never overwrites unless --force.",
        ),
    ] = None,
    force: _ForceOption = False,
    reports_dir: Annotated[
        Path | None,
        typer.Option(
            "--reports-dir",
            metavar="DIR",
            file_okay=False,
            help=f"Where the HTML, Markdown and JSON reports go. Default: ./{DEFAULT_REPORTS_DIR}/",
        ),
    ] = None,
    no_reports: Annotated[
        bool, typer.Option("--no-reports", help="Do not write reports to the reports directory.")
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress display; print only the verdict line."),
    ] = False,
    method: Annotated[
        str,
        typer.Option(
            "--method",
            metavar="auto|raw|socket",
            help="Probe back-end: raw packets (scapy; root or CAP_NET_RAW) or unprivileged sockets. "
            "auto picks raw when allowed.",
        ),
    ] = "auto",
    max_hops: Annotated[
        int, typer.Option("--max-hops", metavar="N", help="Highest TTL for the hop-by-hop localisation (1-64).")
    ] = 16,
    rule_days: Annotated[
        int, typer.Option("--rule-days", metavar="DAYS", help="Suggested lifetime of the temporary firewall rules.")
    ] = 30,
    redact: Annotated[
        bool, typer.Option("--redact", help="Replace internal addresses and host names with tokens in every output.")
    ] = False,
    presets: Annotated[
        Path | None,
        typer.Option(
            "--presets", metavar="FILE", dir_okay=False, help="Extra preset file (TOML), see 'aspdiag presets'."
        ),
    ] = None,
    path: Annotated[
        bool, typer.Option("--path", help="Also measure RTT, jitter, loss and the path MTU toward UDP 33001.")
    ] = False,
    responder: Annotated[
        bool,
        typer.Option(
            "--responder",
            help="Also test against an 'aspdiag responder' running beside the server: two-way UDP/TCP answers "
            "on its port and a UDP throughput test up and down, capped by --max-rate. Key: "
            "--responder-key-file or ASPDIAG_RESPONDER_KEY.",
        ),
    ] = False,
    responder_port: Annotated[
        str, typer.Option("--responder-port", metavar="PORT", help="The responder's port (its --port).")
    ] = "33001",
    responder_key_file: Annotated[
        Path | None,
        typer.Option(
            "--responder-key-file",
            metavar="FILE",
            dir_okay=False,
            help="File with the responder's shared key (else ASPDIAG_RESPONDER_KEY; never on the command line).",
        ),
    ] = None,
    responder_seconds: Annotated[
        float,
        typer.Option("--responder-seconds", metavar="SECONDS", help="Length of each responder throughput test."),
    ] = 2.0,
    capacity: Annotated[
        bool,
        typer.Option(
            "--capacity",
            help="Also estimate the path's capacity (burst and sustained rate, shaper) with paced packet trains: "
            "at most 3 s and 4 MB per address, never faster than --max-rate. TCP resets as root, else ICMP.",
        ),
    ] = False,
    dataset_size: Annotated[
        str | None,
        typer.Option(
            "--dataset-size",
            metavar="SIZE",
            help="Estimate the transfer time of this much data, e.g. 2.3TB (implies --path and --capacity).",
        ),
    ] = None,
    transfer: Annotated[bool, typer.Option("--transfer", help="Also run a capped test transfer with ascp.")] = False,
    remote_file: Annotated[
        str | None, typer.Option("--remote-file", metavar="PATH", help="Test download of this remote file.")
    ] = None,
    upload: Annotated[bool, typer.Option("--upload", help="Test upload of generated data instead.")] = False,
    to_folder: Annotated[
        str | None, typer.Option("--to-folder", metavar="DIR", help="Remote folder for --upload.")
    ] = None,
    user: Annotated[str | None, typer.Option("--user", metavar="NAME", help="Transfer user (or the preset's).")] = None,
    key: Annotated[
        Path | None,
        typer.Option(
            "--key",
            "-i",
            metavar="FILE",
            dir_okay=False,
            help="SSH private key file for ascp (-i). Passwords/tokens go in "
            "ASPERA_SCP_PASS / ASPERA_SCP_TOKEN, never on the command line.",
        ),
    ] = None,
    ascp: Annotated[
        Path | None,
        typer.Option(
            "--ascp", metavar="PATH", help="The ascp to use (else ASPDIAG_ASCP, PATH and the known install locations)."
        ),
    ] = None,
    rate: Annotated[float, typer.Option("--rate", metavar="MBPS", help="Test transfer target rate (ascp -l).")] = 10.0,
    max_rate: Annotated[
        float, typer.Option("--max-rate", metavar="MBPS", help="Politeness cap: no rate above this.")
    ] = 100.0,
    time_limit: Annotated[
        float, typer.Option("--time-limit", metavar="SECONDS", help="Wall-time cap of the test transfer.")
    ] = 20.0,
    max_bytes: Annotated[
        str, typer.Option("--max-bytes", metavar="SIZE", help="Byte cap of the test transfer.")
    ] = "64MB",
    no_encryption: Annotated[
        bool, typer.Option("--no-encryption", help="ascp -T (some servers refuse stronger encryption).")
    ] = False,
    no_color: Annotated[bool, typer.Option("--no-color", help="No colours (also honoured: NO_COLOR).")] = False,
    debug: Annotated[bool, typer.Option("--debug", help="Log details and show tracebacks on errors.")] = False,
) -> None:
    """Check whether an Aspera transfer to HOST can work: DNS, local route, TCP 22/33001, UDP 33001.

    HOST may also name a preset (e.g. 'ena'; see 'aspdiag presets').

    Writes `reports/<host>-<UTC time>.html`, `.md` and `.json` unless --no-reports.
    """
    preset = find_preset(host, presets)
    port_of_responder = validate_port(responder_port, option="--responder-port")
    config = CheckConfig(
        target=validate_host(preset.host if preset else host),
        tcp_ports=validate_ports(
            ssh_port, (preset.ssh_ports if preset else ()) or DEFAULT_TCP_PORTS, option="--ssh-port"
        ),
        udp_ports=validate_ports(
            udp_port, (preset.udp_ports if preset else ()) or DEFAULT_UDP_PORTS, option="--udp-port"
        ),
        timeout_s=validate_timeout(timeout, option="--timeout"),
        dns_timeout_s=validate_timeout(dns_timeout, option="--dns-timeout"),
        dns_servers=tuple(validate_nameserver(s) for s in dns_server or ()),
        method=validate_method(method),
        max_hops=validate_max_hops(max_hops),
        rule_days=validate_rule_days(rule_days),
        ascp_user=user or (preset.user if preset else None),
        preset=preset.name if preset else None,
        preset_key_files=preset.key_files if preset else (),
        path=path or dataset_size is not None,
        capacity=capacity or dataset_size is not None,
        responder_port=port_of_responder if responder else None,
        responder_key=read_key(responder_key_file, option="--responder-key-file") if responder else b"",
        responder_duration_s=validate_range("--responder-seconds", responder_seconds, 0.5, 30.0, what="seconds"),
        dataset_bytes=parse_size(dataset_size, "--dataset-size") if dataset_size is not None else None,
        max_rate_mbps=max_rate,
    )
    if not 0 < max_rate <= 100_000:
        raise ConfigError(f"--max-rate {max_rate:g} is out of range", "give Mbit/s, e.g. --max-rate 100")
    installations: list[AscpInstallation] = []
    if transfer or remote_file or upload:
        installations = _find_ascp(ascp)
        config = replace(
            config,
            transfer=_transfer_settings(
                installations,
                user or (preset.user if preset else None),
                remote_file,
                upload,
                to_folder,
                key,
                rate,
                max_rate,
                time_limit,
                max_bytes,
                no_encryption,
            ),
        )
    config = replace(config, command=_reproduce_command(config))

    # Check every destination before the first probe, so bad paths fail fast with exit 2.
    file_format: OutputFormat | None = None
    if output is not None:
        check_output(output, force=force)
        file_format = output_format or OutputFormat.from_suffix(str(output)) or OutputFormat.JSON
    reports_path: Path | None = None
    if not no_reports:
        try:
            reports_path = prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR))
        except OutputError:
            if reports_dir is not None:
                raise
            typer.echo(
                f"aspdiag: warning: ./{DEFAULT_REPORTS_DIR}/ is not writable; no reports will be written "
                "(use --reports-dir DIR)",
                err=True,
            )

    report = _run_check(config, quiet=quiet, no_color=no_color)
    if installations:
        report = replace(report, ascp=tuple(installations))
    if redact:
        from aspdiag.redact import redact as redact_report

        report = redact_report(report)

    stdout_format = output_format if output is None and output_format is not None else OutputFormat.TERMINAL
    if quiet and stdout_format is OutputFormat.TERMINAL:
        a = report.assessment
        typer.echo(f"{a.verdict.value}: {a.summary}")
    else:
        width = Console().width if sys.stdout.isatty() else 120
        sys.stdout.write(stdout_format.to_renderer(color=_use_color(no_color, sys.stdout), width=width)(report))
        sys.stdout.flush()

    written: list[Path] = []
    if reports_path is not None:
        texts = {
            fmt.suffix: fmt.to_renderer()(report)
            for fmt in (OutputFormat.JSON, OutputFormat.MARKDOWN, OutputFormat.HTML)
        }
        written += write_report_set(reports_path, report_stem(config.target.host), texts)
    if output is not None and file_format is not None:
        write_output(output, file_format.to_renderer(color=False)(report), force=force)
        written.append(output)
    if written and not quiet:
        typer.echo("reports: " + ", ".join(str(p) for p in written), err=True)
    raise typer.Exit(int(exit_code_for(report.assessment.verdict, interrupted=report.interrupted)))


def _find_ascp(explicit: Path | None) -> list[AscpInstallation]:
    """Every ascp installation (the first is used); --ascp must point at an executable."""
    from aspdiag.ascp.find import discover
    from aspdiag.net.commands import SubprocessRunner

    if explicit is not None and not (explicit.is_file() and os.access(explicit, os.X_OK)):
        raise ConfigError(f"--ascp {str(explicit)!r} is not an executable file", "give the path of the ascp program")
    return discover(
        SubprocessRunner(),
        home=str(Path.home()),
        env=os.environ,
        platform=sys.platform,
        explicit=str(explicit) if explicit else None,
    )


def _transfer_settings(
    installations: list[AscpInstallation],
    user: str | None,
    remote_file: str | None,
    upload: bool,
    to_folder: str | None,
    key: Path | None,
    rate: float,
    max_rate: float,
    time_limit: float,
    max_bytes: str,
    no_encryption: bool,
) -> TransferSettings:
    """Validate the test-transfer options (every problem is one line and exit 2)."""
    from aspdiag.ascp.transfer import validate_remote_path, validate_user

    if not installations:
        raise ConfigError(
            "no ascp was found for the test transfer",
            "install IBM Aspera Connect (or the Transfer SDK), or give --ascp PATH / ASPDIAG_ASCP",
        )
    if upload == bool(remote_file):
        raise ConfigError(
            "a test transfer needs either --remote-file PATH (download) or --upload --to-folder DIR",
            "e.g. --transfer --remote-file /aspera-test/10MB.bin",
        )
    if upload and not to_folder:
        raise ConfigError("--upload needs --to-folder DIR", "give the remote folder that accepts the test upload")
    if user is None:
        raise ConfigError("the test transfer needs a user name", "give --user NAME (or use a preset that has one)")
    if key is not None and not key.is_file():
        raise ConfigError(f"--key {str(key)!r} is not a file", "give the path of the SSH private key file")
    if not 0 < rate <= max_rate:  # --max-rate itself was checked by 'check' before this is called
        raise ConfigError(
            f"--rate {rate:g} Mbit/s is not within 0 and --max-rate {max_rate:g}",
            "lower --rate, or raise --max-rate if the network owner agrees",
        )
    if not 1 <= time_limit <= 600:
        raise ConfigError(f"--time-limit {time_limit:g} is out of range", "give 1 to 600 seconds")
    return TransferSettings(
        ascp=installations[0].path,
        user=validate_user(user),
        download=not upload,
        remote_path=validate_remote_path(
            (to_folder if upload else remote_file) or "", "--to-folder" if upload else "--remote-file"
        ),
        rate_mbps=rate,
        time_limit_s=time_limit,
        max_bytes=parse_size(max_bytes, "--max-bytes"),
        key_file=str(key) if key else None,
        encrypt=not no_encryption,
    )


@app.command("transfer", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def transfer_command(ctx: typer.Context) -> None:
    """Run 'aspdiag check HOST --transfer ...': reachability first, then a capped test transfer.

    Takes every option of 'aspdiag check' (see 'aspdiag check --help'): --remote-file PATH or --upload
    --to-folder DIR, --user, --key, --ascp, --rate, --max-rate, --time-limit, --max-bytes.
    """
    raise typer.Exit(main(["check", *ctx.args, "--transfer", *(["--debug"] if "--debug" in sys.argv else [])]))


@app.command("explain")
def explain_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[FILE|DIR|-]...",
            help="ascp output or logs (aspera-scp-transfer*.log); a directory is read whole; '-' or nothing: stdin.",
        ),
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="terminal, markdown, html or json.")
    ] = OutputFormat.TERMINAL,
    output: _OutputOption = None,
    force: _ForceOption = False,
    report: Annotated[
        bool,
        typer.Option("--report", help="Also write the explanation to reports/ (`explain-<UTC time>.{html,md,json}`)."),
    ] = False,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where --report writes.")
    ] = None,
    probe: Annotated[
        bool, typer.Option("--probe", help="Run 'aspdiag check' against each peer right away and fold the result in.")
    ] = False,
    no_color: _NoColorOption = False,
) -> None:
    """Explain failed, stalled or slow transfers from ascp output and logs: cause, evidence, next step.

    Reads captured stdout/stderr, aspera-scp-transfer*.log files (also syslog and Windows forms, CRLF,
    UTF-16, rotated, truncated or interleaved sessions). Exit: 0 all sessions succeeded, 1 a session
    failed or cannot be told, 2 nothing usable in the input.
    """
    from aspdiag.explain.run import explain_inputs
    from aspdiag.render.explain import render_explain

    items = paths or ["-"]
    if items == ["-"] and sys.stdin.isatty():
        raise ConfigError(
            "no input: give ascp output or log files, a directory, or pipe them in",
            "e.g. aspdiag explain ~/aspera-logs/  or  ascp ... 2>&1 | aspdiag explain",
        )
    if output is not None:
        check_output(output, force=force)
    reports_path = prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR)) if report else None
    progress_ctx = _bytes_progress(items) if sys.stderr.isatty() else None
    if progress_ctx is not None:
        with progress_ctx as advance:
            result = explain_inputs(items, sys.stdin.buffer, on_bytes=advance)
    else:
        result = explain_inputs(items, sys.stdin.buffer)
    if not result.usable:
        reasons = "; ".join(f"{name}: {why}" for name, why in result.problems) or "no input"
        raise ConfigError(
            f"nothing usable to explain ({reasons})", "give ascp's own output or its aspera-scp-transfer*.log files"
        )
    if probe:
        result = _probe_peers(result)
    text = render_explain(result, output_format, color=output is None and _use_color(no_color, sys.stdout))
    _emit(text, output, force)
    if reports_path is not None:
        texts = {
            fmt.suffix: render_explain(result, fmt)
            for fmt in (OutputFormat.JSON, OutputFormat.MARKDOWN, OutputFormat.HTML)
        }
        written = write_report_set(reports_path, report_stem("explain"), texts)
        typer.echo("reports: " + ", ".join(str(p) for p in written), err=True)
    ok = all(s.outcome == "success" for s in result.sessions)
    raise typer.Exit(int(ExitCode.READY if ok else ExitCode.FINDINGS))


class _bytes_progress:
    """A rich progress bar over the bytes of the inputs (for big logs), as a context manager."""

    def __init__(self, items: list[str]) -> None:
        self.total = sum(Path(i).stat().st_size for i in items if i != "-" and Path(i).is_file()) or None

    def __enter__(self) -> Callable[[int], None]:
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("reading"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.progress.start()
        task = self.progress.add_task("read", total=self.total)
        return lambda n: self.progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def _probe_peers(result: ExplainReport) -> ExplainReport:
    """Check every peer named in the sessions and attach the verdict to each session."""
    summaries: dict[str, str] = {}
    sessions = []
    for session in result.sessions:
        peer = session.peer_address
        if peer and peer not in summaries:
            config = CheckConfig(
                target=validate_host(peer),
                tcp_ports=(session.tcp_port,) if session.tcp_port else DEFAULT_TCP_PORTS,
                udp_ports=(session.udp_port,) if session.udp_port else DEFAULT_UDP_PORTS,
            )
            checked = _run_check(config, quiet=True, no_color=True)
            a = checked.assessment
            summaries[peer] = f"{a.verdict.value}: {a.summary}"
        sessions.append(replace(session, probe_summary=summaries.get(peer or "")))
    return replace(result, sessions=tuple(sessions))


@app.command("ascp")
def ascp_command(
    ascp: Annotated[Path | None, typer.Option("--ascp", metavar="PATH", help="Look at this ascp first.")] = None,
) -> None:
    """List every ascp installation found, with version, licence and warnings; say which one is used."""
    installations = _find_ascp(ascp)
    if not installations:
        typer.echo("no ascp found (looked at --ascp, ASPDIAG_ASCP, PATH and the known install locations)")
        raise typer.Exit(int(ExitCode.FINDINGS))
    for index, inst in enumerate(installations):
        v = inst.version
        mark = "used" if index == 0 else "    "
        typer.echo(f"{mark}  {inst.path}  ({inst.origin})")
        if v is not None:
            typer.echo(
                f"      product: {v.product or '-'} {v.product_version or ''}"
                f"{f' (build {v.build})' if v.build else ''}; ascp {v.ascp_version or '?'}"
                f"{f' {v.git_hash}' if v.git_hash else ''}; OS {v.operating_system or '?'}"
            )
            typer.echo(f"      licence max rate: {v.license_max_rate or '?'}; FIPS: {v.fips}; AES-NI: {v.aes_ni}")
        if inst.version_error:
            typer.echo(f"      {inst.version_error}")
        typer.echo(f"      key files: {', '.join(inst.key_files) or 'none found next to it'}")
        for warning in inst.warnings:
            typer.echo(f"      warning: {warning}")


@app.command()
def schema() -> None:
    """Print the JSON Schema of the JSON report (schema_version included)."""
    from aspdiag.schema import REPORT_SCHEMA

    typer.echo(json.dumps(REPORT_SCHEMA, indent=2))


@app.command("presets")
def list_presets(
    presets: Annotated[
        Path | None, typer.Option("--presets", metavar="FILE", dir_okay=False, help="Extra preset file (TOML).")
    ] = None,
) -> None:
    """List the presets 'aspdiag check NAME' understands (built in, ~/.config/aspdiag/presets.toml, --presets)."""
    for preset in load_presets(presets).values():
        ports = ", ".join([f"TCP {p}" for p in preset.ssh_ports] + [f"UDP {p}" for p in preset.udp_ports])
        typer.echo(f"{preset.name:10} {preset.host} (user {preset.user or '-'}; {ports}) {preset.description}")


@app.command("catalog")
def catalog_command(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The tree a download was written to.")],
    checksum: Annotated[
        str | None,
        typer.Option("--checksum", metavar="sha256|md5", help="Also compute a checksum of every file (in parallel)."),
    ] = None,
    verify: Annotated[
        Path | None,
        typer.Option(
            "--verify",
            metavar="CATALOG",
            dir_okay=False,
            help="Re-check DIR against an earlier .tsv/.json catalogue: missing, extra and changed files.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Checksum threads.")] = 4,
    partial_suffix: Annotated[
        list[str] | None,
        typer.Option("--partial-suffix", metavar="SUFFIX", help="Another in-progress suffix to list apart."),
    ] = None,
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="Follow symbolic links (loops are detected and listed).")
    ] = False,
    reports_dir: Annotated[
        Path | None,
        typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where the catalogue files are written."),
    ] = None,
) -> None:
    """Catalogue a downloaded tree: path, size, modification time, optional checksum.

    Writes `catalog-<dir>-<UTC time>.{tsv,json,md}` to reports/ (never replacing a file) and prints the
    Markdown summary's totals. ascp's partial files (.aspx, .aspera-inprogress, .partial, .aspera-ckpt) and
    files next to them are listed apart; unreadable files, loops and files changing meanwhile are listed, not
    fatal. Exit: 0 done (or --verify found no difference), 1 problems or differences, 2 bad input.
    """
    from aspdiag import catalog as cat

    requested = cat.validate_algorithm(checksum) if checksum is not None else ""  # before a long scan
    for suffix in partial_suffix or []:
        if not suffix.startswith(".") or len(suffix) < 2 or "/" in suffix:
            raise ConfigError(f"bad --partial-suffix {suffix!r}", "give a suffix such as .tmp")
    earlier = cat.load_catalog(verify) if verify is not None else None
    algorithm = earlier.algorithm if earlier is not None else requested
    reports_path = None if earlier is not None else prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR))
    progress = cat.ScanProgress()
    with _count_progress(progress, algorithm):
        scanned = cat.scan(
            directory,
            follow_symlinks=follow_symlinks,
            partial_suffixes=(*cat.PARTIAL_SUFFIXES, *(partial_suffix or [])),
            # Our own catalogues may live inside the tree (the default reports/ when run from it): never list them.
            exclude=[reports_path or reports_dir or Path(DEFAULT_REPORTS_DIR)],
            progress=progress,
        )
        if algorithm:
            scanned = cat.checksum_entries(scanned, algorithm, workers=workers, progress=progress)
    if earlier is not None:
        result = cat.verify(earlier, scanned)
        sys.stdout.write(cat.verification_text(result))
        raise typer.Exit(int(ExitCode.READY if result.identical else ExitCode.FINDINGS))
    assert reports_path is not None
    texts = {".tsv": cat.to_tsv(scanned), ".json": cat.to_json(scanned), ".md": cat.to_markdown(scanned)}
    written = write_report_set(reports_path, report_stem("catalog-" + directory.resolve().name), texts)
    sys.stdout.write(
        f"{len(scanned.entries)} files, {scanned.total_bytes} bytes; {len(scanned.partial)} partial, "
        f"{len(scanned.problems)} problem(s), {len(scanned.skipped)} skipped\n"
    )
    for item in scanned.problems[:20]:
        sys.stdout.write(f"problem: {item.path}: {item.reason}\n")
    typer.echo("catalogue: " + ", ".join(str(p) for p in written), err=True)
    raise typer.Exit(int(ExitCode.FINDINGS if scanned.problems else ExitCode.READY))


class _count_progress:
    """A rich counter on stderr (files found, bytes hashed) while a catalogue is built; silent off a terminal."""

    def __init__(self, progress: ScanProgress, algorithm: str) -> None:
        self.state = progress
        self.algorithm = algorithm
        self.live: Progress | None = None

    def __enter__(self) -> None:
        if not sys.stderr.isatty():
            return
        from rich.progress import Progress, SpinnerColumn, TextColumn

        live = Progress(SpinnerColumn(), TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
        task = live.add_task("scanning")
        algo = self.algorithm

        def update(p: ScanProgress) -> None:
            text = f"{p.files} files" + (f", {p.bytes_hashed / 1e6:.0f} MB {algo}" if algo else "")
            live.update(task, description=text)

        self.state.on_change = update
        live.start()
        self.live = live

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()


@app.command("watch")
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

    from aspdiag.config import MAX_DURATION_S, parse_size, validate_range
    from aspdiag.watch import DirSampler, Tracker, run_watch

    expected_bytes = parse_size(expected, "--expected")
    for name, value in (("--interval", interval), ("--stall-after", stall_after), ("--max-time", max_time)):
        if value is not None:
            validate_range(name, value, 0.05, MAX_DURATION_S, what="seconds")
    if not directory.exists():
        raise ConfigError(f"no such directory: {directory}", "give the directory the transfer writes to")
    sampler = DirSampler(str(directory))
    tracker = Tracker(expected_bytes, stall_after)

    def line(sample: object, t: Tracker) -> None:
        eta = "unknown" if t.eta_s is None else _duration(t.eta_s)
        pct = 100 * t.total_bytes / expected_bytes
        stalled = f", no growth for {_duration(t.stalled_for_s)}" if t.stalled_for_s >= interval else ""
        files = getattr(sample, "files", 0)
        print(
            f"{time.strftime('%H:%M:%S')} {t.total_bytes} of {expected_bytes} bytes ({pct:.1f}%), "
            f"{t.rate_mbps:.1f} Mbit/s, ETA {eta}, {files} files{stalled}",
            flush=True,
        )

    def event(kind: str, t: Tracker) -> None:
        print(
            f"aspdiag: {kind}: {t.total_bytes} of {expected_bytes} bytes"
            + (f"; no growth for {_duration(t.stalled_for_s)}" if kind == "stall" else ""),
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


from aspdiag.cli_run import run_command, status_command  # noqa: E402  (registered here, defined apart)

app.command("run", context_settings={"allow_interspersed_args": False})(run_command)
app.command("status")(status_command)

from aspdiag.cli_responder import read_key, responder_command  # noqa: E402  (registered here, defined apart)

app.command("responder")(responder_command)


def _duration(seconds: float) -> str:
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}h{m:02d}m{sec:02d}s" if h else f"{m}m{sec:02d}s" if m else f"{sec}s"


def _notify(command: str, kind: str, directory: Path, t: object, expected_bytes: int) -> None:
    """Run watch's notification command with the sample in ASPDIAG_* variables."""
    from aspdiag.notify import notify

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


report_app = typer.Typer(
    help="Re-render or merge saved JSON reports.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
)
app.add_typer(report_app, name="report")


def _render_loaded(render: Callable[[], str], source: Path) -> str:
    """Render a report read from a file: values it holds that no renderer can use are the file's fault."""
    from aspdiag.load import ReportFileError

    try:
        return render()
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, StopIteration, IndexError) as exc:
        raise ReportFileError(f"{source} holds values aspdiag cannot render ({type(exc).__name__}: {exc})") from None


def _emit(text: str, output: Path | None, force: bool) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    check_output(output, force=force)
    write_output(output, text, force=force)
    typer.echo(f"written: {output}", err=True)


@report_app.command("render")
def report_render(
    file: Annotated[Path, typer.Argument(metavar="FILE.json", help="A JSON report written by aspdiag check.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="html, markdown, terminal or json.")
    ] = OutputFormat.TERMINAL,
    output: _OutputOption = None,
    force: _ForceOption = False,
    redact: _RedactOption = False,
    no_color: _NoColorOption = False,
) -> None:
    """Render a saved JSON report again, in another format."""
    from aspdiag.load import load_report

    report = load_report(file)
    if redact:
        from aspdiag.redact import redact as redact_report

        report = redact_report(report)
    color = output is None and _use_color(no_color, sys.stdout)
    _emit(_render_loaded(lambda: output_format.to_renderer(color=color, width=120)(report), file), output, force)


@report_app.command("merge")
def report_merge(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE.json...", help="JSON reports from several vantage points.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="html, markdown, terminal or json.")
    ] = OutputFormat.MARKDOWN,
    output: _OutputOption = None,
    force: _ForceOption = False,
    redact: _RedactOption = False,
) -> None:
    """Merge reports from several vantage points (e.g. every data-transfer node) into one, one column each."""
    from aspdiag.load import load_report
    from aspdiag.render.merged import render_merged

    reports = [load_report(path) for path in files]
    if redact:
        from aspdiag.redact import redact_all

        reports = redact_all(reports)
    _emit(_render_loaded(lambda: render_merged(reports, output_format), files[0]), output, force)


def _run_check(config: CheckConfig, *, quiet: bool, no_color: bool) -> Report:
    """Discover privileges once, build the production adapters, run the engine (live display on a TTY)."""
    from aspdiag.engine import check as run
    from aspdiag.net import PacketProber
    from aspdiag.net.commands import SubprocessRunner
    from aspdiag.net.resolver import DnspythonResolver
    from aspdiag.net.routes import IprouteRouteLookup
    from aspdiag.net.sockets import SocketProber
    from aspdiag.net.system import HostSystemInfo
    from aspdiag.probes.base import ProbeContext
    from aspdiag.ui.progress import RichProgressObserver

    environment = HostSystemInfo().environment()
    prober: PacketProber
    if config.method == "raw" or (config.method == "auto" and environment.privileged):
        if not environment.privileged:
            raise PrivilegeError(
                "--method raw needs root or CAP_NET_RAW",
                "re-run with sudo, or use --method socket (unprivileged, same states)",
            )
        from aspdiag.net.raw import ScapyProber

        prober = ScapyProber()
    else:
        prober = SocketProber()
    from aspdiag.net.capacity import TrainProber
    from aspdiag.net.path import SocketPathProber
    from aspdiag.net.process import CappedRunner
    from aspdiag.net.responder import SocketResponderClient

    ctx = ProbeContext(
        resolver=DnspythonResolver(config.dns_servers),
        routes=IprouteRouteLookup(SubprocessRunner()),
        prober=prober,
        processes=CappedRunner() if config.transfer is not None else None,
        path=SocketPathProber() if config.path else None,
        capacity=TrainProber() if config.capacity else None,
        responder=SocketResponderClient() if config.responder_port is not None else None,
    )
    if not quiet and sys.stderr.isatty():
        console = Console(stderr=True, no_color=no_color or bool(os.environ.get("NO_COLOR")))
        with RichProgressObserver(console) as observer:
            return run(config, ctx, environment, observer)
    return run(config, ctx, environment)


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends a run like Ctrl-C: what was measured is written, children are stopped."""
    raise KeyboardInterrupt


def _stop_children() -> None:
    """Stop any ascp still running and remove its temporary directory (after Ctrl-C, the engine returns
    while the transfer's thread is still waiting on it)."""
    if "aspdiag.ascp.transfer" in sys.modules:
        from aspdiag.ascp.transfer import remove_workdirs

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
    try:
        result = app(args=args, prog_name="aspdiag", standalone_mode=False)
        return int(result) if isinstance(result, int) else 0
    except ConfigError as exc:
        if debug:
            traceback.print_exc()
        return _fail(str(exc), exc.hint, ExitCode.USAGE)
    except _UsageError as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":
            return int(ExitCode.USAGE)  # typer has already printed the help
        if debug:
            traceback.print_exc()
        command = ctx.command_path if ctx is not None else "aspdiag"
        return _fail(exc.format_message(), f"run '{command} --help'", ExitCode.USAGE)  # type: ignore[attr-defined]
    except _ClickException as exc:
        if debug:
            traceback.print_exc()
        return _fail(exc.format_message(), "", ExitCode.USAGE)  # type: ignore[attr-defined]
    except (typer.Abort, KeyboardInterrupt):
        print("aspdiag: interrupted", file=sys.stderr)
        return int(ExitCode.INTERRUPTED)
    except AspdiagError as exc:
        if debug:
            traceback.print_exc()
        return _fail(str(exc), exc.hint, ExitCode.TOOL_ERROR)
    except Exception as exc:
        if debug:
            traceback.print_exc()
        return _fail(
            f"internal error: {type(exc).__name__}: {exc}",
            "re-run with --debug and report the traceback",
            ExitCode.TOOL_ERROR,
        )
    finally:
        _stop_children()
        threading.excepthook = previous_hook
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
