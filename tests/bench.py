"""``make bench``: aspdiag measured against reference tools in the same lab run, printed as a table.

Now: the port check (TCP 22, TCP 33001, UDP 33001 on one IPv4 address) versus nmap (-sT for TCP, -sU for
UDP, --reason) per firewall scenario: wall time and the state each tool reports. Later issues add
bandwidth (iperf3), path (traceroute/tracepath) and MTU rows.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time

from tests.lab import ADDR, Lab, unavailable_reason
from tests.lab.scenarios import SCENARIOS

REPEATS = 3
TARGET = ADDR.server4


def _time(lab: Lab, argv: list[str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = lab.exec("client", argv, timeout=120)
    return time.perf_counter() - started, result.stdout


def _aspdiag(lab: Lab) -> tuple[float, dict[str, str], str]:
    times, out = [], ""
    for _ in range(REPEATS):
        elapsed, out = _time(lab, [sys.executable, "-m", "aspdiag", "check", TARGET, "-f", "json", "--no-reports"])
        times.append(elapsed)
    data = json.loads(out)
    states = {f"{p['protocol']}/{p['port']}": p["state"] for p in data["addresses"][0]["ports"]}
    return statistics.median(times), states, data["verdict"]["verdict"]


def _nmap(lab: Lab) -> tuple[float, dict[str, str]]:
    times: list[float] = []
    states: dict[str, str] = {}
    for _ in range(REPEATS):
        t_tcp, tcp = _time(lab, ["nmap", "-n", "-Pn", "-sT", "--reason", "-p", "22,33001", TARGET])
        t_udp, udp = _time(lab, ["nmap", "-n", "-Pn", "-sU", "--reason", "-p", "33001", TARGET])
        times.append(t_tcp + t_udp)
        states = {}
        for proto, text in (("tcp", tcp), ("udp", udp)):
            for port, state, reason in re.findall(rf"^(\d+)/{proto}\s+(\S+)\s+\S+\s+(.*)$", text, re.M):
                states[f"{proto}/{port}"] = f"{state} ({reason.strip()})"
    return statistics.median(times), states


def main() -> int:
    """Run the benchmark and print a Markdown table."""
    reason = unavailable_reason()
    if reason:
        print(f"bench: {reason}", file=sys.stderr)
        return 1
    rows = []
    with Lab() as lab:
        for scenario in ("open", "udp-drop", "udp-reject", "udp-spoof", "tcp-reject", "tcp-drop"):
            lab.firewall(SCENARIOS[scenario])
            a_time, a_states, verdict = _aspdiag(lab)
            n_time, n_states = _nmap(lab)
            for port in ("tcp/22", "tcp/33001", "udp/33001"):
                rows.append(
                    (
                        scenario,
                        port,
                        a_states.get(port, "-"),
                        n_states.get(port, "-"),
                        f"{a_time:.2f}" if port == "tcp/22" else "",
                        f"{n_time:.2f}" if port == "tcp/22" else "",
                        verdict if port == "tcp/22" else "",
                    )
                )
    print(f"## Port check: aspdiag vs nmap, one IPv4 target, median of {REPEATS} runs (wall seconds)\n")
    print("| scenario | port | aspdiag state | nmap state (reason) | aspdiag s | nmap -sT + -sU s | aspdiag verdict |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(
        "\nTarget: a verdict for the 3 Aspera ports in ≤ 5 s, "
        "with the offender of every ICMP answer. Bandwidth, path and MTU rows come with later issues."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
