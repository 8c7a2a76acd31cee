"""Field situations for the lab (issue #13): what real servers and real networks do that the plain lab does not.

Each situation is put in place on a running :class:`tests.lab.Lab` and taken out again, changing only what is
its own: an nftables table of its own on one node (``table inet aspdiag_field_<kind>``, beside the perimeter's
``aspdiag_fw`` and the hosts' ``aspdiag_host``, so ``lab.firewall()`` / ``lab.host_firewall()`` rules set by a
test stay as they are), a process it started in the node's namespace (registered in ``lab.processes``, so
``Lab.down()`` ends it too), or a root qdisc it added. Hops as seen from the client: router 1, fw 2, dmz 3,
server 4; on router, fw and dmz the interface toward the client is ``eth0``.

Every function below returns a :class:`Situation` that is already applied; ``remove()`` takes it out, and it
is a context manager too (``with icmp_blackout(lab, "fw"): ...``). ``apply()`` is idempotent: applying the
same situation again (also through a second object) changes nothing; a *different* situation of the same kind
on the same node is refused (remove the first). ``remove()`` is idempotent and removes only what the situation
put there: its own table, its own process, its own qdisc. ``remove_all(lab)`` removes every field situation
from a lab (a test's safety net).

``busy_udp(lab, node="server", ports=(33001,))``
    A process holds the UDP ports (IPv4 and IPv6) and reads and discards every datagram, as every Unix Aspera
    server does while a transfer runs: no ICMP port-unreachable for those ports any more, still for others
    (33002). ``BusyUdp.received()`` lists what reached it. Removes: the process.
``icmp_blackout(lab, node="fw")``
    ``node`` (router, fw or dmz) drops, in its forward chain, ICMP travelling toward the client (out of
    ``eth0``): echo-reply, destination-unreachable, time-exceeded, parameter-problem, and for IPv6 the same
    plus packet-too-big. What the node sends itself (its own time-exceeded, its rejects) still goes out, so
    ICMP comes back from hops 1..k and from nothing beyond. All UDP and TCP pass. ``dropped()`` counts.
``block(lab, node="fw", proto="udp", port=33001, action="drop")``
    ``proto``/``port`` toward the server dropped (``action="drop"``) or rejected with ICMP admin-prohibited
    (``"reject"``) at ``node``: router, fw, dmz (forward chain) or server / server2 (input chain: the
    server's own host firewall). Like ``lab.firewall`` scenarios, but at any hop and without touching them.
``intercept_tcp(lab, node="dmz", port=33001, listen_port=2222, flavour="debian")``
    A device before the server answers TCP ``port`` itself: an sshd on ``node`` (its own host key, banner
    ``SSH-2.0-OpenSSH_... aspdiag-intercept-<node>``) on ``listen_port``, and an nft nat prerouting
    ``redirect`` of TCP ``port`` to the server's addresses (IPv4 and IPv6) to it, like a transparent SSH
    proxy. TCP 22 still reaches the real server. Redirected connections are delivered locally, so they skip
    the node's forward chain (a ``lab.firewall`` rule on fw does not see them). Removes: table and sshd.
``police_udp(lab, node="fw", bytes_per_second=2 MiB, burst_bytes=0, direction="both")``
    A policer on all UDP the node forwards (``limit rate over N bytes/second burst B bytes drop``, one bucket
    per direction; ``direction="to-server"`` polices only what comes in on ``eth0``); TCP is not limited.
    nft's byte limit holds one second of rate plus the burst, so after a quiet spell about ``rate`` bytes
    pass at once; the long-run rate is the configured one (measured: 16.4 Mbit/s of iperf3 payload through
    2 MiB/s, i.e. 16.8 Mbit/s of IP packets). ``dropped(direction)`` counts what it dropped.
``shape(lab, node="dmz", ifname="eth1", rate_mbit=100)``
    A tbf root qdisc (``lab.shape``) on an interface that had none; ``remove()`` puts the default back.
``nat_client(lab, node="router", ifname="eth1", ipv6=True)``
    The router masquerades what leaves ``ifname``: the server sees 198.18.2.1 / 2001:db8:2::1 instead of the
    client's addresses. (Old conntrack entries stay in the router's namespace after removal but are not used:
    without a nat chain the namespace translates nothing.)

``FIELD_SCENARIOS`` composes these into named scenarios, each with its ground truth as plain data
(:class:`FieldScenario`: what reaches the server, where UDP 33001 is filtered and how, from how far ICMP comes
back, who answers TCP 33001 at which hop, which client address the server sees); ``FieldScenario.answer()``
derives what a TTL-limited probe gets back. ``apply_scenario(lab, name)`` is a context manager applying one
scenario's steps in order and removing them in reverse. tests/integration/test_lab_field.py proves every
scenario's ground truth with reference tools (traceroute, ping, ssh-keyscan, iperf3, ss) and server-side nft
counters.

Typical use in a test of the product (the ``lab`` and ``workdir`` fixtures and ``check_json`` are in
tests/conftest.py)::

    @pytest.mark.parametrize("name", sorted(FIELD_SCENARIOS))
    def test_verdict_holds(lab, workdir, name):
        truth = FIELD_SCENARIOS[name]
        with apply_scenario(lab, name):
            run = check_json(lab, workdir)
        ...  # compare the verdict with truth.udp_filter_hop, truth.icmp_horizon, truth.silent_udp, ...

    with icmp_blackout(lab, "router"), block(lab, "fw", action="drop"):
        ...  # the same situations, composed by hand

Tested on this project's kernel (6.18, nftables 1.0.6): nft ``redirect``, ``masquerade`` (IPv4 and IPv6 in an
inet nat table), byte-rate ``limit``, dynamic sets and raw ``@th`` payload matches work; so does ``synproxy``
(not used here: a synproxy in fw's forward chain answers a SYN with TTL 3, one hop after the fw). nft ``queue``
does not (no nft_queue; see tests.lab.delay), nor tc's ``police`` action (no act_police: hence nft ``limit``).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal, Self

from tests.lab import ADDR, run, which
from tests.lab.sshd import Flavour, Sshd

if TYPE_CHECKING:
    from tests.lab import Lab

HOPS: dict[str, int] = {"router": 1, "fw": 2, "dmz": 3, "server": 4, "server2": 4}
"""Hop number of each node as seen from the client (server2 sits beside server)."""
PATH = ("router", "fw", "dmz", "server")
"""The nodes between the client and ``server``, in order."""
FORWARDERS = ("router", "fw", "dmz")
HOSTS = ("server", "server2")
TOWARD_CLIENT = "eth0"
"""On router, fw and dmz: the interface toward the client."""
TABLE_PREFIX = "aspdiag_field_"
TAG = "aspdiag-field"
HOLDER = Path(__file__).with_name("udp_holder.py")
MIB = 1024 * 1024

HOP_ADDRESSES: dict[str, tuple[str, str]] = {
    "router": (ADDR.router_client4, ADDR.router_client6),
    "fw": (ADDR.fw_router4, ADDR.fw_router6),
    "dmz": (ADDR.dmz_fw4, ADDR.dmz_fw6),
    "server": (ADDR.server4, ADDR.server6),
}
"""The address each node answers a TTL-limited probe from the client with (IPv4, IPv6)."""


def _nft(lab: Lab, node: str, *args: str, script: str | None = None, check: bool = True) -> str:
    argv = [which("nft") or "nft", *(["-f", "-"] if script is not None else args)]
    return run(lab.exec_argv(node, argv), input=script, check=check)


def field_tables(lab: Lab, node: str) -> list[str]:
    """The field situations' nft tables (inet family) on a node."""
    out = _nft(lab, node, "list", "tables", "inet", check=False)
    return [line.split()[2] for line in out.splitlines() if line.startswith(f"table inet {TABLE_PREFIX}")]


# ---------------------------------------------------------------------------------------------- situations


class Situation:
    """Something put in place on a lab: ``apply()`` (idempotent, returns self), ``remove()`` (idempotent, removes
    only what is its own), ``applied``; a context manager that applies on entry and removes on exit."""

    lab: Lab

    def apply(self) -> Self:
        raise NotImplementedError

    def remove(self) -> None:
        raise NotImplementedError

    @property
    def applied(self) -> bool:
        raise NotImplementedError

    def describe(self) -> str:
        """What it is, in one line (also the marker on its nft table)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.apply()

    def __exit__(self, *exc: object) -> None:
        self.remove()


@dataclass(eq=False)
class _NftSituation(Situation):
    """A situation that is one nft table (family inet) on one node, marked with a comment that names it."""

    lab: Lab
    node: str
    TABLE: ClassVar[str] = ""
    ALLOWED: ClassVar[tuple[str, ...]] = FORWARDERS

    def __post_init__(self) -> None:
        if self.node not in self.ALLOWED:
            raise ValueError(f"{type(self).__name__} is for {', '.join(self.ALLOWED)}, not {self.node!r}")

    def body(self) -> str:
        """The table's content (counters, chains)."""
        raise NotImplementedError

    def describe(self) -> str:
        return f"{TAG} {type(self).__name__} on {self.node}"

    def marker(self) -> str | None:
        """The comment of this node's table of this kind; None when there is no such table ("" without one)."""
        result = subprocess.run(
            self.lab.exec_argv(self.node, [which("nft") or "nft", "list", "table", "inet", self.TABLE]),
            capture_output=True,
            text=True,
            timeout=30,
        )
        if result.returncode != 0:
            return None
        match = re.search(r'^\s*comment "(.*)"\s*$', result.stdout, re.MULTILINE)
        return match.group(1) if match else ""

    @property
    def applied(self) -> bool:
        return self.marker() == self.describe()

    def apply(self) -> Self:
        marker = self.marker()
        if marker == self.describe():
            return self
        if marker is not None:
            raise RuntimeError(f"{self.node} has a {self.TABLE} table already ({marker!r}): remove that first")
        self._before_table()
        script = f'table inet {self.TABLE} {{\n  comment "{self.describe()}"\n{self.body()}\n}}\n'
        try:
            _nft(self.lab, self.node, script=script)
        except BaseException:
            self._after_table(True)
            raise
        _registry(self.lab).append(self)
        return self

    def remove(self) -> None:
        mine = self.marker() == self.describe()
        if mine:
            _nft(self.lab, self.node, "delete", "table", "inet", self.TABLE)
        self._after_table(mine)
        registry = _registry(self.lab)
        if self in registry:
            registry.remove(self)

    def _before_table(self) -> None:
        """Hook: start what the table needs (before it takes effect)."""

    def _after_table(self, mine: bool) -> None:
        """Hook: stop what ``_before_table`` started (``mine``: the table was this situation's)."""

    def counter(self, name: str) -> int:
        """Packets counted by one of the table's named counters so far (0 when the table is gone)."""
        out = _nft(self.lab, self.node, "-j", "list", "counter", "inet", self.TABLE, name, check=False)
        if not out.strip():
            return 0
        for item in json.loads(out)["nftables"]:
            if "counter" in item:
                return int(item["counter"]["packets"])
        return 0


@dataclass(eq=False)
class IcmpBlackout(_NftSituation):
    """A perimeter (router, fw or dmz) that drops ICMP travelling toward the client (see the module doc)."""

    TABLE: ClassVar[str] = TABLE_PREFIX + "icmp"

    def body(self) -> str:
        v4 = "echo-reply, destination-unreachable, time-exceeded, parameter-problem"
        v6 = "echo-reply, destination-unreachable, packet-too-big, time-exceeded, parameter-problem"
        return (
            "  counter dropped {}\n"
            "  chain forward {\n"
            "    type filter hook forward priority filter; policy accept;\n"
            f'    oifname "{TOWARD_CLIENT}" icmp type {{ {v4} }} counter name dropped drop\n'
            f'    oifname "{TOWARD_CLIENT}" icmpv6 type {{ {v6} }} counter name dropped drop\n'
            "  }"
        )

    def dropped(self) -> int:
        """ICMP messages it has dropped."""
        return self.counter("dropped")


@dataclass(eq=False)
class Block(_NftSituation):
    """``proto``/``port`` toward the server dropped or rejected (admin-prohibited) at one node."""

    proto: Literal["udp", "tcp"] = "udp"
    port: int = 33001
    action: Literal["drop", "reject"] = "drop"
    TABLE: ClassVar[str] = TABLE_PREFIX + "block"
    ALLOWED: ClassVar[tuple[str, ...]] = FORWARDERS + HOSTS

    def describe(self) -> str:
        return f"{TAG} Block {self.proto}/{self.port} {self.action} on {self.node}"

    def body(self) -> str:
        hook = "input" if self.node in HOSTS else "forward"
        verdict = "drop" if self.action == "drop" else "reject with icmpx type admin-prohibited"
        return (
            "  counter blocked {}\n"
            f"  chain {hook} {{\n"
            f"    type filter hook {hook} priority filter; policy accept;\n"
            f"    {self.proto} dport {self.port} counter name blocked {verdict}\n"
            "  }"
        )

    def blocked(self) -> int:
        """Packets it has dropped or rejected."""
        return self.counter("blocked")


@dataclass(eq=False)
class InterceptTcp(_NftSituation):
    """An sshd on ``node`` answering TCP ``port`` to the server's addresses (nat redirect; see the module doc)."""

    port: int = 33001
    listen_port: int = 2222
    flavour: Flavour = "debian"
    targets: tuple[str, ...] = (ADDR.server4, ADDR.server6)
    sshd: Sshd | None = field(default=None, init=False, repr=False)
    TABLE: ClassVar[str] = TABLE_PREFIX + "intercept"

    @property
    def addendum(self) -> str:
        """The sshd's VersionAddendum: its banner ends with this."""
        return f"aspdiag-intercept-{self.node}"

    def describe(self) -> str:
        targets = ",".join(self.targets)
        return f"{TAG} InterceptTcp {targets} tcp/{self.port} -> {self.flavour} sshd :{self.listen_port} on {self.node}"

    def body(self) -> str:
        rules = []
        for target in self.targets:
            family = "ip6" if ":" in target else "ip"
            rules.append(
                f"    {family} daddr {target} tcp dport {self.port} counter name intercepted "
                f"redirect to :{self.listen_port}"
            )
        return (
            "  counter intercepted {}\n"
            "  chain prerouting {\n"
            "    type nat hook prerouting priority dstnat; policy accept;\n" + "\n".join(rules) + "\n  }"
        )

    def _own_sshd(self) -> Sshd | None:
        for sshd in self.lab.sshds:
            spec = sshd.spec
            if (spec.node, spec.ports, spec.flavour) == (self.node, (self.listen_port,), self.flavour) and any(
                line == f"VersionAddendum {self.addendum}" for line in spec.extra_config
            ):
                return sshd
        return None

    def apply(self) -> Self:
        super().apply()
        if self.sshd is None:
            self.sshd = self._own_sshd()  # applied through another object: adopt its sshd
        return self

    def _before_table(self) -> None:
        self.sshd = self._own_sshd() or self.lab.start_sshd(
            self.node,
            (self.listen_port,),
            flavour=self.flavour,
            max_startups="500",
            extra_config=(f"VersionAddendum {self.addendum}",),
        )

    def _after_table(self, mine: bool) -> None:
        sshd = self.sshd or (self._own_sshd() if mine else None)
        if sshd is not None:
            self.lab.stop_sshd(sshd)
        self.sshd = None

    def intercepted(self) -> int:
        """Connections (first packets) it has redirected."""
        return self.counter("intercepted")


@dataclass(eq=False)
class PoliceUdp(_NftSituation):
    """A UDP policer on one node (TCP untouched; see the module doc)."""

    bytes_per_second: int = 2 * MIB
    burst_bytes: int = 0
    direction: Literal["both", "to-server"] = "both"
    TABLE: ClassVar[str] = TABLE_PREFIX + "police"

    def describe(self) -> str:
        return f"{TAG} PoliceUdp {self.bytes_per_second} B/s burst {self.burst_bytes} B {self.direction} on {self.node}"

    def body(self) -> str:
        limit = f"limit rate over {self.bytes_per_second} bytes/second burst {self.burst_bytes} bytes"
        rules = [f'    iifname "{TOWARD_CLIENT}" meta l4proto udp {limit} counter name dropped_to_server drop']
        if self.direction == "both":
            rules.append(f'    oifname "{TOWARD_CLIENT}" meta l4proto udp {limit} counter name dropped_to_client drop')
        return (
            "  counter dropped_to_server {}\n"
            "  counter dropped_to_client {}\n"
            "  chain forward {\n"
            "    type filter hook forward priority filter; policy accept;\n" + "\n".join(rules) + "\n  }"
        )

    def dropped(self, direction: Literal["to-server", "to-client"] = "to-server") -> int:
        """UDP packets it has dropped in one direction."""
        return self.counter("dropped_to_server" if direction == "to-server" else "dropped_to_client")


@dataclass(eq=False)
class NatClient(_NftSituation):
    """The router masquerades the client (see the module doc)."""

    ifname: str = "eth1"
    ipv6: bool = True
    TABLE: ClassVar[str] = TABLE_PREFIX + "nat"

    def describe(self) -> str:
        return f"{TAG} NatClient out of {self.ifname}{' ipv4+ipv6' if self.ipv6 else ' ipv4'} on {self.node}"

    def body(self) -> str:
        rules = [f'    oifname "{self.ifname}" meta nfproto ipv4 counter name translated masquerade']
        if self.ipv6:
            rules.append(f'    oifname "{self.ifname}" meta nfproto ipv6 counter name translated masquerade')
        return (
            "  counter translated {}\n"
            "  chain postrouting {\n"
            "    type nat hook postrouting priority srcnat; policy accept;\n" + "\n".join(rules) + "\n  }"
        )

    def translated(self) -> int:
        """Connections (first packets) it has translated."""
        return self.counter("translated")


@dataclass(eq=False)
class BusyUdp(Situation):
    """A process holding UDP ports on a node, silently discarding datagrams (see the module doc)."""

    lab: Lab
    node: str = "server"
    ports: tuple[int, ...] = (33001,)
    proc: subprocess.Popen[bytes] | None = field(default=None, init=False, repr=False)
    _log_start: int = field(default=0, init=False, repr=False)

    def __post_init__(self) -> None:
        self.ports = tuple(self.ports)
        if not self.ports:
            raise ValueError("busy_udp needs at least one port")

    @property
    def log_path(self) -> Path:
        return self.lab.workdir / f"{self.node}-udp-holder-{'-'.join(map(str, self.ports))}.log"

    def argv(self) -> list[str]:
        """The command that runs the holder inside the node."""
        return self.lab.exec_argv(self.node, [sys.executable, str(HOLDER), str(self.log_path), *map(str, self.ports)])

    def describe(self) -> str:
        return f"{TAG} BusyUdp {','.join(map(str, self.ports))} on {self.node}"

    def _running(self) -> subprocess.Popen[bytes] | None:
        for proc in self.lab.processes:
            if proc.args == self.argv() and proc.poll() is None:
                return proc
        return None

    @property
    def applied(self) -> bool:
        return self._running() is not None

    def apply(self, timeout_s: float = 10.0) -> Self:
        running = self._running()
        if running is not None:
            self.proc = running
            return self
        self._log_start = self.log_path.stat().st_size if self.log_path.exists() else 0
        with open(self.log_path, "ab") as log:
            self.proc = subprocess.Popen(
                self.argv(), stdin=subprocess.DEVNULL, stdout=log, stderr=log, start_new_session=True
            )
        self.lab.processes.append(self.proc)
        deadline = time.monotonic() + timeout_s
        while "ready" not in self._log().splitlines():
            if self.proc.poll() is not None or time.monotonic() > deadline:
                log_text = self._log()
                self.remove()
                raise RuntimeError(f"the UDP holder on {self.node} did not start:\n{log_text}")
            time.sleep(0.02)
        _registry(self.lab).append(self)
        return self

    def _log(self) -> str:
        try:
            with self.log_path.open("rb") as log:
                log.seek(self._log_start)
                return log.read().decode(errors="replace")
        except FileNotFoundError:
            return ""

    def received(self) -> list[tuple[int, str, int]]:
        """(port, source address, length) of each datagram the holder has read (its first 1000)."""
        found = []
        for line in self._log().splitlines():
            parts = line.split()
            if len(parts) == 4 and parts[0] == "recv":
                found.append((int(parts[1]), parts[2], int(parts[3])))
        return found

    def remove(self) -> None:
        proc = self.proc or self._running()
        self.proc = None
        if proc is not None:
            if proc.poll() is None:
                proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=5)
            if proc in self.lab.processes:
                self.lab.processes.remove(proc)
        registry = _registry(self.lab)
        if self in registry:
            registry.remove(self)


@dataclass(eq=False)
class Shape(Situation):
    """A tbf root qdisc on an interface that had none (``lab.shape``); ``remove()`` puts the default back."""

    lab: Lab
    node: str = "dmz"
    ifname: str = "eth1"
    rate_mbit: float = 100.0
    burst_kbyte: int = 64

    def describe(self) -> str:
        return f"{TAG} Shape {self.node}/{self.ifname} tbf {self.rate_mbit} Mbit/s"

    def _root(self) -> dict[str, Any]:
        out = run(self.lab.exec_argv(self.node, [which("tc") or "tc", "-j", "qdisc", "show", "dev", self.ifname]))
        for qdisc in json.loads(out):
            if qdisc.get("root"):
                return dict(qdisc)
        return {}

    @property
    def applied(self) -> bool:
        root = self._root()
        rate = root.get("options", {}).get("rate")
        return root.get("kind") == "tbf" and rate == round(self.rate_mbit * 1e6 / 8)

    def apply(self) -> Self:
        if self.applied:
            return self
        kind = self._root().get("kind")
        if kind not in (None, "noqueue"):
            raise RuntimeError(f"{self.node}/{self.ifname} has a {kind} root qdisc already: remove that first")
        self.lab.shape(self.node, self.ifname, self.rate_mbit, burst_kbyte=self.burst_kbyte)
        _registry(self.lab).append(self)
        return self

    def remove(self) -> None:
        if self.applied:
            self.lab.unshape(self.node, self.ifname)
        registry = _registry(self.lab)
        if self in registry:
            registry.remove(self)


# What each lab has applied (by lab id), for remove_all().
_APPLIED: dict[str, list[Situation]] = {}


def _registry(lab: Lab) -> list[Situation]:
    return _APPLIED.setdefault(lab.id, [])


# ---------------------------------------------------------------------------------------------- functions


def busy_udp(lab: Lab, node: str = "server", ports: Sequence[int] = (33001,)) -> BusyUdp:
    """Hold UDP ``ports`` on ``node`` silently (a busy Aspera server); applied."""
    return BusyUdp(lab, node, tuple(ports)).apply()


def icmp_blackout(lab: Lab, node: str = "fw") -> IcmpBlackout:
    """``node`` drops ICMP travelling toward the client; applied."""
    return IcmpBlackout(lab, node).apply()


def block(
    lab: Lab,
    node: str = "fw",
    proto: Literal["udp", "tcp"] = "udp",
    port: int = 33001,
    action: Literal["drop", "reject"] = "drop",
) -> Block:
    """Drop or reject (admin-prohibited) ``proto``/``port`` at ``node`` (server: its host firewall); applied."""
    return Block(lab, node, proto, port, action).apply()


def intercept_tcp(
    lab: Lab, node: str = "dmz", port: int = 33001, listen_port: int = 2222, flavour: Flavour = "debian"
) -> InterceptTcp:
    """An sshd on ``node`` answers TCP ``port`` to the server's addresses; applied."""
    return InterceptTcp(lab, node, port, listen_port, flavour).apply()


def police_udp(
    lab: Lab,
    node: str = "fw",
    bytes_per_second: int = 2 * MIB,
    burst_bytes: int = 0,
    direction: Literal["both", "to-server"] = "both",
) -> PoliceUdp:
    """Police all UDP ``node`` forwards to ``bytes_per_second`` (TCP free); applied."""
    return PoliceUdp(lab, node, bytes_per_second, burst_bytes, direction).apply()


def shape(lab: Lab, node: str = "dmz", ifname: str = "eth1", rate_mbit: float = 100.0, burst_kbyte: int = 64) -> Shape:
    """A tbf bottleneck on ``node``/``ifname``'s egress; applied."""
    return Shape(lab, node, ifname, rate_mbit, burst_kbyte).apply()


def nat_client(lab: Lab, node: str = "router", ifname: str = "eth1", ipv6: bool = True) -> NatClient:
    """``node`` masquerades what leaves ``ifname`` (the client is behind NAT); applied."""
    return NatClient(lab, node, ifname, ipv6).apply()


def remove_all(lab: Lab) -> None:
    """Remove every field situation from ``lab``: those applied through this module, then any field table left."""
    for situation in reversed(list(_registry(lab))):
        situation.remove()
    for node in lab.NODES:
        for table in field_tables(lab, node):
            _nft(lab, node, "delete", "table", "inet", table, check=False)


# ---------------------------------------------------------------------------------------------- scenarios

Step = tuple[str, dict[str, Any]]
"""(situation kind, keyword arguments): a key of ``SITUATIONS`` and what to pass after the lab."""

SITUATIONS: dict[str, Callable[..., Situation]] = {
    "busy_udp": BusyUdp,
    "icmp_blackout": IcmpBlackout,
    "block": Block,
    "intercept_tcp": InterceptTcp,
    "police_udp": PoliceUdp,
    "shape": Shape,
    "nat_client": NatClient,
}

AnswerKind = Literal["time-exceeded", "port-unreachable", "admin-prohibited", "syn-ack"]


@dataclass(frozen=True)
class FieldScenario:
    """One composed field scenario and its ground truth (the same for IPv4 and IPv6 unless a field says so).

    Ports are the server's (aspera.lab.test, 198.18.3.2 / 2001:db8:3::2); hops as seen from the client."""

    name: str
    description: str
    steps: tuple[Step, ...]
    reaches_server: dict[str, bool] = field(
        default_factory=lambda: {"tcp/22": True, "tcp/33001": True, "udp/33001": True}
    )
    """Whether the real server's own socket layer gets it ("udp/33001": a datagram reaches a socket or the
    kernel's port-unreachable; "tcp/33001": the server's sshd answers)."""
    udp_arrives: bool = True
    """Datagrams to UDP 33001 arrive at the server's interface (also when its host firewall then drops them)."""
    udp_filter_hop: int | None = None
    """Where UDP 33001 is stopped: 1 router, 2 fw, 3 dmz, 4 the server's host firewall; None: nowhere."""
    udp_filter: Literal["drop", "reject"] | None = None
    """How: silently, or with ICMP admin-prohibited sent by that hop."""
    icmp_horizon: int | None = None
    """ICMP sent by hops beyond this one (time-exceeded, unreachables, echo replies) never reaches the client;
    hops up to it still answer. None: ICMP comes back from every hop."""
    silent_udp: tuple[int, ...] = ()
    """Server UDP ports held by a busy process: datagrams are read, nothing (no ICMP) answers. Every other
    unused UDP port (e.g. 33002) gets port-unreachable from the server."""
    tcp33001_node: str = "server"
    """Who answers TCP 33001 to the server's address (the reply carries the server's address either way)."""
    tcp33001_hop: int = 4
    """At which hop: a SYN with this TTL already gets the SYN-ACK."""
    server_sees4: str = ADDR.client4
    """The client's IPv4 address as the server sees it."""
    server_sees6: str = ADDR.client6
    """The client's IPv6 address as the server sees it."""
    udp_police_bytes_per_s: int | None = None
    """A UDP policer's rate on the path (bytes/s, each direction), or None."""
    tcp_bottleneck_mbit: float | None = None
    """A tbf rate on the path for everything (TCP's ceiling), or None."""

    def answer(self, proto: str, port: int, ttl: int) -> tuple[str, AnswerKind] | None:
        """What a probe from the client to the server (``proto``/``port``, this TTL) gets back: (node that
        answered, kind) or None for silence. ICMP comes from that node's own address (HOP_ADDRESSES); a
        "syn-ack" carries the server's address even from an interceptor."""
        for hop, node in enumerate(PATH, start=1):
            if proto == "tcp" and port == 33001 and hop == self.tcp33001_hop:
                return self.tcp33001_node, "syn-ack"  # also a redirected SYN with TTL 1: delivered locally
            filtered = proto == "udp" and port == 33001 and self.udp_filter_hop == hop
            if hop == 4:
                if proto == "tcp":
                    return node, "syn-ack"
                if filtered:
                    return (node, "admin-prohibited") if self.udp_filter == "reject" and self._seen(hop) else None
                if port in self.silent_udp or not self._seen(hop):
                    return None
                return node, "port-unreachable"
            if ttl == hop:  # a router decides TTL expiry before its forward filter
                return (node, "time-exceeded") if self._seen(hop) else None
            if filtered:
                return (node, "admin-prohibited") if self.udp_filter == "reject" and self._seen(hop) else None
        raise AssertionError("unreachable")

    def _seen(self, hop: int) -> bool:
        return self.icmp_horizon is None or hop <= self.icmp_horizon

    def as_dict(self) -> dict[str, Any]:
        """The scenario as plain JSON-able data."""
        return {
            "name": self.name,
            "description": self.description,
            "steps": [[kind, dict(args)] for kind, args in self.steps],
            "reaches_server": dict(self.reaches_server),
            "udp_arrives": self.udp_arrives,
            "udp_filter_hop": self.udp_filter_hop,
            "udp_filter": self.udp_filter,
            "icmp_horizon": self.icmp_horizon,
            "silent_udp": list(self.silent_udp),
            "tcp33001_node": self.tcp33001_node,
            "tcp33001_hop": self.tcp33001_hop,
            "server_sees4": self.server_sees4,
            "server_sees6": self.server_sees6,
            "udp_police_bytes_per_s": self.udp_police_bytes_per_s,
            "tcp_bottleneck_mbit": self.tcp_bottleneck_mbit,
        }


def _udp_blocked(hop: int, action: Literal["drop", "reject"]) -> dict[str, Any]:
    """Ground-truth fields of UDP 33001 stopped at ``hop``."""
    return {
        "reaches_server": {"tcp/22": True, "tcp/33001": True, "udp/33001": False},
        "udp_arrives": hop == 4,
        "udp_filter_hop": hop,
        "udp_filter": action,
    }


def _scenarios() -> dict[str, FieldScenario]:
    found: list[FieldScenario] = [
        FieldScenario(
            "busy-server",
            "A transfer is running: a process holds UDP 33001 on the server and discards stray datagrams "
            "(no port-unreachable for 33001; 33002 still answers). The path is open.",
            (("busy_udp", {"node": "server", "ports": (33001,)}),),
            silent_udp=(33001,),
        ),
    ]
    for node in FORWARDERS:
        hop = HOPS[node]
        found.append(
            FieldScenario(
                f"icmp-blackout-{node}",
                f"{node} (hop {hop}) drops ICMP toward the client; UDP 33001 and TCP are fully open.",
                (("icmp_blackout", {"node": node}),),
                icmp_horizon=hop,
            )
        )
    found.append(
        FieldScenario(
            "icmp-blackout-fw+busy-server",
            "fw (hop 2) drops ICMP toward the client and the server is busy on UDP 33001; all ports open.",
            (("icmp_blackout", {"node": "fw"}), ("busy_udp", {"node": "server", "ports": (33001,)})),
            icmp_horizon=2,
            silent_udp=(33001,),
        )
    )
    for icmp_node, drop_node in (("router", "fw"), ("router", "dmz"), ("fw", "dmz"), ("fw", "fw")):
        found.append(
            FieldScenario(
                f"icmp-blackout-{icmp_node}+udp-drop-{drop_node}",
                f"{icmp_node} (hop {HOPS[icmp_node]}) drops ICMP toward the client, and UDP 33001 is really "
                f"dropped at {drop_node} (hop {HOPS[drop_node]}).",
                (("icmp_blackout", {"node": icmp_node}), ("block", {"node": drop_node, "action": "drop"})),
                icmp_horizon=HOPS[icmp_node],
                **_udp_blocked(HOPS[drop_node], "drop"),
            )
        )
    for node in ("dmz", "fw"):
        found.append(
            FieldScenario(
                f"intercept-tcp33001-{node}",
                f"{node} (hop {HOPS[node]}) answers TCP 33001 to the server itself (nat redirect to its own "
                f"sshd, banner '... aspdiag-intercept-{node}'); TCP 22 and UDP reach the server.",
                (("intercept_tcp", {"node": node, "port": 33001}),),
                reaches_server={"tcp/22": True, "tcp/33001": False, "udp/33001": True},
                tcp33001_node=node,
                tcp33001_hop=HOPS[node],
            )
        )
    found.append(
        FieldScenario(
            "police-udp-fw",
            "fw (hop 2) polices all UDP to 2 MiB/s per direction (drop above); TCP is free up to a 100 Mbit/s "
            "tbf at dmz (both directions).",
            (
                ("police_udp", {"node": "fw", "bytes_per_second": 2 * MIB, "direction": "both"}),
                ("shape", {"node": "dmz", "ifname": "eth1", "rate_mbit": 100.0}),
                ("shape", {"node": "dmz", "ifname": "eth0", "rate_mbit": 100.0}),
            ),
            udp_police_bytes_per_s=2 * MIB,
            tcp_bottleneck_mbit=100.0,
        )
    )
    found.append(
        FieldScenario(
            "nat-client",
            "The router masquerades the client (IPv4 and IPv6): the server sees 198.18.2.1 / 2001:db8:2::1.",
            (("nat_client", {"node": "router", "ifname": "eth1", "ipv6": True}),),
            server_sees4=ADDR.router_fw4,
            server_sees6=ADDR.router_fw6,
        )
    )
    for action in ("drop", "reject"):
        for node in FORWARDERS:
            found.append(
                FieldScenario(
                    f"udp-{action}-{node}",
                    f"UDP 33001 {'dropped' if action == 'drop' else 'rejected (admin-prohibited)'} at {node} "
                    f"(hop {HOPS[node]}).",
                    (("block", {"node": node, "action": action}),),
                    **_udp_blocked(HOPS[node], action),
                )
            )
    found.append(
        FieldScenario(
            "udp-drop-host",
            "The server's own host firewall drops UDP 33001 (input chain): datagrams arrive, nothing answers.",
            (("block", {"node": "server", "action": "drop"}),),
            **_udp_blocked(4, "drop"),
        )
    )
    return {scenario.name: scenario for scenario in found}


FIELD_SCENARIOS: dict[str, FieldScenario] = _scenarios()
"""Every composed field scenario by name (see FieldScenario for the ground-truth fields)."""


def situations(lab: Lab, name: str) -> list[Situation]:
    """A scenario's situations, in order, not applied yet."""
    return [SITUATIONS[kind](lab, **args) for kind, args in FIELD_SCENARIOS[name].steps]


@contextmanager
def apply_scenario(lab: Lab, name: str) -> Iterator[list[Situation]]:
    """Apply a scenario's steps in order; remove them in reverse afterwards (also when applying fails)."""
    done: list[Situation] = []
    try:
        for situation in situations(lab, name):
            done.append(situation.apply())
        yield done
    finally:
        for situation in reversed(done):
            situation.remove()
