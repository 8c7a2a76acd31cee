"""A long path for the lab: a user-space delay line on a forwarding node (this kernel has no netem).

Packets that one lab node forwards between two of its interfaces go to netfilter queues (an iptables
``NFQUEUE`` rule in the node's mangle/FORWARD chain; nftables' own ``queue`` statement needs nft_queue, which
this kernel lacks, while iptables-nft reaches the same kernel queue through nft_compat). ``nfqdelay``, a small C
program compiled from ``nfqdelay.c`` beside this file, holds each queued packet for a fixed time and then lets it
through, in arrival order. Packets stay in the kernel (only their ids travel to user space), GSO packets stay
whole and one batch verdict releases every packet that is due, so a 1 Gbit/s bottleneck 50 ms away costs about
half a core (the kernel's forwarding of the released packets included).

What is delayed: traffic the node forwards, each direction by its own amount (``ms`` from ``inner`` to
``outer``, ``reverse_ms`` back; 0 leaves a direction alone). Traffic to or from the node itself is not: on the
router (the default) hop 1 answers at once and every hop behind it sees the added round trip.

Typical use (``lab.delay()`` / ``lab.undelay()`` wrap this)::

    lab.delay("router", 25)                  # 25 ms each way: ~50 ms RTT from the client to anything past hop 1
    lab.shape("dmz", "eth1", 100, burst_kbyte=64)   # the bottleneck, elsewhere on the path
    ...
    lab.undelay("router")

The program runs inside the node's namespace and is one of the lab's processes, so ``Lab.down()`` ends it with
everything else. ``set_tcp_buffers()`` raises the TCP buffer limits of end nodes for bandwidth-delay products
beyond the kernel's defaults: at 50 ms the default send-buffer limit (tcp_wmem, 4 MB) holds one stream to about
470 Mbit/s.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tests.lab import Lab

SOURCE = Path(__file__).with_name("nfqdelay.c")
HEADER = Path("/usr/include/libnetfilter_queue/libnetfilter_queue.h")
CHAIN = "ASPDIAG_DELAY"
FORWARD_QUEUE = 0
REVERSE_QUEUE = 1
PROC_QUEUES = "/proc/net/netfilter/nfnetlink_queue"


def unavailable_reason() -> str | None:
    """Why the delay line cannot run here (None when it can)."""
    from tests.lab import which

    missing = [tool for tool in ("gcc", "iptables-restore", "ip6tables-restore") if which(tool) is None]
    if not HEADER.exists():
        missing.append(str(HEADER))
    if missing:
        return (
            f"the lab's delay line needs {', '.join(missing)} "
            "(Debian: gcc libc6-dev libnetfilter-queue-dev iptables; run .ci/install-system-deps)"
        )
    return None


@cache
def realtime_prefix() -> tuple[str, ...]:
    """``chrt -f 10`` where this machine allows it, else nothing (asked once per process).

    A real WAN's delay does not depend on the lab host's CPU, but a user-space delay line does: behind six
    busy loops on two cores it gets a fraction of a core and the emulated path forwards less than its shaper
    allows. Low real-time priority keeps it on time; it sleeps in ppoll between packets, so it cannot hog a
    core (and the kernel's real-time throttling bounds it if it ever spun)."""
    chrt = shutil.which("chrt")
    if chrt is None:
        return ()
    probe = subprocess.run([chrt, "-f", "10", "true"], capture_output=True, check=False)
    return (chrt, "-f", "10") if probe.returncode == 0 else ()


def build(directory: Path) -> Path:
    """Compile nfqdelay.c into ``directory`` (once per source version) and return the binary."""
    source = SOURCE.read_bytes()
    binary = directory / f"nfqdelay-{hashlib.sha256(source).hexdigest()[:12]}"
    if binary.exists():
        return binary
    reason = unavailable_reason()
    if reason:
        raise RuntimeError(reason)
    from tests.lab import which

    partial = binary.with_suffix(".tmp")
    result = subprocess.run(
        [which("gcc") or "gcc", "-O2", "-Wall", "-o", str(partial), str(SOURCE), "-lnetfilter_queue"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if result.returncode != 0:
        raise RuntimeError(f"compiling {SOURCE.name} failed:\n{result.stderr.strip()}")
    partial.rename(binary)
    return binary


@dataclass(frozen=True)
class QueueStats:
    """One kernel queue's counters (from /proc/net/netfilter/nfnetlink_queue in the node's namespace)."""

    queue: int
    held: int
    """Packets in the queue now (waiting for their deadline)."""
    dropped: int
    """Dropped by the kernel: the queue was full."""
    user_dropped: int
    """Dropped by the kernel: the program's socket buffer was full."""
    total: int
    """Packets queued since the queue was bound (the kernel's id sequence)."""


@dataclass
class Delay:
    """A delay line on ``node``: ``ms`` one-way from ``inner`` to ``outer``, ``reverse_ms`` back (None: same)."""

    lab: Lab
    node: str = "router"
    ms: float = 25.0
    reverse_ms: float | None = None
    inner: str = "eth0"
    outer: str = "eth1"
    proc: subprocess.Popen[bytes] | None = field(default=None, init=False)
    _log: Path | None = field(default=None, init=False)
    _owns_rules: bool = field(default=False, init=False)

    @property
    def forward_ms(self) -> float:
        return self.ms

    @property
    def back_ms(self) -> float:
        return self.ms if self.reverse_ms is None else self.reverse_ms

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def _queues(self) -> list[tuple[int, float, str, str]]:
        """(queue number, delay ms, in interface, out interface) for each delayed direction."""
        queues = []
        if self.forward_ms > 0:
            queues.append((FORWARD_QUEUE, self.forward_ms, self.inner, self.outer))
        if self.back_ms > 0:
            queues.append((REVERSE_QUEUE, self.back_ms, self.outer, self.inner))
        return queues

    def start(self, timeout_s: float = 10.0) -> Delay:
        """Start the program, then send the node's forwarded traffic through it; return once it is active."""
        if self.proc is not None:
            raise RuntimeError(f"the delay line on {self.node} was started already")
        for value in (self.forward_ms, self.back_ms):
            if not 0 <= value <= 60_000:
                raise ValueError(f"delay must be within 0..60000 ms, not {value}")
        queues = self._queues()
        if not queues:
            raise ValueError("both directions have no delay: nothing to start")
        binary = build(self.lab.workdir)
        self._log = self.lab.workdir / f"{self.node}-nfqdelay-{time.monotonic_ns()}.log"
        specs = [f"{queue}:{round(ms * 1000)}" for queue, ms, _, _ in queues]
        with open(self._log, "wb") as log:
            self.proc = subprocess.Popen(
                self.lab.exec_argv(self.node, [*realtime_prefix(), str(binary), *specs]),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        self.lab.processes.append(self.proc)
        try:
            self._wait_ready(timeout_s)
            # The program holds the node's queues now, so the NFQUEUE rules are this instance's to manage.
            self._owns_rules = True
            self._install_rules(queues)
            bound = {stats.queue for stats in self.stats()}
            missing = [queue for queue, _, _, _ in queues if queue not in bound]
            if missing:
                raise RuntimeError(f"queues {missing} are not bound in {self.node}:\n{self._log_text()}")
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_ready(self, timeout_s: float) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if "ready" in self._log_text().splitlines():
                return
            if self.proc is not None and self.proc.poll() is not None:
                raise RuntimeError(f"the delay line on {self.node} exited early:\n{self._log_text()}")
            time.sleep(0.01)
        raise RuntimeError(f"the delay line on {self.node} is not ready after {timeout_s} s:\n{self._log_text()}")

    def _log_text(self) -> str:
        if self._log is None or not self._log.exists():
            return ""
        return self._log.read_text(errors="replace")

    def _restore(self, tool: str, script: str, *, check: bool = True) -> None:
        from tests.lab import run, which

        run(self.lab.exec_argv(self.node, [which(tool) or tool, "--noflush"]), input=script, check=check)

    def _install_rules(self, queues: list[tuple[int, float, str, str]]) -> None:
        rules = [
            f"-A {CHAIN} -i {inbound} -o {outbound} -j NFQUEUE --queue-num {queue} --queue-bypass"
            for queue, _, inbound, outbound in queues
        ]
        # The chain hooks in first so the delay comes before any filtering of the node's own.
        script = "\n".join(["*mangle", f":{CHAIN} - [0:0]", *rules, f"-I FORWARD 1 -j {CHAIN}", "COMMIT", ""])
        for tool in ("iptables-restore", "ip6tables-restore"):
            self._restore(tool, script)

    def _remove_rules(self) -> None:
        script = "\n".join(["*mangle", f"-D FORWARD -j {CHAIN}", f"-F {CHAIN}", f"-X {CHAIN}", "COMMIT", ""])
        for tool in ("iptables-restore", "ip6tables-restore"):
            self._restore(tool, script, check=False)  # the namespace may be gone (lab down) or rules half-made

    def stats(self) -> list[QueueStats]:
        """Counters of the node's bound netfilter queues."""
        from tests.lab import run

        text = run(self.lab.exec_argv(self.node, ["cat", PROC_QUEUES]), check=False)
        result = []
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 8:
                queue, _portid, held, _mode, _range, dropped, user_dropped, total = (int(f) for f in fields[:8])
                result.append(QueueStats(queue, held, dropped, user_dropped, total))
        return result

    def stop(self) -> str:
        """Stop delaying: remove the rules, let held packets out on time, end the program; return its log."""
        if self._owns_rules:
            self._remove_rules()
            self._owns_rules = False
        proc, self.proc = self.proc, None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()  # the program drains what it holds (at most the delay), then exits
            try:
                proc.wait(timeout=max(self.forward_ms, self.back_ms) / 1000 + 3)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=3)
            if proc in self.lab.processes:
                self.lab.processes.remove(proc)
        return self._log_text()


def set_tcp_buffers(lab: Lab, nodes: Iterable[str] = ("client", "server"), max_bytes: int = 64 << 20) -> dict[str, str]:
    """Raise the TCP autotuning limits (net.ipv4.tcp_rmem/tcp_wmem, per namespace) of ``nodes`` so one stream
    can fill a large bandwidth-delay product; return the previous values for ``restore_tcp_buffers``."""
    from tests.lab import run

    previous: dict[str, str] = {}
    for node in nodes:
        for key in ("net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"):
            value = run(lab.exec_argv(node, ["sysctl", "-n", key])).split()
            previous[f"{node} {key}"] = " ".join(value)
            lab.sysctl(node, key, f"{value[0]} {value[1]} {max(int(value[2]), max_bytes)}")
    return previous


def restore_tcp_buffers(lab: Lab, previous: dict[str, str]) -> None:
    """Put back what ``set_tcp_buffers`` changed."""
    for name, value in previous.items():
        node, key = name.split(" ", 1)
        lab.sysctl(node, key, value)
