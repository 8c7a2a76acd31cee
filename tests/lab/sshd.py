"""The lab's SSH servers: Debian's own sshd, or a current OpenSSH with PerSourcePenalties on by default.

``debian``  the system's /usr/sbin/sshd (OpenSSH 9.2 on Debian 12: no PerSourcePenalties).
``current`` openssh-server from bookworm-backports (10.0), unpacked by .ci/install-system-deps into
            CURRENT_ROOT and never installed over the system's; its helpers (sshd-session, sshd-auth) are
            found through SshdSessionPath / SshdAuthPath. Penalties and MaxStartups keep sshd's defaults
            (``sshd -T``: ``persourcepenalties crash:90 authfail:5 noauth:1 grace-exceeded:10
            refuseconnection:10 max:600 min:15 ...``, ``maxstartups 10:30:100``).

Lab.start_sshd() / restart_sshd() / stop_sshd() run these in a lab node; ssh_poke.py (through poke()) is
the client. What the current sshd logs, as measured in the lab (tests/integration/test_lab_sshd.py):

- INFO: ``Connection closed by 198.18.1.2 port P`` (a connection closed before or after reading the
  banner), ``Connection reset by 198.18.1.2 port P [preauth]`` (closed after sending its identification,
  with the server's KEXINIT unread), ``Received disconnect from 198.18.1.2 port P:11: <text> [preauth]``
  and ``Disconnected from 198.18.1.2 port P [preauth]`` (an SSH_MSG_DISCONNECT), ``drop connection #0
  from [198.18.1.2]:P on [198.18.3.2]:2222 penalty: connections without attempting authentication``
  (refused for a penalty; only about the first 7 of a burst, then rate-limited) and ``drop connection #N
  from ... Maxstartups``.
- VERBOSE adds ``Connection from 198.18.1.2 port P on 198.18.3.2 port 2222 rdomain ""``,
  ``kex_exchange_identification: Connection closed by remote host`` and the penalty bookkeeping:
  ``srclimit_penalise: ipv4: new 198.18.1.2/32 deferred penalty of 1 seconds for penalty: connections
  without attempting authentication``, then ``srclimit_penalise: 198.18.1.2/32: activating ipv4 penalty of
  16 seconds for penalty: ...`` when more than 15 s have accumulated (the first refusal follows).

Every connection closed before authenticating, a polite SSH_MSG_DISCONNECT included, adds 1 s to its
source address; the total drains at 1 s per second; above 15 s the address is refused until it has drained
(about 16 s when reached in a burst; refused connections add nothing). Measured: the 17th or 18th
connection of a burst is refused; one every 0.5 s gets the 33rd refused after 16.4 s; one a second never.
A refused client reads exactly ``Not allowed at this time\r\n`` and then a FIN (or an RST when it had
sent bytes sshd never read); the same text answers a MaxStartups refusal. Debian's 9.2 never refuses for
penalties and answers a MaxStartups refusal with ``Exceeded MaxStartups\r\n``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from tests.lab import Lab

Flavour = Literal["debian", "current"]
FLAVOURS: tuple[Flavour, ...] = ("debian", "current")

CURRENT_ROOT = Path("/opt/aspdiag-lab/openssh-current")
"""Where .ci/install-system-deps unpacks the current openssh-server (keep the two in step)."""

DEBIAN_SSHD = Path("/usr/sbin/sshd")

POKE = Path(__file__).with_name("ssh_poke.py")

PENALTY_TEXT = "Not allowed at this time"
"""What a refused client reads (PerSourcePenalties or MaxStartups), followed by the server's close."""

PENALTY_DROP = re.compile(
    r"drop connection #\d+ from \[(?P<addr>[^\]]+)\]:\d+ on \[[^\]]+\]:\d+ (?P<reason>penalty: .*)"
)
"""The INFO line the listener logs for a connection it refuses because of a penalty."""


def sshd_binary(flavour: Flavour) -> Path:
    """The sshd program of a flavour."""
    return DEBIAN_SSHD if flavour == "debian" else CURRENT_ROOT / "usr" / "sbin" / "sshd"


def helper_paths(flavour: Flavour) -> dict[str, Path]:
    """The config keywords that point a current sshd at its own helper programs (none for Debian's)."""
    if flavour == "debian":
        return {}
    libexec = CURRENT_ROOT / "usr" / "lib" / "openssh"
    paths = {"SshdSessionPath": libexec / "sshd-session"}  # OpenSSH >= 9.8
    if (libexec / "sshd-auth").exists():
        paths["SshdAuthPath"] = libexec / "sshd-auth"  # OpenSSH >= 10.0
    return paths


def unavailable_reason(flavour: Flavour) -> str | None:
    """Why a flavour cannot run here (None when it can)."""
    binary = sshd_binary(flavour)
    missing = [path for path in (binary, *helper_paths(flavour).values()) if not path.exists()]
    if missing:
        hint = " (run .ci/install-system-deps as root)" if flavour == "current" else ""
        return f"the {flavour} sshd needs {', '.join(map(str, missing))}{hint}"
    return None


def version(flavour: Flavour) -> str:
    """``sshd -V``'s first line, e.g. ``OpenSSH_10.0p2 Debian-7~bpo12+1, OpenSSL 3.0.19 27 Jan 2026``."""
    result = subprocess.run([str(sshd_binary(flavour)), "-V"], capture_output=True, text=True, timeout=10)
    return (result.stderr or result.stdout).splitlines()[0].strip()


@dataclass(frozen=True)
class SshdSpec:
    """How to run one sshd in a lab node (everything but the lab's paths)."""

    node: str
    ports: tuple[int, ...]
    flavour: Flavour = "debian"
    log_level: str = "VERBOSE"
    """INFO shows refusals and preauth closes; VERBOSE adds connects and the penalty bookkeeping."""
    max_startups: str | None = None
    """None keeps sshd's default (10:30:100); the lab's standard Debian sshds use 500."""
    extra_config: tuple[str, ...] = ()
    """sshd_config lines placed first: sshd keeps the first value of most keywords, so these win."""

    @property
    def name(self) -> str:
        """A name for its files: node, flavour and ports (``server-current-2222``)."""
        return f"{self.node}-{self.flavour}-{'-'.join(map(str, self.ports))}"

    def config(self, host_key: Path, pid_file: Path) -> str:
        """The sshd_config text."""
        lines = [
            *self.extra_config,
            *(f"Port {port}" for port in self.ports),
            "ListenAddress 0.0.0.0",
            "ListenAddress ::",
            f"HostKey {host_key}",
            f"PidFile {pid_file}",
            *(f"{keyword} {path}" for keyword, path in helper_paths(self.flavour).items()),
            "UsePAM no",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PermitRootLogin no",
            "StrictModes no",
            "UseDNS no",
            f"LogLevel {self.log_level}",
        ]
        if self.max_startups is not None:
            lines.append(f"MaxStartups {self.max_startups}")
        return "\n".join(lines) + "\n"


@dataclass
class Sshd:
    """One sshd a lab started: its spec, files and process (see Lab.start_sshd).

    A restart appends to the same log file; ``log_start`` is where this process's part begins."""

    spec: SshdSpec
    config_path: Path
    log_path: Path
    process: subprocess.Popen[bytes] | None = field(default=None, repr=False)
    log_start: int = 0

    def argv(self) -> list[str]:
        """The command line: in the foreground, logging to ``log_path`` (``-E``), with our config."""
        return [str(sshd_binary(self.spec.flavour)), "-D", "-E", str(self.log_path), "-f", str(self.config_path)]

    def log(self, since: int | None = None) -> str:
        """This process's log, or what it logged after byte offset ``since`` (see log_offset)."""
        try:
            with self.log_path.open("rb") as file:
                file.seek(self.log_start if since is None else since)
                return file.read().decode(errors="replace")
        except FileNotFoundError:
            return ""

    def log_offset(self) -> int:
        """The log's current size: pass it to log() later to read only what came after."""
        try:
            return self.log_path.stat().st_size
        except FileNotFoundError:
            return 0

    def penalty_drops(self, since: int | None = None) -> list[str]:
        """The log's ``drop connection ... penalty: ...`` lines (connections refused for a penalty).

        sshd logs only about the first 7 of a burst at INFO (then it rate-limits them to DEBUG3)."""
        return [line for line in self.log(since).splitlines() if PENALTY_DROP.search(line)]


def effective_config(flavour: Flavour, config_path: Path, keywords: Sequence[str]) -> dict[str, str]:
    """``sshd -T``'s values for some keywords (lower case), e.g. to check PerSourcePenalties' defaults."""
    result = subprocess.run(
        [str(sshd_binary(flavour)), "-T", "-f", str(config_path)], capture_output=True, text=True, timeout=10
    )
    if result.returncode != 0:
        raise RuntimeError(f"sshd -T failed: {result.stderr.strip()}")
    wanted = {keyword.lower() for keyword in keywords}
    values: dict[str, str] = {}
    for line in result.stdout.splitlines():
        key, _, value = line.partition(" ")
        if key in wanted:
            values[key] = value
    return values


def poke(
    lab: Lab,
    host: str,
    port: int,
    kind: str,
    *,
    count: int = 1,
    gap: float = 0.0,
    hold: int = 0,
    node: str = "client",
) -> list[dict[str, Any]]:
    """Run ssh_poke.py in ``node``: ``count`` connections of ``kind`` (bare, banner, polite, eager) to
    ``host``:``port``, ``gap`` seconds apart, after opening ``hold`` connections that stay open meanwhile.
    One dict per connection (``first_line``, ``received``, ``end``: eof/reset/timeout/closed by client, ...)."""
    argv = [sys.executable, str(POKE), host, str(port), kind, "--count", str(count), "--gap", str(gap)]
    argv += ["--hold", str(hold)]
    result = lab.exec(node, argv, timeout=30 + count * (gap + 3))
    if result.returncode != 0:
        raise RuntimeError(f"ssh_poke failed ({result.returncode}): {result.stderr.strip()}")
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    return [line for line in lines if "held" not in line]
