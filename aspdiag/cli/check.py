"""``aspdiag check`` (and ``aspdiag transfer``): validate the options into a CheckConfig, run the engine,
write the reports, print the chosen format, exit with the verdict's code."""

from __future__ import annotations

import os
import shlex
import sys
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from aspdiag.cli.completion import complete_presets
from aspdiag.cli.history import HistoryOption, NoHistoryOption, open_history, record_check
from aspdiag.cli.output import (
    Destination,
    ForceOption,
    FormatOption,
    NoColorOption,
    OutputOption,
    QuietOption,
    destination,
)
from aspdiag.cli.responder import read_key
from aspdiag.core.config import (
    DEFAULT_TCP_PORTS,
    DEFAULT_UDP_PORTS,
    CheckConfig,
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
from aspdiag.core.errors import ConfigError, OutputError
from aspdiag.core.exit_codes import exit_code_for
from aspdiag.core.model import Report
from aspdiag.core.presets import Preset, load_presets
from aspdiag.render import OutputFormat
from aspdiag.report.files import DEFAULT_REPORTS_DIR, prepare_reports_dir, report_stem, write_report_set


def find_preset(host: str, extra: Path | None) -> Preset | None:
    """The preset a HOST argument names (a single word such as 'ena'), if any. A ``--presets`` file given is
    read even when HOST is a name or an address: a missing or broken file is the user's mistake to hear about
    (it was ignored, and the check ran with exit 0)."""
    word = not ("." in host or ":" in host or not host.strip())
    if not word and extra is None:
        return None
    presets = load_presets(extra)
    return presets.get(host.strip().lower()) if word else None


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
    skipped = {s.stage: s.reason for s in config.skipped}
    if skipped.get("path", "").startswith("--quick"):
        argv += ["--quick"]
    else:
        argv += [
            option for stage, option in (("path", "--no-path"), ("bandwidth", "--no-bandwidth")) if stage in skipped
        ]
        if skipped.get("transfer") == "--no-transfer":
            argv += ["--no-transfer"]
    if config.capacity:
        argv += ["--capacity"]
    if config.bandwidth_budget != CheckConfig.bandwidth_budget:
        argv += ["--bandwidth-budget", f"{config.bandwidth_budget:g}"]
    if config.responder_port is not None:
        argv += ["--responder"]  # the key stays where it was: a file or the environment
        if config.responder_port != 33001:
            argv += ["--responder-port", str(config.responder_port)]
    if config.max_rate_mbps != CheckConfig.max_rate_mbps:
        argv += ["--max-rate", f"{config.max_rate_mbps:g}"]
    if config.dataset_bytes is not None:
        argv += ["--dataset-size", str(config.dataset_bytes)]
    return shlex.join(argv)


def run_check(config: CheckConfig, *, quiet: bool, no_color: bool) -> Report:
    """Wire the production adapters (composition root) and run the engine, with a live display on a TTY."""
    import os

    from aspdiag.compose import prepared
    from aspdiag.engine.run import check as run
    from aspdiag.ui.progress import RichProgressObserver

    with prepared(config) as (config, ctx, environment):
        if not quiet and sys.stderr.isatty():
            console = Console(stderr=True, no_color=no_color or bool(os.environ.get("NO_COLOR")))
            with RichProgressObserver(console) as observer:
                return run(config, ctx, environment, observer)
        return run(config, ctx, environment)


def check_command(
    host: Annotated[
        str,
        typer.Argument(
            metavar="HOST",
            help="Aspera server: host name, IPv4 address or IPv6 address (brackets optional).",
            show_default=False,
            autocompletion=complete_presets,
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
        typer.Option(
            "--timeout",
            metavar="SECONDS",
            help="How long each port probe may take: its first packet waits about a third of it, the retries and "
            "the hop-by-hop trace share the rest. On a path with a round trip over about a second, give 3 x the "
            "round trip.",
        ),
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
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
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
    quiet: QuietOption = False,
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
    quick: Annotated[
        bool,
        typer.Option(
            "--quick",
            help="DNS, routes and ports only (about a second): no path, bandwidth, ascp or test transfer.",
        ),
    ] = False,
    path: Annotated[
        bool,
        typer.Option(
            "--path/--no-path", help="Measure RTT, jitter, loss and the path MTU toward UDP 33001 (on by default)."
        ),
    ] = True,
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
    bandwidth: Annotated[
        bool,
        typer.Option(
            "--bandwidth/--no-bandwidth",
            help="Measure the client-to-server rate through the server's SSH port (on by default), unprivileged "
            "and before any login: one TCP stream of SSH_MSG_IGNORE packets on the run's one SSH connection, at "
            "most 8 MB and 3 s per address (see --bandwidth-budget).",
        ),
    ] = True,
    bandwidth_budget: Annotated[
        float,
        typer.Option(
            "--bandwidth-budget",
            metavar="FACTOR",
            help="Multiply the bandwidth stream's budget (1 = 8 MB / 3 s; 4 = 32 MB / 12 s; at most 1 GB / 30 s): "
            "fast or long paths need more bytes to fill the pipe.",
        ),
    ] = 1.0,
    dataset_size: Annotated[
        str | None,
        typer.Option(
            "--dataset-size",
            metavar="SIZE",
            help="Estimate the transfer time of this much data, e.g. 2.3TB (from the path and bandwidth figures).",
        ),
    ] = None,
    transfer: Annotated[
        bool | None,
        typer.Option(
            "--transfer/--no-transfer",
            help="The capped test transfer with ascp runs whenever it can (credentials in ASPERA_SCP_PASS, "
            "ASPERA_SCP_TOKEN or a key, a user, and a test file or upload folder, given here or by a preset). "
            "--transfer insists (exit 2 before anything is sent when something is missing); --no-transfer skips it.",
            show_default=False,
        ),
    ] = None,
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
        str,
        typer.Option(
            "--max-bytes",
            metavar="SIZE",
            help="Byte cap of the test transfer; auto = what --rate moves in half of --time-limit (12.5 MB at "
            "10 Mbit/s and 20 s), so a healthy transfer ends by its byte cap.",
        ),
    ] = "auto",
    no_encryption: Annotated[
        bool, typer.Option("--no-encryption", help="ascp -T (some servers refuse stronger encryption).")
    ] = False,
    history: HistoryOption = None,
    no_history: NoHistoryOption = False,
    no_color: NoColorOption = False,
    debug: Annotated[bool, typer.Option("--debug", help="Log details and show tracebacks on errors.")] = False,
) -> None:
    """Check whether an Aspera transfer to HOST can work: the whole preflight, with a checklist on top.

    Stages: DNS, local route, TCP 22/33001 and UDP 33001 hop by hop; path (RTT, loss, MTU); bandwidth through
    the SSH port; ascp and its version; and a capped test transfer whenever it can run (ascp found,
    ASPERA_SCP_PASS / ASPERA_SCP_TOKEN or a key, a user, and --remote-file or --upload --to-folder, or a
    preset's test file). --quick: DNS, routes and ports only. --no-path, --no-bandwidth, --no-transfer leave
    one stage out; --transfer insists (exit 2 before anything is sent when it cannot run).

    HOST may also name a preset (e.g. 'ena'; see 'aspdiag presets').

    Writes `reports/<host>-<UTC time>.html`, `.md` and `.json` unless --no-reports, and records the check in
    the history database (see 'aspdiag history'); the report shows what changed since the last check of the
    same target from this machine. The report in the chosen --format goes to stdout (--quiet and the terminal
    format: just the verdict line), or to --output.
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
        capacity=capacity,
        bandwidth_budget=validate_range("--bandwidth-budget", bandwidth_budget, 0.1, 100.0, what="a factor"),
        responder_port=port_of_responder if responder else None,
        responder_key=read_key(responder_key_file, option="--responder-key-file") if responder else b"",
        responder_duration_s=validate_range("--responder-seconds", responder_seconds, 0.5, 30.0, what="seconds"),
        dataset_bytes=parse_size(dataset_size, "--dataset-size") if dataset_size is not None else None,
        max_rate_mbps=max_rate,
    )
    if not 0 < max_rate <= 100_000:
        raise ConfigError(f"--max-rate {max_rate:g} is out of range", "give Mbit/s, e.g. --max-rate 100")
    from aspdiag.cli.preflight import TransferOptions, plan
    from aspdiag.compose import find_ascp

    insist = True if (remote_file or upload) and transfer is None else transfer
    options = TransferOptions(
        insist=insist,
        remote_file=remote_file,
        upload=upload,
        to_folder=to_folder,
        user=user,
        key=key,
        ascp=str(ascp) if ascp is not None else None,
        rate_mbps=rate,
        max_rate_mbps=max_rate,
        time_limit_s=time_limit,
        max_bytes=max_bytes,
        no_encryption=no_encryption,
    )
    if dataset_size is not None and quick:
        raise ConfigError("--dataset-size needs the path and bandwidth figures", "drop --quick")
    config = plan(
        config,
        quick=quick,
        path=path,
        bandwidth=bandwidth,
        options=options,
        preset=preset,
        env=os.environ,
        find_ascp=find_ascp,
    )
    config = replace(config, command=_reproduce_command(config))
    finish(config, output, output_format, force, reports_dir, no_reports, quiet, no_color, redact, history, no_history)


def finish(
    config: CheckConfig,
    output: Path | None,
    output_format: OutputFormat | None,
    force: bool,
    reports_dir: Path | None,
    no_reports: bool,
    quiet: bool,
    no_color: bool,
    redact: bool,
    history: Path | None = None,
    no_history: bool = True,
) -> None:
    """Open every destination first (bad paths fail fast with exit 2), run the check, compare it with the
    history and record it, write and print."""
    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="check")
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
    store = open_history(history, no_history)
    report = run_check(config, quiet=quiet, no_color=no_color)
    if store is not None:
        with store:
            report = record_check(store, report)
    if redact:
        from aspdiag.report.redact import redact as redact_report

        report = redact_report(report)
    if reports_path is not None:
        texts = {
            fmt.suffix: fmt.to_renderer()(report)
            for fmt in (OutputFormat.JSON, OutputFormat.MARKDOWN, OutputFormat.HTML)
        }
        written = write_report_set(reports_path, report_stem(config.target.host), texts)
        dest.note("reports: " + ", ".join(str(p) for p in written))
    write_document(dest, report)
    code = exit_code_for(report.assessment.verdict, interrupted=report.interrupted, signal=report.interrupted_by)
    raise typer.Exit(int(code))


def write_document(dest: Destination, report: Report) -> None:
    """The report in the chosen format to stdout or --output. --quiet with the terminal format on stdout is
    the verdict line alone; a report written to a file leaves the verdict line on stderr for the person."""
    a = report.assessment
    verdict_line = f"{a.verdict.value}: {a.summary}"
    if dest.quiet and dest.format is OutputFormat.TERMINAL and dest.path is None:
        dest.write(verdict_line + "\n")
        return
    dest.write(dest.format.to_renderer(color=dest.color, width=dest.width)(report))
    if dest.path is not None:
        dest.note(verdict_line)
