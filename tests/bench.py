"""``make bench``: aspdiag against reference tools, measured in the same lab run, printed as a Markdown table.

Reachability (issue 3): for every firewall scenario, time to a verdict for TCP 22, TCP 33001 and UDP 33001
and what each tool says about the port the scenario affects — aspdiag with raw packets (root) and with
unprivileged sockets (as ``nobody``), ``nmap -sS -sU --reason`` and ``traceroute -T``/``-U`` on the same
port. Later issues add bandwidth (iperf3), path MTU and ascp rows.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from tests.lab import ADDR, Lab, unavailable_reason

REPEATS = 3
TIMEOUT_S = 3.0


@dataclass(frozen=True)
class Case:
    """One scenario: how to set it up and what the right answer is."""

    name: str
    setup: Callable[[Lab], None]
    target: str
    label: str
    state: str
    hop: int | None
    hop_address: str | None


def _scenario(name: str) -> Callable[[Lab], None]:
    return lambda lab: lab.scenario(name)


def _host_firewall_drop(lab: Lab) -> None:
    lab.scenario("open")
    lab.host_firewall("server", ["udp dport 33001 drop"])


CASES = [
    Case("all open", _scenario("open"), ADDR.server4, "udp/33001", "closed", None, None),
    Case(
        "UDP 33001 dropped at the perimeter",
        _scenario("udp-drop"),
        ADDR.server4,
        "udp/33001",
        "dropped",
        3,
        ADDR.dmz_fw4,
    ),
    Case(
        "TCP 33001 rejected (admin-prohibited)",
        _scenario("tcp33001-reject"),
        ADDR.server4,
        "tcp/33001",
        "rejected",
        2,
        ADDR.fw_router4,
    ),
    Case(
        "TCP 22 reset injected by the firewall",
        _scenario("tcp22-reset"),
        ADDR.server4,
        "tcp/22",
        "rejected",
        2,
        ADDR.fw_router4,
    ),
    Case(
        "UDP 33001 port-unreachable spoofed by the firewall",
        _scenario("udp-spoof"),
        ADDR.server4,
        "udp/33001",
        "rejected",
        2,
        ADDR.fw_router4,
    ),
    Case(
        "UDP 33001 dropped for IPv6 only",
        _scenario("ipv6-udp-drop"),
        ADDR.server6,
        "udp/33001",
        "dropped",
        3,
        ADDR.dmz_fw6,
    ),
    Case(
        "target's own host firewall drops UDP 33001",
        _host_firewall_drop,
        ADDR.server4,
        "udp/33001",
        "dropped",
        4,
        ADDR.server4,
    ),
    Case("no route to the target", _scenario("open"), ADDR.unrouted4, "udp/33001", "rejected", 2, ADDR.fw_router4),
]


def _timed(lab: Lab, argv: list[str], **kw: Any) -> tuple[float, subprocess.CompletedProcess[str]]:
    started = time.perf_counter()
    result = lab.exec("client", argv, timeout=120, **kw)
    return time.perf_counter() - started, result


def _aspdiag(lab: Lab, case: Case, method: str, python: tuple[str, str]) -> dict[str, Any]:
    interpreter, pythonpath = python
    user = "nobody" if method == "socket" else None
    env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "PYTHONPATH": pythonpath}
    argv = [
        interpreter,
        "-m",
        "aspdiag",
        "check",
        case.target,
        "-f",
        "json",
        "--no-reports",
        "--no-history",
        "--method",
        method,
        "--timeout",
        str(TIMEOUT_S),
    ]
    walls, checks, data = [], [], {}
    for _ in range(REPEATS):
        wall, result = _timed(lab, argv, user=user, env=env, cwd="/tmp")
        data = json.loads(result.stdout)
        walls.append(wall)
        started = datetime.fromisoformat(data["run"]["started_utc"].replace("Z", "+00:00"))
        finished = datetime.fromisoformat(data["run"]["finished_utc"].replace("Z", "+00:00"))
        checks.append((finished - started).total_seconds())
    proto, port = case.label.split("/")
    entry = next(r for r in data["reachability"] if r["protocol"] == proto and r["port"] == int(port))
    blocked = entry["blocked_at"]
    correct = entry["state"] == case.state and (
        case.hop is None
        or (blocked is not None and blocked["hop"] == case.hop and blocked["address"] == case.hop_address)
    )
    where = f" @ hop {blocked['hop']} {blocked['address'] or ''}".rstrip() if blocked else ""
    return {
        "answer": f"{entry['state']}{where}",
        "wall": statistics.median(walls),
        "check": statistics.median(checks),
        "correct": correct,
    }


def _nmap(lab: Lab, case: Case) -> tuple[str, float]:
    proto, port = case.label.split("/")
    six = ["-6"] if ":" in case.target else []
    argv = ["nmap", "-n", "-Pn", *six, "-sS", "-sU", "-p", "T:22,33001,U:33001", "--reason", case.target]
    walls, out = [], ""
    for _ in range(REPEATS):
        wall, result = _timed(lab, argv)
        walls.append(wall)
        out = result.stdout
    match = re.search(rf"^{port}/{proto}\s+(\S+)\s+\S+\s+(.*)$", out, re.M)
    return (f"{match.group(1)} ({match.group(2).strip()})" if match else "?"), statistics.median(walls)


def _traceroute(lab: Lab, case: Case) -> tuple[str, float]:
    proto, port = case.label.split("/")
    mode = "-T" if proto == "tcp" else "-U"
    six = ["-6"] if ":" in case.target else []
    argv = ["traceroute", "-n", *six, mode, "-p", port, "-q", "1", "-w", "1", "-m", "6", case.target]
    wall, result = _timed(lab, argv)
    hops = [line.split() for line in result.stdout.splitlines()[1:] if line.strip()]
    answered = [h for h in hops if len(h) > 1 and h[1] != "*"]
    if not answered:
        return "no hop answered", wall
    last = answered[-1]
    notes = " ".join(x for x in last[2:] if x.startswith("!"))
    silent = len(hops) - int(last[0])
    text = f"last answer hop {last[0]} {last[1]}" + (f" {notes}" if notes else "")
    if silent > 0:
        text += f", then {silent} silent"
    return text, wall


EXPLAIN_BYTES = 2 * 1024**3
MIXED_SYSLOG_BYTES = 1024**3
MIXED_SESSIONS_PER_BLOCK = 500


def _mixed_syslog_block() -> bytes:
    """One block of a server's /var/log/messages: per ascp session the lines ascp really writes (FASP records, its
    configuration and statistics LOG lines) among sshd, kernel firewall, systemd-logind and cron lines.
    Every 20th session fails the blocked-UDP way (0 bytes, errcode 15 and a free-text ERR 'timed out' line),
    every 50th stalls after data moved (errcode 40). ``BLOCKIDX`` is replaced per block so uuids stay unique."""
    out = []
    for i in range(MIXED_SESSIONS_PER_BLOCK):
        uuid = f"BLOCKIDX-{i % 10000:04x}-3333-4444-{i:012d}"
        pid, client, port = 20000 + i, f"198.51.100.{i % 200}", 40000 + i % 20000
        h = f"Mar {1 + i % 28:2d} {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d} dtn1"
        ascp = f"{h} ascp[{pid}]:"
        for k in range(4):
            out.append(
                f"{h} kernel: [{i}.{k:06d}] [UFW BLOCK] IN=eth0 OUT= MAC=52:54:00:12:34:56:52:54:00:65:43:21:08:00 "
                f"SRC=203.0.113.{(i + k) % 250} DST=192.0.2.10 LEN=44 TOS=0x00 PREC=0x00 TTL=241 ID={i % 65535} "
                f"PROTO=TCP SPT={40000 + k} DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0\n"
            )
        out.append(f"{h} sshd[{pid + 1}]: Invalid user admin from 203.0.113.{i % 250} port {50000 + i % 9999}\n")
        out.append(
            f"{h} sshd[{pid}]: Accepted publickey for xfer from {client} port {port} ssh2: RSA SHA256:abcdefgh\n"
        )
        out.append(f"{h} sshd[{pid}]: pam_unix(sshd:session): session opened for user xfer(uid=1001) by (uid=0)\n")
        out.append(f"{h} systemd-logind[812]: New session {i} of user xfer.\n")
        out.append(f'{ascp} LOG Configuration: using v2 configuration file "/opt/aspera/etc/aspera.conf", user xfer\n')
        out.append(f"{ascp} LOG Initializing FASP version 4.4.2.572, license max rate=(unlimited)\n")
        out.append(f"{ascp} LOG (access key) Not present\n")
        out.append(
            f"{ascp} LOG FASP Session Start uuid={uuid} op=send status=started source=/data/f{i}.gz dest=. "
            f'source_prefix=- local=192.0.2.10:33001 peer={client}:{port} tcp_port=22 os="Linux 5.14" '
            f'ver=4.4.2.572 lic=10:1:22001 peeros="Linux" peerver=4.4.1.197 peerlic=53:1:53 proto_sess=20003\n'
        )
        out.append(
            f'{ascp} LOG FASP Session Params uuid={uuid} userid=1001 user="xfer" targetrate=300000000 minrate=0 '
            "rate_policy=fair cipher=aes-128 resume=2 create=0 ovr=1 times=0 precalc=no mf=0 dgram_sz=0 "
            'tcp_mode=no rtt_auto=yes cookie="-" vl_proto_ver=1 srcbase=- rd_sz=0 wr_sz=0 range=0-0\n'
        )
        blocked, stalled = i % 20 == 0, i % 50 == 25
        moved = 0 if blocked else 104857600 // (4 if stalled else 1)
        out.append(
            f'{ascp} LOG FASP Transfer Start uuid={uuid} op=send status=started file="/data/f{i}.gz" size=104857600 '
            "start_byte=0 rate=0.00Kbps loss=0.00 rexreqs=0 overhead=0\n"
        )
        if not (blocked or stalled):
            out.append(
                f'{ascp} LOG FASP Transfer Stop uuid={uuid} op=send status=success file="/data/f{i}.gz" '
                "size=104857600 start_byte=0 rate=95.10Mbps elapsed=8.82s loss=0.12 rexreqs=3 overhead=0\n"
            )
        out.append(
            f"{ascp} LOG FASP Session Statistics [Sender] id={uuid} delay=64ms rex_delay=72ms solicited_rex=0.01% "
            "unsolicited_rex=0.00% ave_xmit_rate 95.10Mbps effective=99.99% effective_rate=95.00Mbps (detail: "
            "good_blks 72000 bl_total 72010 bl_orig 72000 bl_rex 10 dup_last_blks 0) (sndr ctl: sent 100 rcvd 100 "
            f"lost 0 lost 0.00%) (progress: tx_bytes {moved} file_bytes {moved} tx_time 8820000)\n"
        )
        out.append(f"{ascp} LOG Sender bl t/o/r/d/ts=72010/72000/10/0/72000 rex_rtt l/h/s/o=0/0/64/8 ctl bm/bs=0/0\n")
        if blocked:
            out.append(f"{ascp} ERR Data transfer timed out\n")
            out.append(
                f"{ascp} LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=15 "
                f'errstr="Timeout establishing data connection" peer={client}:{port} tcp_port=22\n'
            )
        elif stalled:
            out.append(
                f"{ascp} LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=40 "
                f'errstr="Transfer stalled, timed out" peer={client}:{port} tcp_port=22\n'
            )
        else:
            out.append(f"{ascp} LOG FASP Session Stop uuid={uuid} op=send status=success peer={client}:{port}\n")
        out.append(f"{h} sshd[{pid}]: pam_unix(sshd:session): session closed for user xfer\n")
        out.append(f"{h} systemd-logind[812]: Session {i} logged out. Waiting for processes to exit.\n")
        out.append(f"{h} CRON[{pid + 2}]: (root) CMD (command -v debian-sa1 > /dev/null && debian-sa1 1 1)\n")
    return "".join(out).encode()


def _write_mixed_syslog(path: Path, size: int) -> tuple[int, int, int, int]:
    """Write ``size`` bytes of whole blocks; (bytes, lines, ascp bytes, sessions)."""
    block = _mixed_syslog_block()
    ascp_bytes = sum(len(line) + 1 for line in block.split(b"\n") if b" ascp[" in line)
    written = blocks = 0
    with open(path, "wb") as fh:
        while written < size:
            fh.write(block.replace(b"BLOCKIDX", f"{blocks:08x}".encode()))
            written += len(block)
            blocks += 1
    return written, block.count(b"\n") * blocks, ascp_bytes * blocks, MIXED_SESSIONS_PER_BLOCK * blocks


def _write_file_log(path: Path, size: int) -> int:
    """The previous bench input: ascp's own log file, 50 interleaved sessions of file records, each ending with its
    Session Stop, one failing (15)."""
    block_lines = []
    for i in range(2000):
        session = i % 50
        block_lines.append(
            f"2024-03-03 08:10:00 [1-1] LOG FASP Transfer Stop uuid=77777777-2222-3333-4444-{session:012d} "
            f'op=recv status=success file="/data/f{i}.gz" size=1048576 start_byte=0 rate=95.10Mbps '
            "elapsed=0.09s loss=0.00 rexreqs=0 overhead=0\n"
        )
    block = "".join(block_lines).encode()
    with open(path, "wb") as fh:
        written = 0
        while written < size:
            fh.write(block)
            written += len(block)
        for session in range(50):  # each session's end, as ascp logs it
            end = (
                'status=failed errcode=15 errstr="Timeout establishing data connection"'
                if session == 7
                else "status=success"
            )
            fh.write(
                f"2024-03-03 09:00:00 [1-1] LOG FASP Session Stop uuid=77777777-2222-3333-4444-{session:012d} "
                f"op=recv {end}\n".encode()
            )
    return written


def _explain_bench() -> list[str]:
    """aspdiag explain versus ``grep -c`` on the same files: a server's mixed syslog (the issue-17 target:
    >= 100 MB/s on one core, < 100 MB RSS), the same rotated and gzip-compressed, and ascp's own log file."""
    import gzip
    import tempfile

    compiled = _compiled_as_installed()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aspdiag-bench-") as tmp:
        mixed = Path(tmp) / "messages"
        size, n_lines, ascp_bytes, sessions = _write_mixed_syslog(mixed, MIXED_SYSLOG_BYTES)
        rows.append(_explain_row("mixed syslog (server)", mixed, size, "ascp", sessions))
        rotated = Path(tmp) / "messages.1.gz"
        with open(mixed, "rb") as src, gzip.open(rotated, "wb", compresslevel=1) as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        rows.append(_explain_row("the same, rotated .gz", rotated, size, "ascp", sessions, zgrep=True))
        mixed.unlink()
        rotated.unlink()
        own = Path(tmp) / "aspera-scp-transfer.log"
        own_size = _write_file_log(own, EXPLAIN_BYTES)
        rows.append(_explain_row("ascp's own log file", own, own_size, "FASP", 50))
    from aspdiag.tools.explain import scan

    def search_width() -> int:
        from aspdiag.tools.explain._records import search_width as width

        return width()

    reference_ms = _python_speed_ms()
    lines = [
        "## explain: aspdiag versus grep on the same files (one core, page cache warm)",
        "",
        f"This machine's Python: `sum(range(10**7))` takes {reference_ms:.0f} ms (best of 5; a yardstick for comparing "
        "machines, measured right after the rows); explain's compiled part (`_records.c`): "
        + (
            f"in use, its search trying {search_width()} places at once."
            if scan.COMPILED
            else "NOT built, the regular expressions and the Python loop ran."
        ),
        "",
        f"Mixed syslog: {size / 2**30:.2f} GiB, {n_lines:,} lines, {ascp_bytes / size:.0%} of the bytes ascp's "
        f"(per session 4 kernel firewall, 4 sshd, 2 systemd-logind, 1 cron and 12 ascp lines; every 20th session "
        "blocked-UDP with errcode 15 and a free-text 'timed out' ERR line, every 50th stalled with 40). "
        "ascp's own log: the 2 GB file-record log of earlier benches (50 interleaved sessions, one failing with 15). "
        "MB/s = input bytes (uncompressed) / wall time of the whole process, Python start-up included; aspdiag's "
        f"rows: the best of {EXPLAIN_RUNS} runs, their median in brackets, the largest peak RSS. "
        f"aspdiag as installed: its {compiled} modules compiled to bytecode first, as pip does when it installs a "
        "package (an editable checkout in a shell with PYTHONDONTWRITEBYTECODE compiles them at every start: some "
        "0.45 s a run here).",
        "",
        "| input | tool | wall s | MB/s | peak RSS MiB | result |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        lines += row
    return lines


def _compiled_as_installed() -> int:
    """Compile aspdiag's modules to bytecode beside them (``__pycache__``, as an install does; the files are Python's
    cache, which git ignores), so that the rows time the tool, not the compiler; returns how many modules."""
    import compileall

    import aspdiag

    package = Path(aspdiag.__file__).parent
    if not compileall.compile_dir(package, quiet=1):
        raise SystemExit("bench: aspdiag's modules did not all compile to bytecode")
    return sum(1 for _ in package.rglob("*.py"))


def _python_speed_ms() -> float:
    """The interpreter's speed on this machine (the shared machines here differ by a factor of two from one day to
    the next): the best of five runs of ``sum(range(10**7))``, in a fresh process like the rows'."""
    out = subprocess.run(
        [sys.executable, "-c", "import timeit; print(min(timeit.repeat('sum(range(10**7))', number=1, repeat=5)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out) * 1000


EXPLAIN_RUNS = 3
"""Runs of each explain row: the best is the row's figure, the median beside it (the shared machine's speed moves
within minutes; grep runs once, as it reads at memory speed)."""


def _explain_row(label: str, path: Path, size: int, needle: str, sessions: int, zgrep: bool = False) -> list[str]:
    runs = [
        _measured([sys.executable, "-m", "aspdiag", "explain", str(path), "-f", "json"]) for _ in range(EXPLAIN_RUNS)
    ]
    walls = sorted(run[0] for run in runs)
    wall, median = walls[0], walls[len(walls) // 2]
    peak_mib = max(run[1] for run in runs)
    out = runs[0][3]
    data = json.loads(out)
    causes = ", ".join(f"{k} {v:,}" for k, v in sorted(data["causes"].items(), key=lambda kv: -kv[1]))
    result = f"{data['sessions_total']:,} of {sessions:,} sessions; {causes}"
    if data.get("server_side"):
        result += f"; {len(data['clients']):,} clients"
    grep = ["zgrep", "-c", needle, str(path)] if zgrep else ["grep", "-c", needle, str(path)]
    g_wall, g_peak, _g_rc, g_out = _measured(grep)
    mb = size / 1e6
    return [
        f"| {label} | aspdiag explain | {wall:.1f} (median {median:.1f}) | {mb / wall:.0f} (median {mb / median:.0f}) "
        f"| {peak_mib:.0f} | {result} |",
        f"| {label} | {' '.join(grep[:3])} | {g_wall:.1f} | {mb / g_wall:.0f} | {g_peak:.0f} | "
        f"{int(g_out.strip() or 0):,} lines |",
    ]


CATALOG_SMALL_FILES = 200_000
CATALOG_LARGE = (3, 256 << 20)  # three 256 MiB files

_PEAK_CHILD = (
    "import resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "rc = subprocess.run(sys.argv[1:]).returncode\n"
    "print('WALL', time.perf_counter() - t, 'PEAK', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "
    "'RC', rc, file=sys.stderr)\n"
)


def _measured(argv: list[str], cwd: str | None = None) -> tuple[float, float, int, str]:
    """(wall s, peak RSS MiB of the largest process, exit code, stdout) of one command, measured by a wrapper."""
    result = subprocess.run([sys.executable, "-c", _PEAK_CHILD, *argv], capture_output=True, text=True, cwd=cwd)
    tail = result.stderr.rsplit("WALL", 1)[1].split()
    return float(tail[0]), int(tail[2]) / 1024, int(tail[4]), result.stdout


def _catalog_bench() -> list[str]:
    """aspdiag catalog on 200,000 small files and a few large ones, versus find -printf and sha256sum."""
    import tempfile

    lines: list[str] = []
    with tempfile.TemporaryDirectory(prefix="aspdiag-bench-catalog-") as tmp:
        root = Path(tmp) / "tree"
        for i in range(CATALOG_SMALL_FILES):
            if i % 500 == 0:
                d = root / f"run{i // 20000:02d}" / f"lane{i // 500:04d}"
                d.mkdir(parents=True)
            (d / f"read_{i:06d}.fastq.gz").write_bytes(b"@%d\n" % i * (1 + i % 40))
        count, size = CATALOG_LARGE
        chunk = os.urandom(1 << 20)
        for k in range(count):
            with open(root / f"big_{k}.bam", "wb") as fh:
                for _ in range(size >> 20):
                    fh.write(chunk)
        total = sum(f.stat().st_size for f in root.rglob("*") if f.is_file())
        out = Path(tmp) / "reports"
        me = [sys.executable, "-m", "aspdiag", "catalog", str(root), "--reports-dir", str(out)]
        # Warm the page cache once so every contender reads from memory, not from whichever ran first.
        subprocess.run(["find", str(root), "-type", "f", "-printf", "%s\n"], capture_output=True, check=True)
        subprocess.run(["sh", "-c", f"cat {root}/big_* > /dev/null"], check=True)
        rows = [
            ("find -printf '%P\\t%s\\t%T@'", _measured(["find", str(root), "-type", "f", "-printf", "%P\t%s\t%T@\n"])),
            ("aspdiag catalog (no checksum)", _measured(me)),
            (
                "find -print0 | xargs -0 sha256sum",
                _measured(["sh", "-c", f"find {root} -type f -print0 | xargs -0 sha256sum"]),
            ),
            ("aspdiag catalog --checksum sha256", _measured([*me, "--checksum", "sha256"])),
        ]
        tsv = max(out.glob("*.tsv"), key=lambda p: p.stat().st_mtime_ns)
        listed = sum(1 for _ in open(tsv, encoding="utf-8")) - 2
        verify = _measured([sys.executable, "-m", "aspdiag", "catalog", str(root), "--verify", str(tsv)])
        # aspdiag watch on the same tree: a full sample versus an incremental one while one file grows.
        from aspdiag.tools.watch import DirSampler

        sampler = DirSampler(str(root), full_every=1000)
        t0 = time.perf_counter()
        first = sampler.sample(0.0)
        full_s = time.perf_counter() - t0
        growing = root / "run00" / "lane0003" / "read_001500.fastq.gz"
        incremental = []
        for n in range(1, 6):
            with open(growing, "ab") as fh:
                fh.write(b"x" * 4096)
            t0 = time.perf_counter()
            s = sampler.sample(float(n))
            incremental.append((time.perf_counter() - t0, s))
        inc_s, last = incremental[-1]
        watch_ok = last.total_bytes == first.total_bytes + 5 * 4096
        # The catalogue's sha256 must agree with sha256sum's on every file.
        theirs = {}
        for line in rows[2][1][3].splitlines():
            digest, _, name = line.partition("  ")
            theirs[os.path.relpath(name, root)] = digest
        ours = {}
        for line in open(tsv, encoding="utf-8").read().splitlines()[2:]:
            cells = line.split("\t")
            ours[cells[0]] = cells[3]
        agree = ours == theirs
        lines.append(
            f"## catalog: {CATALOG_SMALL_FILES:,} small files and {count} × {size >> 20} MiB "
            f"({total / 2**30:.2f} GiB), page cache warm, {os.cpu_count()} CPUs"
        )
        lines.append("")
        lines.append("| command | wall s | peak RSS MiB | exit |")
        lines.append("|---|---|---|---|")
        for name, (wall, peak, rc, _out) in [*rows, (f"aspdiag catalog --verify (sha256, {listed:,} files)", verify)]:
            lines.append(f"| {name.replace('|', chr(92) + '|')} | {wall:.1f} | {peak:.0f} | {rc} |")
        lines.append("")
        lines.append(
            f"Catalogue lists {listed:,} files; its sha256 column {'matches' if agree else 'DOES NOT match'} "
            "sha256sum on every file; --verify of the unchanged tree exits "
            f"{verify[2]} ({verify[3].splitlines()[0] if verify[3] else 'no output'})."
        )
        lines.append("")
        lines.append(
            f"aspdiag watch on the same tree: first (full) sample {full_s:.2f} s, {first.stat_calls:,} stat calls; "
            f"incremental sample while one file grows {inc_s * 1000:.0f} ms, {last.stat_calls:,} stat calls; "
            f"size {'exact' if watch_ok else 'WRONG'} after 5 samples."
        )
    return lines


PATH_CASES = [
    # name, MTU of the fw-dmz link, ICMP too-big dropped at the firewall, expected (path MTU, black hole, hop)
    ("full 1500 path", 1500, False, (1500, False, None)),
    ("1492 link (PPPoE), ICMP works", 1492, False, (1492, False, None)),
    ("1400 link (IPsec VPN), ICMP works", 1400, False, (1400, False, None)),
    ("1400 link, ICMP too-big dropped", 1400, True, (1400, True, 2)),
    ("1280 link, ICMP too-big dropped", 1280, True, (1280, True, 2)),
]


def _path_bench() -> list[str]:
    """Path MTU in the lab: aspdiag check --path versus tracepath on the same path, same run."""
    reason = unavailable_reason()
    if reason:
        return [f"bench: {reason}"]
    rows = []
    env = {
        "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
        "PYTHONPATH": str(__import__("pathlib").Path(__file__).resolve().parents[1]),
    }
    with Lab() as lab:
        lab.scenario("open")
        for name, mtu, hole, (want_mtu, want_hole, want_hop) in PATH_CASES:
            lab.set_mtu("fw", "eth1", mtu)
            lab.set_mtu("dmz", "eth0", mtu)
            lab.firewall(
                [],
                [
                    "meta nfproto ipv4 icmp type destination-unreachable icmp code frag-needed drop",
                    "meta nfproto ipv6 icmpv6 type packet-too-big drop",
                ]
                if hole
                else [],
            )
            for target in (ADDR.server4, ADDR.server6):
                # Forget MTUs learned in the previous case (tracepath trusts the kernel's cache).
                lab.exec("client", ["ip", "route", "flush", "cache"])
                lab.exec("client", ["ip", "-6", "route", "flush", "cache"])
                argv = [sys.executable, "-m", "aspdiag", "check", target, "--path", "-f", "json", "--no-reports"]
                argv.append("--no-history")
                wall, result = _timed(lab, argv, env=env, cwd="/tmp")
                p = json.loads(result.stdout)["path"][0]
                right = (
                    p["path_mtu_bytes"] == want_mtu
                    and p["black_hole"] == want_hole
                    and (want_hop is None or p["black_hole_after_hop"] == want_hop)
                )
                found = f"{p['path_mtu_bytes']}" + (
                    f", black hole after hop {p['black_hole_after_hop']} ({p['black_hole_after_address']})"
                    if p["black_hole"]
                    else (f", ICMP from {p['icmp_mtu_from']}" if p["icmp_mtu_bytes"] else "")
                )
                six = ["-6"] if ":" in target else []
                lab.exec("client", ["ip", "route", "flush", "cache"])
                lab.exec("client", ["ip", "-6", "route", "flush", "cache"])
                t_wall, traced = _timed(lab, ["tracepath", "-n", *six, "-m", "6", "-p", "33001", target])
                pmtu = re.findall(r"pmtu (\d+)", traced.stdout)
                resume = re.search(r"Resume: pmtu (\d+)", traced.stdout)
                trace_mtu = resume.group(1) if resume else (pmtu[-1] if pmtu else "?")
                trace_answer = f"{trace_mtu} {'✔' if trace_mtu == str(want_mtu) else '✘'}" + (
                    "" if traced.returncode == 0 else f" (exit {traced.returncode})"
                )
                rows.append(
                    [
                        name,
                        "v6" if ":" in target else "v4",
                        f"{want_mtu}" + (f", black hole after hop {want_hop}" if want_hole else ""),
                        f"{found} {'✔' if right else '✘'}",
                        f"{p['mtu_probes']}",
                        f"{p['duration_s']:.2f} / {wall:.2f}",
                        trace_answer,
                        f"{t_wall:.2f}",
                    ]
                )
        lab.set_mtu("fw", "eth1", 1500)
        lab.set_mtu("dmz", "eth0", 1500)
    header = [
        "scenario",
        "family",
        "right answer",
        "aspdiag --path",
        "probes",
        "s (path / process)",
        "tracepath pmtu",
        "s",
    ]
    lines = [
        "## Path MTU: aspdiag check --path vs tracepath, same lab run",
        "",
        "The fw-dmz link (behind hop 2) gets the MTU; 'ICMP too-big dropped' drops the firewall's own ICMP "
        "fragmentation-needed / packet-too-big. The kernel's route cache is flushed before each tool runs. "
        "aspdiag uses unprivileged sockets (run as root here); s = path probe / whole process; tracepath runs "
        "`-n -m 6 -p 33001`.",
        "",
    ]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


CAPACITY_RATES = (10, 50, 200, 1000)
CAPACITY_BURSTS_KB = (16, 1024)


def _capacity_bench() -> list[str]:
    """Single-ended capacity estimate (aspdiag check --capacity) versus the tc tbf rate, same lab run."""
    reason = unavailable_reason()
    if reason:
        return [f"bench: {reason}"]
    from tests.conftest import _stage_for_unprivileged

    root = (sys.executable, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    nobody = _stage_for_unprivileged()
    cases: list[tuple[str, float | None, int | None, float, bool, bool]] = []
    for tbf_rate in CAPACITY_RATES:
        for tbf_burst in CAPACITY_BURSTS_KB:
            cases.append(("root", tbf_rate, tbf_burst, max(100.0, 2.0 * tbf_rate), False, True))
    cases += [
        ("nobody", 10, 16, 100.0, False, False),
        ("nobody", 50, 1024, 100.0, False, False),
        ("root", None, None, 100.0, False, True),
        ("nobody", None, None, 100.0, True, False),
    ]
    rows = []
    with Lab() as lab:
        lab.scenario("open")
        for who, rate, burst, cap, limited, as_root in cases:
            if rate is not None and burst is not None:
                lab.shape("router", "eth1", rate, burst)
            else:
                lab.unshape("router", "eth1")
            lab.rate_limit_icmp("server", 1000 if limited else 0)
            interpreter, pythonpath = root if as_root else nobody
            env = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "PYTHONPATH": pythonpath}
            argv = [interpreter, "-m", "aspdiag", "check", ADDR.server4, "--capacity", "--max-rate", f"{cap:g}"]
            argv += ["-f", "json", "--no-reports", "--no-history"]
            time.sleep(1.5)  # let the previous case's bucket refill and queues drain
            _wall, result = _timed(lab, argv, env=env, cwd="/tmp", user=None if as_root else "nobody")
            c = json.loads(result.stdout)["capacity"][0]
            expected = rate * 1500 / 1514 if rate is not None else None
            sustained = c["sustained_mbps"]
            if expected is not None and sustained is not None and c["status"] == "ok":
                error = (sustained - expected) / expected * 100
                verdict = f"{error:+.1f} % {'✔' if abs(error) <= 10 else '✘'}"
            elif c["status"] == "lower-bound":
                verdict = "≥ pace (lower bound) " + ("✔" if expected is None else "✘ not measured")
            elif c["status"] == "rate-limited":
                verdict = "rate limit reported ✔" if limited else "rate-limited ✘"
            else:
                verdict = f"{c['status']} ✘"
            shaped = f"tbf {rate:g} Mbit/s, burst {burst} KB" if rate is not None else "unshaped"
            if limited:
                shaped += ", target ICMP limit (Linux default)"
            rows.append(
                [
                    shaped,
                    who,
                    f"{cap:g}",
                    c["method"],
                    "-" if expected is None else f"{expected:.1f}",
                    c["status"] if sustained is None else f"{sustained:.1f}",
                    verdict,
                    "yes" if c["shaper_suspected"] else "no",
                    "-" if c["burst_bytes"] is None else f"{c['burst_bytes']:,}",
                    c["confidence"],
                    f"{c['duration_s']:.2f}",
                    f"{c['probe_bytes']:,} ({c['sent_packets']} pkts, {c['answered_packets']} answered)",
                ]
            )
        lab.unshape("router", "eth1")
        lab.rate_limit_icmp("server", 0)
    header = [
        "path (router eth1)",
        "as",
        "--max-rate",
        "method",
        "expected Mbit/s (IP)",
        "aspdiag sustained",
        "error",
        "shaper",
        "bucket estimate (bytes)",
        "confidence",
        "s",
        "probe bytes",
    ]
    lines = [
        "## Capacity: aspdiag check --capacity vs the tc tbf rate, same lab run",
        "",
        "tbf counts Ethernet frames, aspdiag IP bytes: expected = rate x 1500/1514. Target: within ±10 % of the "
        "sustained rate, ≤ 3 s, ≤ 4 MB. --max-rate is 100 (the default) up to 50 Mbit/s and twice the tbf rate "
        "above, since a probe can only see a bottleneck slower than its own pace. A 1 MiB bucket is 1,048,576 "
        "bytes.",
        "",
    ]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


RESPONDER_RATES_MBIT = (10, 50, 200)
RESPONDER_SECONDS = 4.0
RESPONDER_HIGH_CAP_MBIT = 40_000


def _iperf3(lab: Lab, rate: str, reverse: bool, seconds: float) -> tuple[float, float]:
    """iperf3 -u -b RATE (client namespace to the server's iperf3 -s): (received Mbit/s, loss %)."""
    argv = ["iperf3", "-u", "-b", rate, "-l", "1472", "-t", f"{seconds:g}", "-J", "-c", ADDR.server4, "-p", "5201"]
    result = lab.exec("client", [*argv, *(["-R"] if reverse else [])], timeout=seconds + 30)
    end = json.loads(result.stdout)["end"]
    received = end.get("sum_received") or end["sum"]
    return received["bits_per_second"] / 1e6, float(end["sum"].get("lost_percent", 0.0))


def _responder_bench() -> list[str]:
    """aspdiag responder UDP throughput (both directions) versus iperf3 -u on the same lab path, same run."""
    reason = unavailable_reason()
    if reason:
        return [f"bench: {reason}"]
    if shutil.which("iperf3") is None:
        return ["bench: iperf3 is missing (make deps installs it)"]
    from tests.lab.responder import probe, responder

    key = os.urandom(24).hex()
    rows: list[list[str]] = []
    with Lab() as lab:
        lab.scenario("open")
        iperf = subprocess.Popen(
            lab.exec_argv("server", ["iperf3", "-s", "-B", ADDR.server4, "-p", "5201"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            lab.wait_listening("server", "tcp", 5201)
            with responder(lab, key, "--max-rate", str(RESPONDER_HIGH_CAP_MBIT), "--max-duration", "30"):
                cases: list[tuple[str, float | None]] = [(f"tbf {r} Mbit/s", float(r)) for r in RESPONDER_RATES_MBIT]
                cases.append(("unshaped (veth)", None))
                for name, shaped in cases:
                    if shaped is None:
                        lab.unshape("router", "eth1")
                        lab.unshape("fw", "eth0")
                    else:
                        # Both directions: router eth1 carries client->server, fw eth0 server->client.
                        lab.shape("router", "eth1", shaped)
                        lab.shape("fw", "eth0", shaped)
                    rate = RESPONDER_HIGH_CAP_MBIT if shaped is None else shaped
                    ours = probe(lab, key, ADDR.server4, max_rate_mbps=rate, duration_s=RESPONDER_SECONDS)
                    for direction, reverse in (("up", False), ("down", True)):
                        theirs, their_loss = _iperf3(
                            lab, "0" if shaped is None else f"{shaped:g}M", reverse, RESPONDER_SECONDS
                        )
                        mine = ours[f"{direction}_rate_mbps"] or 0.0
                        ratio = mine / theirs if theirs else float("nan")
                        ok = abs(ratio - 1) <= 0.05 if shaped is not None else ratio >= 0.80
                        rows.append(
                            [
                                name,
                                direction,
                                f"{rate:g}" if shaped is not None else f"{rate:g} (cap)",
                                f"{mine:.1f}",
                                f"{ours[f'{direction}_loss_pct']:.2f}"
                                if ours[f"{direction}_loss_pct"] is not None
                                else "-",
                                f"{theirs:.1f}",
                                f"{their_loss:.2f}",
                                f"{ratio:.3f}",
                                ("±5 %" if shaped is not None else "≥ 80 %") + (" ✔" if ok else " ✘"),
                            ]
                        )
        finally:
            lab.unshape("router", "eth1")
            lab.unshape("fw", "eth0")
            iperf.terminate()
            iperf.wait(timeout=5)
    header = [
        "path",
        "direction",
        "asked Mbit/s",
        "aspdiag Mbit/s",
        "aspdiag loss %",
        "iperf3 Mbit/s",
        "iperf3 loss %",
        "ratio",
        "target",
    ]
    lines = [
        "## Responder: aspdiag responder UDP throughput vs iperf3 -u, same lab path, same run",
        "",
        f"IPv4, client namespace to server namespace through router, firewall and dmz; {RESPONDER_SECONDS:g} s per "
        "test, 1472-byte datagrams for both tools (`iperf3 -u -l 1472 -b RATE`, `-R` for down). Shaped rows: tc tbf "
        "(burst 32 kB) on router eth1 and fw eth0, both tools asked for the shaped rate; the shaper counts "
        "Ethernet frames, the tools UDP payload, so both see about 97 % of it. Unshaped row: aspdiag asked for "
        f"{RESPONDER_HIGH_CAP_MBIT:,} Mbit/s (GSO/GRO batches) versus `iperf3 -b 0`. Mbit/s = received payload rate.",
        "",
    ]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "---|" * len(header))
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run every section (or those named: reachability, explain, catalog, path, capacity, bandwidth,
    preflight, responder) and print the tables."""
    every = {"reachability", "explain", "catalog", "path", "capacity", "bandwidth", "preflight", "responder"}
    sections = set(sys.argv[1:] if argv is None else argv) or every
    unknown = sections - every
    if unknown:
        print(f"bench: unknown section(s) {', '.join(sorted(unknown))}", file=sys.stderr)
        return 2
    status = 0
    if "reachability" in sections:
        status |= _reachability_bench()
    for name, section in (
        ("explain", _explain_bench),
        ("catalog", _catalog_bench),
        ("path", _path_bench),
        ("capacity", _capacity_bench),
        ("bandwidth", _bandwidth_bench),
        ("preflight", _preflight_bench),
        ("responder", _responder_bench),
    ):
        if name in sections:
            print()
            print("\n".join(section()), flush=True)
    return status


def _bandwidth_bench() -> list[str]:
    """The SSH-port bandwidth measurement versus tbf and iperf3 (tests.bench_bandwidth)."""
    from tests.bench_bandwidth import bandwidth_bench

    return bandwidth_bench()


def _preflight_bench() -> list[str]:
    """The whole preflight's wall time (tests.bench_bandwidth.preflight_bench)."""
    from tests.bench_bandwidth import preflight_bench

    return preflight_bench()


def _reachability_bench() -> int:
    """Run every reachability case in the lab and print the table versus nmap and traceroute."""
    reason = unavailable_reason()
    if reason:
        print(f"bench: {reason}", file=sys.stderr)
        return 1
    for tool in ("nmap", "traceroute"):
        if shutil.which(tool) is None:
            print(f"bench: {tool} is missing (make deps installs it)", file=sys.stderr)
            return 1
    from tests.conftest import _stage_for_unprivileged

    nobody_python = _stage_for_unprivileged()
    root_python = (sys.executable, str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    rows = []
    all_correct = True
    with Lab() as lab:
        lab.scenario("open")
        for case in CASES:
            lab.host_firewall("server", [])
            case.setup(lab)
            raw = _aspdiag(lab, case, "raw", root_python)
            sock = _aspdiag(lab, case, "socket", nobody_python)
            nmap_answer, nmap_s = _nmap(lab, case)
            trace_answer, trace_s = _traceroute(lab, case)
            all_correct &= raw["correct"] and sock["correct"]
            expected = case.state + (f" @ hop {case.hop}" if case.hop else "")
            rows.append(
                [
                    case.name,
                    f"{case.label} {'v6' if ':' in case.target else 'v4'}",
                    expected,
                    f"{raw['answer']} {'✔' if raw['correct'] else '✘'}",
                    f"{raw['check']:.2f} / {raw['wall']:.2f}",
                    f"{sock['answer']} {'✔' if sock['correct'] else '✘'}",
                    f"{sock['check']:.2f} / {sock['wall']:.2f}",
                    nmap_answer,
                    f"{nmap_s:.2f}",
                    trace_answer,
                    f"{trace_s:.2f}",
                ]
            )
    if nobody_python[1] != root_python[1]:
        shutil.rmtree(nobody_python[1], ignore_errors=True)
    print(
        f"## Reachability: aspdiag vs nmap and traceroute, same lab run (median of {REPEATS}; --timeout {TIMEOUT_S:g})"
    )
    print()
    print(
        "Seconds for aspdiag are `check / process`: the check itself (all three ports, traces and banners) and the "
        "whole process including Python start-up (and scapy's import for raw). nmap runs `-sS -sU -p "
        "T:22,33001,U:33001 --reason`; traceroute runs `-T` or `-U -p PORT -q 1 -w 1 -m 6`."
    )
    print()
    header = [
        "scenario",
        "port",
        "right answer",
        "aspdiag raw (root)",
        "s",
        "aspdiag socket (nobody)",
        "s",
        "nmap state (reason)",
        "s",
        "traceroute",
        "s",
    ]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for row in rows:
        print("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    print()
    print(
        "Targets: healthy path ≤ 1 s; silent drop with localisation ≤ --timeout + 1 s; right state and hop in every "
        f"scenario: {'met' if all_correct else 'NOT met'} for the state and hop."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
