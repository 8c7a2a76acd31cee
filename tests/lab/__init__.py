"""A throw-away network lab built from Linux network namespaces, for aspdiag's tests, demo and benchmarks.

Topology (hop numbers as seen from the client)::

    client ── router (hop 1, dnsmasq) ── firewall (hop 2, nftables) ── dmz (hop 3) ─┬─ server  (hop 4)
                                                                                      └─ server2 (hop 4)

``server`` runs sshd on TCP 22 and 33001; ``server2`` runs sshd on TCP 22 only and an HTTP server on
TCP 8080 (a port that answers but is not SSH). The ``dmz`` router behind the perimeter firewall makes a
perimeter drop (silence from hop 3 on) distinguishable from a drop by the target's own host firewall
(silence only at hop 4). Those sshds are Debian's; ``start_sshd`` runs more, also a current OpenSSH with
PerSourcePenalties on by default (``flavour="current"``, see tests.lab.sshd).

Addresses come only from 198.18.0.0/15 and 2001:db8::/32 and live inside the lab's own namespaces, so two
labs never collide; only the namespace names must be unique, and they carry a random token. Everything a
lab starts (sshd, dnsmasq, qdiscs, nft rules, delay lines) lives in its namespaces and dies with them in ``down()``.
A state file under /run/aspdiag-lab/ lets a later run remove a lab whose owner was killed.
"""

from __future__ import annotations

import dataclasses
import json
import os
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tests.lab.sshd import Flavour, Sshd, SshdSpec
from tests.lab.sshd import unavailable_reason as sshd_unavailable_reason

if TYPE_CHECKING:
    from tests.lab.delay import Delay

STATE_DIR = Path("/run/aspdiag-lab")
NS_PREFIX = "adl"
DOMAIN = "lab.test"

REQUIRED_TOOLS = ("ip", "nft", "tc", "sshd", "ssh-keygen", "dnsmasq", "setpriv", "ss")
_EXTRA_PATH = ("/usr/sbin", "/sbin", "/usr/bin", "/bin")


def which(tool: str) -> str | None:
    """Find a tool also in sbin directories (root's PATH may miss them in some environments)."""
    found = shutil.which(tool)
    if found:
        return found
    for directory in _EXTRA_PATH:
        candidate = Path(directory) / tool
        if candidate.exists() and os.access(candidate, os.X_OK):
            return str(candidate)
    return None


def unavailable_reason() -> str | None:
    """Why a lab cannot be built here (None when it can)."""
    if os.geteuid() != 0:
        return "the network lab needs root (network namespaces, nftables, tc)"
    missing = [tool for tool in REQUIRED_TOOLS if which(tool) is None]
    if missing:
        return f"the network lab needs {', '.join(missing)} (run .ci/run or 'make deps' to install them)"
    probe = f"{NS_PREFIX}probe{secrets.token_hex(3)}"
    result = subprocess.run(["ip", "netns", "add", probe], capture_output=True, text=True)
    if result.returncode != 0:
        return f"network namespaces are not available: {result.stderr.strip()}"
    subprocess.run(["ip", "netns", "del", probe], capture_output=True)
    return None


@dataclass(frozen=True)
class Addr:
    """The lab's fixed addressing plan (the same in every lab; namespaces keep labs apart)."""

    client4: str = "198.18.1.2"
    client6: str = "2001:db8:1::2"
    router_client4: str = "198.18.1.1"
    router_client6: str = "2001:db8:1::1"
    router_fw4: str = "198.18.2.1"
    router_fw6: str = "2001:db8:2::1"
    fw_router4: str = "198.18.2.2"
    fw_router6: str = "2001:db8:2::2"
    fw_dmz4: str = "198.18.5.1"
    fw_dmz6: str = "2001:db8:5::1"
    dmz_fw4: str = "198.18.5.2"
    dmz_fw6: str = "2001:db8:5::2"
    dmz_server4: str = "198.18.3.1"
    dmz_server6: str = "2001:db8:3::1"
    dmz_server2_4: str = "198.18.4.1"
    dmz_server2_6: str = "2001:db8:4::1"
    server4: str = "198.18.3.2"
    server6: str = "2001:db8:3::2"
    server2_4: str = "198.18.4.2"
    server2_6: str = "2001:db8:4::2"
    unrouted4: str = "198.18.6.2"
    """Inside a prefix the firewall declares unreachable (ICMP net-unreachable)."""
    unrouted6: str = "2001:db8:6::2"


ADDR = Addr()

# name -> (A records, AAAA records)
DNS_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    f"aspera.{DOMAIN}": ((ADDR.server4,), (ADDR.server6,)),
    f"server2.{DOMAIN}": ((ADDR.server2_4,), (ADDR.server2_6,)),
    f"multi.{DOMAIN}": ((ADDR.server4, ADDR.server2_4), ()),
    f"v4only.{DOMAIN}": ((ADDR.server4,), ()),
    f"noroute.{DOMAIN}": ((ADDR.unrouted4,), (ADDR.unrouted6,)),
}
CNAMES = {f"fasp.{DOMAIN}": f"aspera.{DOMAIN}"}
NO_ADDRESS_NAME = f"noaddr.{DOMAIN}"
MISSING_NAME = f"missing.{DOMAIN}"


def run(argv: Sequence[str], *, check: bool = True, input: str | None = None, timeout: float = 30.0) -> str:
    """Run a command (never through a shell); raise with its stderr when it fails and ``check``."""
    result = subprocess.run(list(argv), capture_output=True, text=True, input=input, timeout=timeout)
    if check and result.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")
    return result.stdout


@dataclass
class Lab:
    """One lab instance. Use as a context manager, or ``up()`` / ``down()``."""

    token: str = dataclasses.field(default_factory=lambda: secrets.token_hex(3))
    workdir: Path = dataclasses.field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="aspdiag-lab-")))
    processes: list[subprocess.Popen[bytes]] = dataclasses.field(default_factory=list)
    sshds: list[Sshd] = dataclasses.field(default_factory=list)
    addr: Addr = ADDR
    delays: dict[str, Delay] = dataclasses.field(default_factory=dict)

    NODES = ("client", "router", "fw", "dmz", "server", "server2")

    @property
    def id(self) -> str:
        """Lab id, the common prefix of its namespace names."""
        return f"{NS_PREFIX}{self.token}"

    def ns(self, node: str) -> str:
        """Namespace name of a node (client, router, fw, server, server2)."""
        return f"{self.id}-{node}"

    @property
    def namespaces(self) -> list[str]:
        """Every namespace of this lab."""
        return [self.ns(node) for node in self.NODES]

    # ------------------------------------------------------------------ lifecycle

    def __enter__(self) -> Lab:
        self.up()
        return self

    def __exit__(self, *exc: object) -> None:
        self.down()

    def up(self) -> Lab:
        """Build the namespaces, links, addresses, routes and services; tear down again on any failure."""
        sweep_stale()
        STATE_DIR.mkdir(parents=True, exist_ok=True)
        self._write_state()
        try:
            self._build_network()
            self._start_dns()
            self._start_sshd("server", ports=(22, 33001))
            self._start_sshd("server2", ports=(22,))
            self._start_http("server2", 8080)
        except BaseException:
            self.down()
            raise
        return self

    def down(self) -> None:
        """Stop every process in the lab's namespaces and delete them; safe to call twice."""
        for proc in self.processes:
            if proc.poll() is None:
                proc.terminate()
        deadline = time.monotonic() + 3
        for proc in self.processes:
            try:
                proc.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=3)
        self.processes.clear()
        self.sshds.clear()
        self.delays.clear()
        remove_namespaces(self.namespaces)
        shutil.rmtree(self.workdir, ignore_errors=True)
        (STATE_DIR / f"{self.id}.json").unlink(missing_ok=True)

    def _write_state(self) -> None:
        state = {"owner_pid": os.getpid(), "namespaces": self.namespaces, "workdir": str(self.workdir)}
        (STATE_DIR / f"{self.id}.json").write_text(json.dumps(state))

    # ------------------------------------------------------------------ building

    def _build_network(self) -> None:
        for node in self.NODES:
            ns = self.ns(node)
            run(["ip", "netns", "add", ns])
            # Before any interface exists: no IPv6 duplicate address detection (addresses usable at once).
            self.sysctl(node, "net.ipv6.conf.all.accept_dad", "0")
            self.sysctl(node, "net.ipv6.conf.default.accept_dad", "0")
            run(["ip", "-n", ns, "link", "set", "lo", "up"])
        for node in ("router", "fw", "dmz"):
            self.sysctl(node, "net.ipv4.ip_forward", "1")
            self.sysctl(node, "net.ipv6.conf.all.forwarding", "1")
        for node in ("router", "fw", "dmz", "server", "server2"):
            # Every node answers every probe (no ICMP rate limit): tests that run many checks back to back
            # stay deterministic. rate_limit_icmp() puts Linux's default limit back for rate-limit scenarios.
            self.rate_limit_icmp(node, 0)

        a = self.addr
        self._link("client", "eth0", "router", "eth0")
        self._link("router", "eth1", "fw", "eth0")
        self._link("fw", "eth1", "dmz", "eth0")
        self._link("dmz", "eth1", "server", "eth0")
        self._link("dmz", "eth2", "server2", "eth0")
        self._address("client", "eth0", a.client4, a.client6)
        self._address("router", "eth0", a.router_client4, a.router_client6)
        self._address("router", "eth1", a.router_fw4, a.router_fw6)
        self._address("fw", "eth0", a.fw_router4, a.fw_router6)
        self._address("fw", "eth1", a.fw_dmz4, a.fw_dmz6)
        self._address("dmz", "eth0", a.dmz_fw4, a.dmz_fw6)
        self._address("dmz", "eth1", a.dmz_server4, a.dmz_server6)
        self._address("dmz", "eth2", a.dmz_server2_4, a.dmz_server2_6)
        self._address("server", "eth0", a.server4, a.server6)
        self._address("server2", "eth0", a.server2_4, a.server2_6)
        self._default_route("client", a.router_client4, a.router_client6)
        self._default_route("router", a.fw_router4, a.fw_router6)
        self._default_route("dmz", a.fw_dmz4, a.fw_dmz6)
        self._default_route("server", a.dmz_server4, a.dmz_server6)
        self._default_route("server2", a.dmz_server2_4, a.dmz_server2_6)
        fw = self.ns("fw")
        run(["ip", "-n", fw, "route", "add", "198.18.1.0/24", "via", a.router_fw4])
        run(["ip", "-n", fw, "-6", "route", "add", "2001:db8:1::/64", "via", a.router_fw6])
        for prefix4, prefix6 in (("198.18.3.0/24", "2001:db8:3::/64"), ("198.18.4.0/24", "2001:db8:4::/64")):
            run(["ip", "-n", fw, "route", "add", prefix4, "via", a.dmz_fw4])
            run(["ip", "-n", fw, "-6", "route", "add", prefix6, "via", a.dmz_fw6])
        # A destination nobody can reach: the firewall answers ICMP net-unreachable / no-route (see firewall()).
        # (An 'unreachable' route would do the same, but its ICMP goes through a per-peer limiter that is
        # not per-namespace (net.ipv4.route.error_cost) and would make the lab's answers depend on timing.)
        run(["ip", "-n", fw, "route", "add", "198.18.6.0/24", "via", a.dmz_fw4])
        run(["ip", "-n", fw, "-6", "route", "add", "2001:db8:6::/64", "via", a.dmz_fw6])
        self.firewall([])

    def _link(self, node_a: str, if_a: str, node_b: str, if_b: str) -> None:
        run(
            [
                "ip",
                "link",
                "add",
                if_a,
                "netns",
                self.ns(node_a),
                "type",
                "veth",
                "peer",
                "name",
                if_b,
                "netns",
                self.ns(node_b),
            ]
        )
        run(["ip", "-n", self.ns(node_a), "link", "set", if_a, "up"])
        run(["ip", "-n", self.ns(node_b), "link", "set", if_b, "up"])

    def _address(self, node: str, ifname: str, v4: str, v6: str) -> None:
        run(["ip", "-n", self.ns(node), "addr", "add", f"{v4}/24", "dev", ifname])
        run(["ip", "-n", self.ns(node), "-6", "addr", "add", f"{v6}/64", "dev", ifname, "nodad"])

    def _default_route(self, node: str, via4: str, via6: str) -> None:
        run(["ip", "-n", self.ns(node), "route", "add", "default", "via", via4])
        run(["ip", "-n", self.ns(node), "-6", "route", "add", "default", "via", via6])

    def sysctl(self, node: str, key: str, value: str) -> None:
        """Set a sysctl inside one node's namespace."""
        run(["ip", "netns", "exec", self.ns(node), "sysctl", "-q", "-w", f"{key}={value}"])

    # ------------------------------------------------------------------ services

    def _spawn(self, node: str, argv: list[str]) -> subprocess.Popen[bytes]:
        log = open(self.workdir / f"{node}-{Path(argv[0]).name}.log", "ab")
        proc = subprocess.Popen(
            ["ip", "netns", "exec", self.ns(node), *argv],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        self.processes.append(proc)
        return proc

    def _start_dns(self) -> None:
        a = self.addr
        argv = [
            which("dnsmasq") or "dnsmasq",
            "--keep-in-foreground",
            "--no-resolv",
            "--no-hosts",
            "--conf-file=/dev/null",
            "--bind-interfaces",
            "--port=53",
            "--user=root",
            "--group=root",
            f"--listen-address={a.router_client4}",
            f"--listen-address={a.router_client6}",
            f"--local=/{DOMAIN}/",
            f"--pid-file={self.workdir / 'dnsmasq.pid'}",
            f"--txt-record={NO_ADDRESS_NAME},no address records here",
        ]
        for name, (v4s, v6s) in DNS_NAMES.items():
            for address in (*v4s, *v6s):
                argv.append(f"--host-record={name},{address}")
        for alias, target in CNAMES.items():
            argv.append(f"--cname={alias},{target}")
        self._spawn("router", argv)
        self._client_resolv_conf()
        self.wait_listening("router", "udp", 53)

    def _client_resolv_conf(self) -> None:
        # ``ip netns exec`` bind-mounts /etc/netns/<ns>/resolv.conf over /etc/resolv.conf.
        directory = Path("/etc/netns") / self.ns("client")
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "resolv.conf").write_text(f"nameserver {self.addr.router_client4}\n")
        os.chmod(directory / "resolv.conf", 0o644)

    def _start_sshd(self, node: str, ports: Iterable[int]) -> None:
        # The standard servers: Debian's sshd, quiet, and MaxStartups raised because tests open many short
        # connections (sshd must not drop any at random).
        self.start_sshd(node, tuple(ports), log_level="ERROR", max_startups="500")

    def start_sshd(
        self,
        node: str,
        ports: Sequence[int],
        *,
        flavour: Flavour = "debian",
        log_level: str = "VERBOSE",
        max_startups: str | None = None,
        extra_config: Sequence[str] = (),
    ) -> Sshd:
        """Start an sshd in ``node`` listening on ``ports`` (IPv4 and IPv6) and wait until it listens.

        ``flavour`` "debian" is the system's sshd (9.2 on Debian 12), "current" the OpenSSH >= 9.8 that
        .ci/install-system-deps unpacks (PerSourcePenalties on by default). ``max_startups`` None keeps sshd's
        default; ``extra_config`` lines come first in sshd_config and so override the lab's defaults. The log
        goes to ``Sshd.log_path`` (read it with ``Sshd.log()``); the process dies in ``stop_sshd`` or ``down``.
        """
        spec = SshdSpec(node, tuple(ports), flavour, log_level, max_startups, tuple(extra_config))
        return self._run_sshd(spec)

    def restart_sshd(self, sshd: Sshd, **changes: Any) -> Sshd:
        """Stop ``sshd`` and start it again, with ``changes`` to its spec (e.g. ``log_level="INFO"``).

        A restart also forgets every penalty the old process had given."""
        self.stop_sshd(sshd)
        if "extra_config" in changes:
            changes["extra_config"] = tuple(changes["extra_config"])
        return self._run_sshd(dataclasses.replace(sshd.spec, **changes))

    def stop_sshd(self, sshd: Sshd) -> None:
        """Stop one sshd and every process it started (preauth sessions), and wait until they are gone."""
        proc = sshd.process
        if proc is None:
            return
        pids = [proc.pid, *_descendants(proc.pid)]
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        proc.wait(timeout=5)
        if proc in self.processes:
            self.processes.remove(proc)
        if sshd in self.sshds:
            self.sshds.remove(sshd)
        sshd.process = None

    def _run_sshd(self, spec: SshdSpec) -> Sshd:
        reason = sshd_unavailable_reason(spec.flavour)
        if reason:
            raise RuntimeError(reason)
        key = self.workdir / f"{spec.node}_host_ed25519_key"
        if not key.exists():
            run([which("ssh-keygen") or "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(key)])
        sshd = Sshd(spec, self.workdir / f"{spec.name}_sshd_config", self.workdir / f"{spec.name}-sshd.log")
        sshd.log_start = sshd.log_offset()
        sshd.config_path.write_text(spec.config(key, self.workdir / f"{spec.name}_sshd.pid"))
        Path("/run/sshd").mkdir(mode=0o755, exist_ok=True)  # sshd's privilege-separation directory
        sshd.process = self._spawn(spec.node, sshd.argv())
        self.sshds.append(sshd)
        for port in spec.ports:
            self.wait_listening(spec.node, "tcp", port)
        return sshd

    def _start_http(self, node: str, port: int) -> None:
        """A plain HTTP server: a TCP port that answers but is not SSH."""
        (self.workdir / "www").mkdir(exist_ok=True)
        self._spawn(
            node,
            [sys.executable, "-m", "http.server", str(port), "--bind", "::", "--directory", str(self.workdir / "www")],
        )
        self.wait_listening(node, "tcp", port)

    def host_firewall(self, node: str, rules: Iterable[str]) -> None:
        """Replace the input-chain rules of a server's own host firewall (nft, family inet)."""
        body = "\n".join(f"    {rule}" for rule in rules)
        ruleset = (
            "table inet aspdiag_host\n"
            "delete table inet aspdiag_host\n"
            "table inet aspdiag_host {\n"
            "  chain input {\n"
            "    type filter hook input priority 0; policy accept;\n"
            f"{body}\n"
            "  }\n"
            "}\n"
        )
        run(["ip", "netns", "exec", self.ns(node), which("nft") or "nft", "-f", "-"], input=ruleset)

    def wait_listening(self, node: str, proto: str, port: int, timeout_s: float = 10.0) -> None:
        """Wait until something listens on ``proto``/``port`` inside ``node``."""
        flag = "-Htln" if proto == "tcp" else "-Huln"
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            out = run(["ip", "netns", "exec", self.ns(node), "ss", flag, f"sport = :{port}"], check=False)
            if out.strip():
                return
            for proc in self.processes:
                if proc.poll() is not None:
                    logs = "\n".join(p.read_text(errors="replace")[-2000:] for p in self.workdir.glob("*.log"))
                    raise RuntimeError(f"a lab service exited early ({proc.args!r}):\n{logs}")
            time.sleep(0.05)
        raise RuntimeError(f"nothing listens on {proto}/{port} in {node} after {timeout_s} s")

    # ------------------------------------------------------------------ scenario switches

    def firewall(self, rules: Iterable[str], output_rules: Iterable[str] = ()) -> None:
        """Replace the perimeter firewall's rules (nft syntax, family inet): ``rules`` filter forwarded
        traffic, ``output_rules`` act on what the firewall itself sends (e.g. spoofing its rejects)."""
        body = "\n".join(f"    {rule}" for rule in rules)
        out = "\n".join(f"    {rule}" for rule in output_rules)
        ruleset = (
            "table inet aspdiag_fw\n"
            "delete table inet aspdiag_fw\n"
            "table inet aspdiag_fw {\n"
            "  chain forward {\n"
            "    type filter hook forward priority 0; policy accept;\n"
            "    ip daddr 198.18.6.0/24 reject with icmp type net-unreachable\n"
            "    ip6 daddr 2001:db8:6::/64 reject with icmpv6 type no-route\n"
            f"{body}\n"
            "  }\n"
            "  chain output {\n"
            "    type filter hook output priority 0; policy accept;\n"
            f"{out}\n"
            "  }\n"
            "}\n"
        )
        run(["ip", "netns", "exec", self.ns("fw"), which("nft") or "nft", "-f", "-"], input=ruleset)

    def rate_limit_icmp(self, node: str, interval_ms: int) -> None:
        """Set a node's ICMP rate limit (Linux default: 1000 ms per peer after a burst of about 6)."""
        self.sysctl(node, "net.ipv4.icmp_ratelimit", str(interval_ms))
        self.sysctl(node, "net.ipv6.icmp.ratelimit", str(interval_ms))

    def scenario(self, name: str) -> None:
        """Apply a named perimeter scenario from tests.lab.scenarios."""
        from tests.lab.scenarios import SCENARIOS, spoof_source

        output = spoof_source(self.addr.server4, self.addr.server6) if name == "udp-spoof" else []
        self.firewall(SCENARIOS[name], output)

    def shape(self, node: str, ifname: str, rate_mbit: float, burst_kbyte: int = 32) -> None:
        """Token-bucket shaping (tc tbf) on the egress of ``node``/``ifname``."""
        run(
            [
                "ip",
                "netns",
                "exec",
                self.ns(node),
                "tc",
                "qdisc",
                "replace",
                "dev",
                ifname,
                "root",
                "tbf",
                "rate",
                f"{rate_mbit}mbit",
                "burst",
                f"{burst_kbyte}kb",
                "latency",
                "100ms",
            ]
        )

    def unshape(self, node: str, ifname: str) -> None:
        """Remove shaping from ``node``/``ifname``."""
        run(["ip", "netns", "exec", self.ns(node), "tc", "qdisc", "del", "dev", ifname, "root"], check=False)

    def delay(
        self,
        node: str = "router",
        ms: float = 25.0,
        *,
        reverse_ms: float | None = None,
        inner: str = "eth0",
        outer: str = "eth1",
    ) -> Delay:
        """Delay what ``node`` forwards: ``ms`` one way from ``inner`` to ``outer``, ``reverse_ms`` back (None:
        the same). A user-space delay line (tests.lab.delay); refuses a second one on the same node."""
        from tests.lab.delay import Delay

        if node in self.delays:
            raise RuntimeError(f"{node} already delays its traffic (lab.undelay({node!r}) first)")
        self.delays[node] = Delay(self, node, ms, reverse_ms, inner, outer).start()
        return self.delays[node]

    def undelay(self, node: str = "router") -> None:
        """Remove the delay from ``node`` (nothing when it has none)."""
        delay = self.delays.pop(node, None)
        if delay is not None:
            delay.stop()

    def set_mtu(self, node: str, ifname: str, mtu: int) -> None:
        """Change a link's MTU on one side."""
        run(["ip", "-n", self.ns(node), "link", "set", "dev", ifname, "mtu", str(mtu)])

    # ------------------------------------------------------------------ running things inside

    def exec_argv(self, node: str, argv: Sequence[str], *, user: str | None = None) -> list[str]:
        """The argv that runs ``argv`` inside ``node`` (as ``user`` with no capabilities, if given)."""
        prefix = ["ip", "netns", "exec", self.ns(node)]
        if user is not None:
            prefix += [
                which("setpriv") or "setpriv",
                f"--reuid={user}",
                f"--regid={_group_of(user)}",
                "--clear-groups",
                "--inh-caps=-all",
                "--bounding-set=-all",
                "--no-new-privs",
            ]
        return [*prefix, *argv]

    def exec(
        self,
        node: str,
        argv: Sequence[str],
        *,
        user: str | None = None,
        timeout: float = 60.0,
        env: dict[str, str] | None = None,
        cwd: str | Path | None = None,
    ) -> subprocess.CompletedProcess[str]:
        """Run a command inside ``node`` and capture its output."""
        return subprocess.run(
            self.exec_argv(node, argv, user=user),
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
            cwd=cwd,
            stdin=subprocess.DEVNULL,
        )


def _descendants(pid: int) -> list[int]:
    """Every process below ``pid`` (children, grandchildren, ...), from /proc."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        # "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after the last ')'.
        fields = text[text.rindex(")") + 2 :].split()
        parents[int(stat.parent.name)] = int(fields[1])
    found: list[int] = []
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        children = [child for child, ppid in parents.items() if ppid == parent]
        found += children
        frontier += children
    return found


def _group_of(user: str) -> str:
    return "nogroup" if user == "nobody" else user


def remove_namespaces(namespaces: Iterable[str]) -> None:
    """Kill every process inside the namespaces, delete them and their /etc/netns entries."""
    for ns in namespaces:
        pids = run(["ip", "netns", "pids", ns], check=False).split()
        for pid in pids:
            try:
                os.kill(int(pid), signal.SIGKILL)
            except (ProcessLookupError, ValueError):
                pass
    for ns in namespaces:
        run(["ip", "netns", "del", ns], check=False)
        shutil.rmtree(Path("/etc/netns") / ns, ignore_errors=True)


def sweep_stale() -> list[str]:
    """Remove labs whose owning process is gone (e.g. a test run killed with SIGKILL)."""
    removed: list[str] = []
    if not STATE_DIR.is_dir():
        return removed
    for state_file in STATE_DIR.glob("*.json"):
        try:
            state = json.loads(state_file.read_text())
        except (ValueError, OSError):
            continue
        if not isinstance(state.get("owner_pid"), int):
            continue  # a lab brought up by hand (python -m tests.lab up): removed only by 'down'
        owner = state["owner_pid"]
        try:
            os.kill(owner, 0)
            continue  # still alive: not ours to touch
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        remove_namespaces(state.get("namespaces", []))
        shutil.rmtree(state.get("workdir", ""), ignore_errors=True)
        state_file.unlink(missing_ok=True)
        removed.append(state_file.stem)
    return removed
