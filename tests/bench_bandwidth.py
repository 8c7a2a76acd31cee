"""``make bench`` section ``bandwidth`` (issue #14): ``aspdiag check --bandwidth`` against tc tbf, with iperf3
(one TCP stream) measured on the same path in the same run. Also ``python3 -m tests.bench_bandwidth``.

Every figure comes from the real command (``aspdiag check ADDRESS --bandwidth --format json``), run in the
lab's client namespace as root and as ``nobody``, through Debian's sshd (9.2, ports 22/33001) and through a
current OpenSSH (10.0, default PerSourcePenalties, port 2222). tbf shapes the dmz -> server link (the
client -> server direction the measurement reports); Linux's default ICMP rate limits are on everywhere.
Rows: 10 ... 5000 Mbit/s with 16 KB buckets (up to 200 Mbit/s, where 16 KB can carry the rate) and 1 MB
buckets; the long path (a user-space delay line: 50 ms RTT, TCP buffers raised on both ends); rates drawn
at random for this run (held out from any tuning); and a busy loop on the second core.

Each cell: the figure (``≥`` for a lower bound, with what limited it), then the bytes and seconds the stream
spent. ``ok`` marks a figure within 10 % of the expected TCP payload rate (tbf rate x 1448/1514), or an
honest lower bound (never above it). iperf3 runs 3 s with one TCP stream; its figure is receiver goodput.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from tests.conftest import SAFE_PATH, _stage_for_unprivileged, run_aspdiag
from tests.lab import ADDR, Lab, unavailable_reason

V4_SHARE = 1448 / 1514
IPERF_PORT = 5299
CURRENT_PORT = 2222
ROWS: tuple[tuple[float, int], ...] = (
    (10, 16),
    (10, 1024),
    (50, 16),
    (50, 1024),
    (200, 16),
    (200, 1024),
    (1000, 1024),
    (2000, 1024),
    (5000, 1024),
)
LONG_ROWS: tuple[tuple[float, int], ...] = ((100, 64), (500, 256), (1000, 1024))
NODES = ("router", "fw", "dmz", "server")
REPO = Path(__file__).resolve().parents[1]


def shape(lab: Lab, rate_mbit: float, burst_kbyte: int) -> None:
    """tbf on dmz -> server with a queue of 20 ms (at least 64 KB) behind the bucket."""
    from tests.integration.test_lab_ssh_bandwidth import shape as lab_shape

    lab_shape(lab, rate_mbit, burst_kbyte)


def ours(lab: Lab, *, user: str | None, port: int, scale: float = 1.0, python: tuple[str, str]) -> dict[str, Any]:
    """One ``aspdiag check ADDRESS --bandwidth`` run; its bandwidth result and wall time."""
    workdir = Path(tempfile.mkdtemp(prefix="aspdiag-bench-"))
    os.chmod(workdir, 0o777)
    args = ["check", ADDR.server4, "--bandwidth", "--ssh-port", str(port), "--udp-port", "33001"]
    args += ["--bandwidth-budget", f"{scale:g}", "--format", "json", "--no-reports", "--no-history"]
    started = time.monotonic()
    run = run_aspdiag(lab, args, workdir, python=python, user=user, timeout=120)
    wall = time.monotonic() - started
    subprocess.run(["rm", "-rf", str(workdir)], check=False)
    try:
        (result,) = json.loads(run.stdout)["bandwidth"]
    except (ValueError, KeyError):
        return {"error": (run.stderr or run.stdout)[-300:], "wall_s": wall}
    return {**result, "wall_s": wall}


def iperf3(lab: Lab, seconds: int = 3) -> dict[str, Any]:
    """One TCP stream, client -> server, ``seconds`` long; receiver goodput."""
    server = subprocess.Popen(
        lab.exec_argv("server", ["iperf3", "-s", "-1", "-p", str(IPERF_PORT), "-B", ADDR.server4]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lab.wait_listening("server", "tcp", IPERF_PORT)
        result = lab.exec(
            "client", ["iperf3", "-c", ADDR.server4, "-p", str(IPERF_PORT), "-t", str(seconds), "-J"], timeout=60
        )
        end = json.loads(result.stdout)["end"]
        return {"mbps": end["sum_received"]["bits_per_second"] / 1e6, "bytes": end["sum_sent"]["bytes"]}
    finally:
        server.wait(timeout=10)


def judged(run: dict[str, Any], expected: float) -> str:
    """``ok`` within 10 % or an honest lower bound; ``over`` above; ``low`` a measured figure too low."""
    if "error" in run:
        return "error"
    e = run["estimate"]
    rate = e["rate_mbps"]
    if rate is None:
        return "none"
    if rate > 1.10 * expected:
        return "over"
    if e["status"] == "lower_bound":
        return "ok (≥)"
    return "ok" if rate >= 0.90 * expected else "low"


def cell(run: dict[str, Any], expected: float) -> str:
    """``95.1 (ok) 4.1 MB/0.62 s``."""
    if "error" in run:
        return f"error: {run['error'][:60]}"
    e = run["estimate"]
    if e["rate_mbps"] is None:
        figure = f"n/m ({e['limited_by']})"
    elif e["status"] == "lower_bound":
        figure = f"≥{e['rate_mbps']:.1f} ({e['limited_by']})"
    else:
        figure = f"{e['rate_mbps']:.1f}"
    return f"{figure} {judged(run, expected)}, {e['bytes_sent'] / 1e6:.1f} MB/{e['seconds']:.2f} s"


def bandwidth_bench() -> list[str]:
    """The tables (Markdown lines)."""
    reason = unavailable_reason()
    if reason:
        return [f"bench: {reason}"]
    root = (sys.executable, str(REPO))
    nobody = _stage_for_unprivileged()
    data: dict[str, Any] = {"rows": [], "long": [], "held_out": [], "load": []}
    lines = [
        "Bandwidth through the SSH port (`aspdiag check --bandwidth`, default budget 8 MB / 3 s unless marked) versus",
        "tc tbf and iperf3 (one TCP stream, 3 s), same lab run; Mbit/s of TCP payload, then bytes/seconds spent.",
        "",
        "| tbf Mbit/s | bucket | expected | root, Debian sshd | nobody, Debian sshd | nobody, OpenSSH 10 |"
        " nobody, 4x budget | iperf3 |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with Lab() as lab:
        lab.firewall([])
        current = lab.start_sshd("server", [CURRENT_PORT], flavour="current", log_level="INFO")
        for node in NODES:
            lab.rate_limit_icmp(node, 1000)
        try:
            for rate, bucket in ROWS:
                shape(lab, rate, bucket)
                expected = rate * V4_SHARE
                runs = {
                    "root": ours(lab, user=None, port=22, python=root),
                    "nobody": ours(lab, user="nobody", port=22, python=nobody),
                    "current": ours(lab, user="nobody", port=CURRENT_PORT, python=nobody),
                }
                if rate >= 1000:
                    runs["nobody_x4"] = ours(lab, user="nobody", port=22, scale=4, python=nobody)
                runs["iperf3"] = iperf3(lab)
                data["rows"].append({"rate": rate, "bucket_kb": bucket, **runs})
                x4 = cell(runs["nobody_x4"], expected) if "nobody_x4" in runs else ""
                lines.append(
                    f"| {rate:g} | {bucket} KB | {expected:.1f} | {cell(runs['root'], expected)} |"
                    f" {cell(runs['nobody'], expected)} | {cell(runs['current'], expected)} | {x4} |"
                    f" {runs['iperf3']['mbps']:.1f} |"
                )
                print(lines[-1], file=sys.stderr, flush=True)
            lines += _long_path(lab, nobody, data)
            lines += _held_out(lab, nobody, data)
            lines += _busy(lab, nobody, data)
            penalties = "penalty" in current.log().lower()
            lines += ["", f"OpenSSH 10 (default PerSourcePenalties) logged a penalty during the bench: {penalties}."]
        finally:
            lab.unshape("dmz", "eth1")
            for node in NODES:
                lab.rate_limit_icmp(node, 0)
    Path("/tmp/aspdiag-bench-bandwidth.json").write_text(json.dumps(data, indent=1))
    return lines


def _long_path(lab: Lab, nobody: tuple[str, str], data: dict[str, Any]) -> list[str]:
    from tests.lab.delay import restore_tcp_buffers, set_tcp_buffers

    lines = [
        "",
        "Long path: 50 ms RTT (25 ms each way on the router), TCP buffers raised to 64 MB on both ends.",
        "",
        "| tbf Mbit/s | bucket | expected | nobody, default budget | nobody, 4x | nobody, 10x | iperf3 |",
        "|---|---|---|---|---|---|---|",
    ]
    lab.delay("router", 25)
    previous = set_tcp_buffers(lab, ("client", "server"))
    try:
        for rate, bucket in LONG_ROWS:
            shape(lab, rate, bucket)
            expected = rate * V4_SHARE
            runs = {
                f"x{scale:g}": ours(lab, user="nobody", port=22, scale=scale, python=nobody) for scale in (1, 4, 10)
            }
            runs["iperf3"] = iperf3(lab)
            data["long"].append({"rate": rate, "bucket_kb": bucket, **runs})
            lines.append(
                f"| {rate:g} | {bucket} KB | {expected:.1f} | {cell(runs['x1'], expected)} |"
                f" {cell(runs['x4'], expected)} | {cell(runs['x10'], expected)} | {runs['iperf3']['mbps']:.1f} |"
            )
            print(lines[-1], file=sys.stderr, flush=True)
    finally:
        restore_tcp_buffers(lab, previous)
        lab.undelay("router")
    return lines


def _held_out(lab: Lab, nobody: tuple[str, str], data: dict[str, Any]) -> list[str]:
    rng = random.Random()
    rates = sorted({round(rng.uniform(5, 900), 1) for _ in range(5)})
    lines = [
        "",
        f"Rates drawn for this run (held out): {', '.join(f'{r:g}' for r in rates)} Mbit/s, 64 KB buckets, as nobody.",
        "",
        "| tbf Mbit/s | expected | nobody, Debian sshd |",
        "|---|---|---|",
    ]
    for rate in rates:
        shape(lab, rate, 64)
        expected = rate * V4_SHARE
        run = ours(lab, user="nobody", port=22, python=nobody)
        data["held_out"].append({"rate": rate, "run": run})
        lines.append(f"| {rate:g} | {expected:.1f} | {cell(run, expected)} |")
    return lines


def _busy(lab: Lab, nobody: tuple[str, str], data: dict[str, Any]) -> list[str]:
    lines = [
        "",
        "A busy loop on the second core (as nobody):",
        "",
        "| tbf Mbit/s | bucket | expected | run 1 | run 2 | iperf3 |",
        "|---|---|---|---|---|---|",
    ]
    busy = subprocess.Popen([sys.executable, "-c", "while True: pass"], env={"PATH": SAFE_PATH})
    try:
        time.sleep(0.5)
        for rate, bucket in ((50, 16), (1000, 1024)):
            shape(lab, rate, bucket)
            expected = rate * V4_SHARE
            scale = 4 if rate >= 1000 else 1
            runs = [ours(lab, user="nobody", port=22, scale=scale, python=nobody) for _ in range(2)]
            speed = iperf3(lab)
            data["load"].append({"rate": rate, "runs": runs, "iperf3": speed})
            lines.append(
                f"| {rate:g} | {bucket} KB | {expected:.1f} | {cell(runs[0], expected)} | {cell(runs[1], expected)} |"
                f" {speed['mbps']:.1f} |"
            )
    finally:
        busy.kill()
        busy.wait()
    return lines


def main() -> int:
    """Print the tables."""
    print("\n".join(bandwidth_bench()))
    return 0


if __name__ == "__main__":
    sys.exit(main())


def preflight_bench() -> list[str]:
    """``make bench`` section ``preflight`` (issue #15): wall time of a plain ``aspdiag check`` without the test
    transfer, and of ``--quick``, as root and as nobody, on a healthy lab path (50 Mbit/s bottleneck) and on
    the same path 50 ms away; three runs each. Budgets: 10 s and 1.5 s."""
    reason = unavailable_reason()
    if reason:
        return [f"bench: {reason}"]
    root = (sys.executable, str(REPO))
    nobody = _stage_for_unprivileged()
    lines = [
        "Wall time of `aspdiag check aspera.lab.test` (both addresses, IPv4 and IPv6), the whole process, three",
        "runs each (min / median / max, seconds); budget: 10 s without the test transfer, 1.5 s with --quick.",
        "",
        "| path | as | options | min | median | max | stages filled | budget met |",
        "|---|---|---|---|---|---|---|---|",
    ]
    with Lab() as lab:
        lab.firewall([])
        lab.shape("router", "eth1", 50, 64)
        for label, delay in (("50 Mbit/s, LAN RTT", 0), ("50 Mbit/s, 50 ms RTT", 25)):
            if delay:
                lab.delay("router", delay)
            for who, python, user in (("root", root, None), ("nobody", nobody, "nobody")):
                for options, budget in ((["--no-transfer"], 10.0), (["--quick"], 1.5)):
                    times, filled = [], ""
                    for _ in range(3):
                        workdir = Path(tempfile.mkdtemp(prefix="aspdiag-bench-"))
                        os.chmod(workdir, 0o777)
                        args = ["check", "aspera.lab.test", *options, "--format", "json", "--no-reports"]
                        started = time.monotonic()
                        run = run_aspdiag(lab, [*args, "--no-history"], workdir, python=python, user=user)
                        times.append(time.monotonic() - started)
                        subprocess.run(["rm", "-rf", str(workdir)], check=False)
                        data = json.loads(run.stdout)
                        parts = [k for k in ("reachability", "path", "bandwidth") if data.get(k)]
                        parts += ["ascp"] if data["run"]["settings"].get("ascp_searched") else []
                        filled = ", ".join(parts)
                    times.sort()
                    met = "yes" if times[-1] <= budget else "no"
                    lines.append(
                        f"| {label} | {who} | {' '.join(options)} | {times[0]:.2f} | {times[1]:.2f} | {times[2]:.2f} |"
                        f" {filled} | {met} |"
                    )
                    print(lines[-1], file=sys.stderr, flush=True)
            if delay:
                lab.undelay("router")
        lab.unshape("router", "eth1")
    return lines
