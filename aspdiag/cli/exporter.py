"""``aspdiag exporter --listen ADDR:PORT [--config FILE]``: the Prometheus multi-target exporter."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.core.config import CheckConfig
from aspdiag.core.errors import Terminated
from aspdiag.core.exit_codes import ExitCode
from aspdiag.core.model import Report

DEFAULT_LISTEN = "127.0.0.1:9833"
logger = logging.getLogger(__name__)


def run_one_check(config: CheckConfig) -> Report:
    """One check with the production adapters and no display (what each real scrape runs): one SSH connection
    at most, whatever the module's ports and the target's addresses (the first open SSH port greeted; the
    others count as open, their service not read)."""
    from aspdiag.compose import prepared
    from aspdiag.engine.run import check

    with prepared(config, max_ssh_connections=1) as (config, ctx, environment):
        return check(config, ctx, environment)


def exporter_command(
    listen: Annotated[
        str,
        typer.Option(
            "--listen",
            metavar="ADDR:PORT",
            help="Where to serve /probe and /metrics. Listen on loopback or a management network only: "
            "anyone who reaches it can make this host probe a target.",
        ),
    ] = DEFAULT_LISTEN,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            metavar="FILE",
            dir_okay=False,
            help="Modules file (TOML, see contrib/exporter.toml). Default: one module 'default' (TCP 22 and "
            "33001, UDP 33001, at most one check per target per 60 s, no path MTU or bandwidth).",
        ),
    ] = None,
) -> None:
    """Serve Prometheus metrics of Aspera targets, blackbox_exporter style: /probe?target=HOST&module=NAME.

    Each scrape answers within its scrape timeout; a target is checked at most once per module
    min_interval, one check per target at a time, at most max_checks at once; other scrapes get the
    cached result. Runs until SIGTERM or Ctrl-C.
    """
    from aspdiag.adapters.http_server import BoundedHTTPServer, parse_listen
    from aspdiag.monitor.exposition import Exporter
    from aspdiag.monitor.modules import load_settings
    from aspdiag.monitor.scheduler import Scheduler

    address = parse_listen(listen)
    settings = load_settings(config)
    scheduler = Scheduler(run_one_check, max_checks=settings.max_checks, max_targets=settings.max_targets)
    exporter = Exporter(settings, scheduler)
    server = BoundedHTTPServer(
        address,
        exporter.handle,
        workers=settings.workers,
        max_pending=settings.max_pending,
        on_reject=exporter.rejected.inc,
    )
    shown = f"[{address[0]}]:{server.port}" if ":" in address[0] else f"{address[0]}:{server.port}"
    # SIGTERM (systemctl stop) is the normal end of a service: exit 0 with a stop line; Ctrl-C exits 130.
    # Caught here because click turns any KeyboardInterrupt (SIGTERM's Terminated too) into an abort (130);
    # the 'listening' line is inside, so a signal right after it still ends with the stop line.
    how = "error"
    try:
        typer.echo(
            f"aspdiag exporter listening on http://{shown}/ (modules: {', '.join(sorted(settings.modules))})", err=True
        )
        server.serve_forever(poll_interval=0.5)
    except Terminated:
        how = "SIGTERM"
    except KeyboardInterrupt:
        how = "SIGINT"
    finally:
        server.server_close()
        typer.echo(f"aspdiag exporter stopped ({how})", err=True)
    raise typer.Exit(int(ExitCode.INTERRUPTED if how == "SIGINT" else ExitCode.READY))
