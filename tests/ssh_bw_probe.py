"""Run one SSH-port bandwidth measurement and print it as JSON: ``python3 -m tests.ssh_bw_probe ADDRESS PORT``.

The lab tests and the benchmark run this inside the lab's client namespace (as root or as ``nobody``); it
wires the two new modules together the way the tool will: one connection, the IGNORE stream with the
estimator's stop rule, the polite DISCONNECT, then the estimate. Needs nothing outside the standard library
and aspdiag.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from typing import Any

from aspdiag.adapters.ssh import SshConnection
from aspdiag.adapters.ssh_wire import DEFAULT_CLOSE_REASON, SshConnectError
from aspdiag.measurements.bandwidth.estimate import estimate_bandwidth
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.samples import samples_to_columns
from aspdiag.measurements.bandwidth.stop import StopWhenStable


def measure(args: argparse.Namespace) -> dict[str, Any]:
    budget = Budget().scaled(args.budget_scale)
    if args.max_bytes is not None or args.max_seconds is not None:
        budget = Budget(args.max_bytes or budget.max_bytes, args.max_seconds or budget.max_seconds)
    started = time.monotonic()
    out: dict[str, Any] = {"address": args.address, "port": args.port, "budget": asdict(budget)}
    try:
        conn = SshConnection.open(args.address, args.port, connect_timeout_s=5.0, banner_timeout_s=10.0)
    except SshConnectError as exc:
        out |= {"error": exc.failure.value, "detail": exc.detail, "wall_s": time.monotonic() - started}
        return out
    with conn:
        banner = conn.banner
        out |= {
            "handshake_ms": conn.handshake_ms,
            "local_port": conn.local_port,
            "client_ident": conn.client_ident,
            "congestion_control": conn.congestion_control,
            "banner": {
                "outcome": banner.outcome.value,
                "ident": banner.ident,
                "software": banner.software,
                "pre_ident_lines": list(banner.pre_ident_lines),
                "text": banner.text,
                "seconds": banner.seconds,
            },
        }
        samples = []
        if banner.ok and conn.ident_sent:
            samples = conn.stream_ignore(
                budget.max_bytes,
                budget.max_seconds,
                stop_when=None if args.no_stop else StopWhenStable(),
                sample_interval_s=args.sample_interval_ms / 1000,
            )
        close = conn.close(args.reason)
    estimate = estimate_bandwidth(
        samples,
        congestion_control=conn.congestion_control,
        stream_stop=conn.stream_stop,
        bytes_written=conn.bytes_written,
    )
    out |= {
        "stream_stop": conn.stream_stop.value if conn.stream_stop else None,
        "stream_error": conn.stream_error,
        "bytes_written": conn.bytes_written,
        "close": {
            "disconnect_sent": close.disconnect_sent,
            "server_closed": close.server_closed,
            "reset": close.reset,
            "seconds": close.seconds,
            "bytes_received": close.bytes_received,
            "server_messages": [m.name for m in close.server_messages],
        },
        "estimate": estimate.to_dict(),
        "wall_s": time.monotonic() - started,
    }
    if args.samples:
        out["samples"] = samples_to_columns(samples)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("address")
    parser.add_argument("port", type=int)
    parser.add_argument("--budget-scale", type=float, default=1.0, help="multiply the default 8 MB / 3 s budget")
    parser.add_argument("--max-bytes", type=int)
    parser.add_argument("--max-seconds", type=float)
    parser.add_argument("--no-stop", action="store_true", help="spend the whole budget (no early stop)")
    parser.add_argument("--samples", action="store_true", help="include the TCP_INFO samples")
    parser.add_argument("--sample-interval-ms", type=float, default=0.5, help="TCP_INFO sampling interval")
    parser.add_argument("--reason", default=DEFAULT_CLOSE_REASON, help="the DISCONNECT text")
    args = parser.parse_args(argv)
    json.dump(measure(args), sys.stdout)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
