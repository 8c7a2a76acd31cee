"""The SSH-port bandwidth measurement against tc tbf and iperf3, in one lab run, printed as a Markdown table:
``python3 -m tests.bench_ssh_bandwidth [--out FILE.json]`` (root; builds and removes its own lab).

Per bottleneck (10 ... 5000 Mbit/s, 16 KB and 1 MB buckets, on dmz -> server): our estimate as root and as
``nobody`` with the default budget (8 MB / 3 s), as nobody with a 4x budget from 1 Gbit/s on, and one
iperf3 TCP stream for 3 s (server in the server namespace on a spare port). Then: the unshaped path (how
fast Debian's sshd 9.2 reads IGNORE packets), Linux's default ICMP rate limits on every router and the
server, a busy loop on the second core, and what sshd logs at DEBUG3 for one polite run.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from tests.conftest import SAFE_PATH
from tests.integration.test_lab_ssh_bandwidth import REPO, V4_SHARE, shape
from tests.lab import ADDR, Lab, unavailable_reason, which

IPERF_PORT = 5299
LOG_PORT = 2223
RATES = (10, 50, 200, 1000, 2000, 5000)
BUCKETS = (16, 1024)
NOBODY = (f"/usr/bin/python{sys.version_info.major}.{sys.version_info.minor}", str(REPO))


def ours(lab: Lab, *args: str, user: str | None = None, port: int = 22) -> dict[str, Any]:
    interpreter, pythonpath = NOBODY if user else (sys.executable, str(REPO))
    result = lab.exec(
        "client",
        [interpreter, "-m", "tests.ssh_bw_probe", ADDR.server4, str(port), *args],
        user=user,
        env={"PATH": SAFE_PATH, "PYTHONPATH": pythonpath, "LANG": "C.UTF-8"},
        cwd="/",
        timeout=60,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip()[-300:]}
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def iperf3(lab: Lab, seconds: int = 3) -> dict[str, Any]:
    server = subprocess.Popen(
        lab.exec_argv("server", ["iperf3", "-s", "-1", "-p", str(IPERF_PORT), "-B", ADDR.server4]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lab.wait_listening("server", "tcp", IPERF_PORT)
        result = lab.exec(
            "client", ["iperf3", "-c", ADDR.server4, "-p", str(IPERF_PORT), "-t", str(seconds), "-J"], timeout=30
        )
        end = json.loads(result.stdout)["end"]
        return {
            "mbps": end["sum_received"]["bits_per_second"] / 1e6,
            "bytes": end["sum_sent"]["bytes"],
            "retransmits": end["sum_sent"].get("retransmits"),
        }
    finally:
        server.wait(timeout=10)


def cell(run: dict[str, Any]) -> str:
    if "error" in run:
        return "error"
    e = run["estimate"]
    rate = "-" if e["rate_mbps"] is None else f"{e['rate_mbps']:.1f}"
    mark = {"measured": "", "lower_bound": ">=", "not_measured": "n/m "}[e["status"]]
    why = "" if e["status"] == "measured" else f" ({e['limited_by']})"
    return f"{mark}{rate}{why}"


def cost(run: dict[str, Any]) -> str:
    if "error" in run:
        return "-"
    return f"{run['bytes_written'] / 1e6:.1f} MB / {run['wall_s']:.2f} s"


def table_row(rate: float, bucket: int, runs: dict[str, Any]) -> str:
    expected = rate * V4_SHARE
    scaled = runs.get("nobody_x4")
    return (
        f"| {rate:g} | {bucket} KB | {expected:.1f} | {cell(runs['root'])} | {cost(runs['root'])} |"
        f" {cell(runs['nobody'])} | {cost(runs['nobody'])} |"
        f" {cell(scaled) if scaled else ''} | {cost(scaled) if scaled else ''} |"
        f" {runs['iperf3']['mbps']:.1f} | {runs['root'].get('estimate', {}).get('rwnd_limited_share', 0):.2f} |"
    )


def sshd_log_run(lab: Lab) -> list[str]:
    """One polite run against a second sshd at DEBUG3 on a spare port; the lines about our connection."""
    config = lab.workdir / "bench_sshd_config"
    log = lab.workdir / "bench_sshd.log"
    config.write_text(
        f"Port {LOG_PORT}\nListenAddress 0.0.0.0\nHostKey {lab.workdir / 'server_host_ed25519_key'}\n"
        f"PidFile {lab.workdir / 'bench_sshd.pid'}\nUsePAM no\nPasswordAuthentication no\n"
        "KbdInteractiveAuthentication no\nUseDNS no\nLogLevel DEBUG3\n"
    )
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            lab.exec_argv("server", [which("sshd") or "/usr/sbin/sshd", "-D", "-e", "-f", str(config)]),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        lab.wait_listening("server", "tcp", LOG_PORT)
        shape(lab, 50, 16)
        ours(lab, "--max-bytes", "1000000", port=LOG_PORT, user="nobody")
        time.sleep(1)
    finally:
        proc.terminate()
        proc.wait(timeout=5)
        lab.unshape("dmz", "eth1")
    lines = log.read_text(errors="replace").splitlines()
    ignores = sum(1 for line in lines if "SSH2_MSG_IGNORE" in line)
    keep = re.compile(
        r"Connection from|Remote protocol|compat_banner|Received disconnect|Disconnected from|"
        r"kex|KEXINIT|reset|error|fatal|Bad packet"
    )
    picked = [line for line in lines if keep.search(line)][:40]
    return [f"(DEBUG3 lines mentioning SSH2_MSG_IGNORE: {ignores})", *picked]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=Path("/tmp/bench_ssh_bandwidth.json"))
    args = parser.parse_args()
    reason = unavailable_reason()
    if reason:
        sys.exit(reason)
    results: dict[str, Any] = {"rows": [], "extra": {}}
    with Lab() as lab:
        lab.firewall([])
        lines = [
            "| tbf Mbit/s | bucket | expected payload Mbit/s | root | root cost | nobody | nobody cost |"
            " nobody 4x budget | 4x cost | iperf3 Mbit/s | rwnd share (root) |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for rate in RATES:
            for bucket in BUCKETS:
                shape(lab, rate, bucket)
                runs: dict[str, Any] = {
                    "root": ours(lab),
                    "nobody": ours(lab, user="nobody"),
                }
                if rate >= 1000:
                    runs["nobody_x4"] = ours(lab, "--budget-scale", "4", user="nobody")
                runs["iperf3"] = iperf3(lab)
                lab.unshape("dmz", "eth1")
                results["rows"].append({"rate": rate, "bucket_kb": bucket, **runs})
                lines.append(table_row(rate, bucket, runs))
                print(lines[-1], flush=True)
        # The unshaped path: what limits is sshd (or our sender).
        unshaped = {
            "ours_256MB": ours(lab, "--max-bytes", "256000000", "--no-stop"),
            "iperf3": iperf3(lab),
        }
        results["extra"]["unshaped"] = unshaped
        # Linux's default ICMP rate limits everywhere: irrelevant for a TCP measurement.
        for node in ("router", "fw", "dmz", "server"):
            lab.rate_limit_icmp(node, 1000)
        icmp: dict[str, list[dict[str, Any]]] = {}
        try:
            for rate, bucket, extra in ((50, 16, ()), (1000, 1024, ("--budget-scale", "4"))):
                shape(lab, rate, bucket)
                icmp[f"{rate}/{bucket}"] = [ours(lab, *extra, user="nobody") for _ in range(2)]
                lab.unshape("dmz", "eth1")
        finally:
            for node in ("router", "fw", "dmz", "server"):
                lab.rate_limit_icmp(node, 0)
        results["extra"]["icmp_ratelimit_default"] = icmp
        # A busy loop on the second core.
        busy = subprocess.Popen([sys.executable, "-c", "while True: pass"])
        load: dict[str, Any] = {}
        try:
            time.sleep(0.5)
            for rate, bucket, extra in (
                (50, 16, ()),
                (1000, 1024, ("--budget-scale", "4")),
                (5000, 1024, ("--budget-scale", "4")),
            ):
                shape(lab, rate, bucket)
                load[f"{rate}/{bucket}"] = {
                    "ours": [ours(lab, *extra, user="nobody") for _ in range(2)],
                    "iperf3": iperf3(lab),
                }
                lab.unshape("dmz", "eth1")
        finally:
            busy.kill()
            busy.wait()
        results["extra"]["cpu_load"] = load
        results["extra"]["sshd_log"] = sshd_log_run(lab)
    args.out.write_text(json.dumps(results, indent=1))
    print("\n".join(lines))
    print(
        f"\nunshaped: ours {cell(unshaped['ours_256MB'])} ({cost(unshaped['ours_256MB'])}),"
        f" rwnd share {unshaped['ours_256MB'].get('estimate', {}).get('rwnd_limited_share')},"
        f" iperf3 {unshaped['iperf3']['mbps']:.0f}"
    )
    for key, icmp_runs in icmp.items():
        print(f"ICMP limits on, {key}: " + ", ".join(cell(r) for r in icmp_runs))
    for key, value in load.items():
        rates = ", ".join(cell(r) for r in value["ours"])
        print(f"busy core, {key}: ours {rates}; iperf3 {value['iperf3']['mbps']:.1f}")
    print("\n".join(results["extra"]["sshd_log"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
