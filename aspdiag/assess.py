"""The verdict: a pure function from a Report to ready / degraded / blocked / cannot tell, with findings."""

from __future__ import annotations

from dataclasses import replace

from aspdiag.model import (
    Assessment,
    BannerKind,
    DnsOutcome,
    Family,
    Finding,
    PortResult,
    PortState,
    Protocol,
    Report,
    RouteOutcome,
    Severity,
    Verdict,
)

_DNS_ACTIONS = {
    DnsOutcome.NXDOMAIN: "check the spelling of the host name with the data provider",
    DnsOutcome.NO_ANSWER: "the name has no address records; ask the data provider for the right host name",
    DnsOutcome.SERVFAIL: "the DNS server failed; ask your IT helpdesk, or try --dns-server with another resolver",
    DnsOutcome.TIMEOUT: "no DNS server answered; check the network connection or try --dns-server",
    DnsOutcome.ERROR: "check /etc/resolv.conf or give a resolver with --dns-server",
}


def _dns_warnings(report: Report) -> list[Finding]:
    """A record type that failed (SERVFAIL, timeout) while the other resolved: worth knowing, not blocking."""
    dns = report.dns
    if dns is None or dns.literal or not dns.addresses:
        return []
    return [
        Finding(
            Severity.WARNING,
            f"DNS {q.rdtype} lookup of {report.target.display} failed: {q.outcome.value}",
            q.detail,
            "other machines may resolve the name differently; check the resolver",
        )
        for q in dns.queries
        if q.outcome in (DnsOutcome.SERVFAIL, DnsOutcome.TIMEOUT, DnsOutcome.ERROR)
    ]


def _port_phrase(result: PortResult) -> str:
    return f"{result.label} on {result.address}: {result.state.value} — {result.detail}"


def _where(result: PortResult) -> str:
    if not result.location:
        return ""
    return f"; {result.location}" if result.state is PortState.REJECTED else f"; it stops {result.location}"


def _family_differences(report: Report) -> list[Finding]:
    """IPv4 and IPv6 disagreeing on a port is a classic cause of 'works from one machine only'."""
    findings = []
    by_port: dict[tuple[Protocol, int], dict[Family, list[PortResult]]] = {}
    for result in report.ports:
        by_port.setdefault((result.protocol, result.port), {}).setdefault(Family.of(result.address), []).append(result)
    for (protocol, port), families in sorted(by_port.items()):
        if len(families) < 2:
            continue
        v4 = {r.path_open for r in families[Family.IPV4]}
        v6 = {r.path_open for r in families[Family.IPV6]}
        if v4 != v6:
            states = "; ".join(
                f"{family.value} {', '.join(sorted({r.state.value for r in results}))}"
                for family, results in sorted(families.items())
            )
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"IPv4 and IPv6 differ on {protocol.value}/{port}",
                    f"{states}: machines that prefer the other address family will see a different result",
                    "ask the network team to apply the same rule to both families",
                )
            )
    return findings


def _address_findings(report: Report, address: str) -> tuple[bool, list[Finding]]:
    """(usable, findings) for one address: usable when a TCP control port is open and UDP gets through."""
    findings: list[Finding] = []
    route = report.route_for(address)
    if route is not None and route.outcome is RouteOutcome.NO_ROUTE:
        findings.append(
            Finding(
                Severity.BLOCKER,
                f"No local route to {address}",
                route.detail,
                "check this machine's network configuration (default route, VPN)",
            )
        )
        return False, [replace(f, address=address) for f in findings]
    ports = report.ports_for(address)
    tcp = [p for p in ports if p.protocol is Protocol.TCP]
    udp = [p for p in ports if p.protocol is Protocol.UDP]
    undecided = [p for p in ports if p.state is PortState.ERROR]
    # An open TCP port only serves as the SSH control port if it speaks SSH (or we could not tell).
    control_open = [
        p for p in tcp if p.state is PortState.OPEN and (p.banner is None or p.banner.kind is BannerKind.SSH)
    ]
    for p in tcp:
        if p.state is PortState.OPEN and p.banner is not None and p.banner.kind is not BannerKind.SSH:
            said = f": {p.banner.text!r}" if p.banner.text else ""
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} on {address} answers but is not SSH ({p.banner.kind.value})",
                    f"an SSH server greets first with 'SSH-2.0-...'; this port said{said or ' nothing'}. "
                    "A proxy, a load balancer or the wrong service holds it",
                    f"ask the data provider which port their Aspera SSH service uses; do not use -P {p.port}",
                )
            )
    udp_open = [p for p in udp if p.path_open]
    for p in undecided:
        findings.append(Finding(Severity.WARNING, f"Could not test {p.label} on {address}", p.detail))
    if tcp and not control_open:
        if any(p.state is not PortState.ERROR for p in tcp):
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"No SSH control port reachable on {address}",
                    "; ".join(_port_phrase(p) for p in tcp),
                    "ask the network team to allow outbound TCP "
                    + " and ".join(str(p.port) for p in tcp)
                    + f" to {address}",
                )
            )
    elif control_open and any(p.port != 22 for p in control_open) and not any(p.port == 22 for p in control_open):
        port = control_open[0].port
        findings.append(
            Finding(
                Severity.INFO,
                f"Use -P {port} on {address}",
                f"TCP {port} is open but TCP 22 is not; ascp uses 22 unless told otherwise",
                f"add -P {port} to the ascp command",
            )
        )
    for p in udp:
        if p.rate_limit_suspected:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"UDP {p.port} toward {address}: no answer, but the target may be rate-limiting ICMP",
                    _port_phrase(p),
                    f"run 'aspdiag check {address} --udp-port {p.port}' to test this port on its own",
                )
            )
    blocked_udp = [p for p in udp if not p.path_open and p.state is not PortState.ERROR and not p.rate_limit_suspected]
    for p in blocked_udp:
        findings.append(
            Finding(
                Severity.BLOCKER,
                f"UDP {p.port} (FASP data) blocked toward {address}",
                _port_phrase(p),
                f"ask the network team to allow outbound UDP {p.port} to {address} (and the replies){_where(p)}",
            )
        )
    # Every configured UDP port must be measured and open: a Windows/Isilon server may use any port of a range.
    udp_ok = len(udp_open) == len(report.settings.udp_ports)
    usable = bool(control_open) and udp_ok
    return usable, [replace(f, address=address) for f in findings]


def _transfer_finding(report: Report) -> Finding | None:
    transfer = report.transfer
    if transfer is None:
        return None
    from aspdiag.ascp.diagnose import diagnose
    from aspdiag.ascp.transfer import TransferOutcome

    why = diagnose(transfer, report.ports, report.settings.udp_ports[0] if report.settings.udp_ports else None)
    if transfer.outcome is TransferOutcome.SUCCESS:
        return Finding(Severity.INFO, "The capped test transfer succeeded", why)
    code = f" (FASP error {transfer.error_code}: {transfer.error_meaning})" if transfer.error_code is not None else ""
    title = (
        f"The test transfer failed{code}"
        if transfer.outcome is not TransferOutcome.TIMED_OUT
        else ("The test transfer was stopped at its time cap")
    )
    detail = why + (f". ascp said: {transfer.error_message}" if transfer.error_message else "")
    return Finding(Severity.BLOCKER, title, detail, transfer.check)


def _ascp_findings(report: Report) -> list[Finding]:
    """Warnings about the ascp that will be used: known-bad versions, a missing public-download key."""
    if not report.ascp:
        return []
    used = report.ascp[0]
    findings = [Finding(Severity.WARNING, f"ascp at {used.path}: {w.split(':')[0]}", w) for w in used.warnings]
    wanted = report.settings.preset_key_files
    have = {path.rsplit("/", 1)[-1] for path in used.key_files}
    if wanted and not have & set(wanted):
        findings.append(
            Finding(
                Severity.WARNING,
                f"No public-download key file next to {used.path}",
                f"{report.settings.preset} downloads need one of: {', '.join(wanted)}",
                "get the key file the data provider documents and pass it with --key (ascp -i)",
            )
        )
    return findings


def _path_findings(report: Report) -> list[Finding]:
    """Black holes and lossy paths found by ``--path``."""
    from aspdiag.advice import z_advice

    findings = []
    for p in report.paths:
        if p.black_hole:
            where = (
                f" between hop {p.black_hole_after_hop} ({p.black_hole_after_address or '?'}) and "
                f"{p.black_hole_next_address or 'the next hop'}"
                if p.black_hole_after_hop is not None
                else ""
            )
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"Path MTU black hole toward UDP {p.udp_port} at {p.address}: {p.path_mtu_bytes} bytes pass, "
                    f"{p.black_hole_smallest_lost_bytes} vanish{where}",
                    "full-size FASP datagrams are dropped with no ICMP fragmentation-needed, so ascp cannot "
                    "find the MTU itself and the transfer stalls",
                    f"use {z_advice(p).split(': ', 1)[-1].split(' (')[0]}; and ask the network team to let ICMP "
                    "fragmentation-needed / packet-too-big through" + where,
                    p.address,
                )
            )
        if p.loss_pct and p.loss_pct >= 1.0:
            findings.append(
                Finding(
                    Severity.INFO,
                    f"{p.loss_pct:g}% of TCP handshakes to {p.address} got no answer",
                    "loss on the path: one TCP stream would be slow (see the estimate); FASP copes better",
                    "",
                    p.address,
                )
            )
    return findings + _capacity_findings(report)


def _capacity_findings(report: Report) -> list[Finding]:
    """Shapers and rate-limited answers found by ``--capacity``."""
    findings = []
    for c in report.capacities:
        if c.shaper_suspected and c.sustained_mbps:
            findings.append(
                Finding(
                    Severity.INFO,
                    f"Traffic shaper suspected toward {c.address}: about {c.burst_bytes or 0:,} bytes go through "
                    f"fast, then {c.sustained_mbps:.1f} Mbit/s",
                    "a token bucket on the path: short tests and the first seconds of a transfer look faster than "
                    "a multi-terabyte transfer will run",
                    f"plan with {c.sustained_mbps:.1f} Mbit/s (ascp -l {max(1, int(c.sustained_mbps))}m); ask the "
                    "network team whether the shaping can be raised for this transfer",
                    c.address,
                )
            )
        if c.status == "rate-limited":
            findings.append(
                Finding(
                    Severity.INFO,
                    f"Capacity toward {c.address} cannot be told: the target rate-limits its ICMP answers",
                    c.detail,
                    "run as root (TCP resets are not rate-limited), or run 'aspdiag responder' beside the server "
                    "and use --responder",
                    c.address,
                )
            )
    return findings + _responder_findings(report)


def _responder_findings(report: Report) -> list[Finding]:
    """Definitive answers from ``aspdiag responder``: one direction blocked, or loss in a test."""
    findings = []
    for r in report.responders:
        if r.status == "no-answer":
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"The responder at {r.address} port {r.port} did not answer",
                    r.detail or "no answer on UDP or TCP",
                    "check that 'aspdiag responder' runs there with the same key and that the clocks agree "
                    "within 2 minutes; then check the firewall for that port",
                    r.address,
                )
            )
        elif r.udp_two_way is False and r.tcp_two_way:
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"UDP {r.port} is blocked between here and {r.address}; TCP {r.port} gets through",
                    "the responder answered over TCP but not over UDP: a firewall on the path drops the FASP "
                    "data channel (tested with both ends under our control, so this is definitive)",
                    f"ask the network team to allow UDP {r.port} to {r.address} (see the change request)",
                    r.address,
                )
            )
        for direction, loss in (("up", r.up_loss_pct), ("down", r.down_loss_pct)):
            if loss is not None and loss >= 1.0:
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"{loss:g}% UDP loss {direction} at {r.rate_cap_mbps:g} Mbit/s with {r.address}",
                        "the path drops UDP at this rate: FASP will slow down to what gets through",
                        "try a lower ascp -l, or ask what limits UDP on the path",
                        r.address,
                    )
                )
    return findings


def assess(report: Report) -> Assessment:
    """Derive the verdict and findings from the measurements, then the test transfer's say (no I/O)."""
    assessment = _assess_paths(report)
    extra = _ascp_findings(report) + _path_findings(report)
    if extra:
        assessment = replace(assessment, findings=_by_severity([*assessment.findings, *extra]))
    finding = _transfer_finding(report)
    if finding is None:
        return assessment
    findings = _by_severity([finding, *assessment.findings])
    if finding.severity is Severity.BLOCKER and assessment.verdict in (
        Verdict.READY,
        Verdict.DEGRADED,
        Verdict.CANNOT_TELL,
    ):
        return Assessment(
            Verdict.BLOCKED,
            f"The paths look {assessment.verdict.value}, but the test transfer to {report.target.display} failed: "
            f"{finding.detail}",
            finding.action or "fix what the transfer finding says, then run the check again",
            findings,
        )
    return replace(assessment, findings=findings)


def _assess_paths(report: Report) -> Assessment:
    """The verdict from DNS, routes and reachability alone."""
    dns = report.dns
    findings: list[Finding] = []
    if dns is None:
        return Assessment(
            Verdict.CANNOT_TELL,
            "The check was stopped before the host was resolved.",
            "run the check again and let it finish",
        )
    if not dns.addresses:
        outcome = dns.outcome
        findings.append(
            Finding(
                Severity.BLOCKER,
                f"DNS lookup of {report.target.display} failed: {outcome.value}",
                dns.detail,
                _DNS_ACTIONS.get(outcome, ""),
            )
        )
        return Assessment(
            Verdict.BLOCKED,
            f"{report.target.display} cannot be resolved ({outcome.value}), so no transfer can start.",
            _DNS_ACTIONS.get(outcome, "check the host name"),
            tuple(findings),
        )

    usable: list[str] = []
    unusable: list[str] = []
    undecided: list[str] = []
    for address in dns.addresses:
        ok, address_findings = _address_findings(report, address)
        findings.extend(address_findings)
        if ok:
            usable.append(address)
        elif any(f.severity is Severity.BLOCKER for f in address_findings):
            unusable.append(address)
        else:
            undecided.append(address)

    findings.extend(_dns_warnings(report))
    findings.extend(_family_differences(report))
    if report.interrupted:
        findings.append(
            Finding(
                Severity.WARNING,
                "The check was interrupted",
                "results are partial: probes that did not finish are listed as failures",
            )
        )
    ordered = _by_severity(findings)
    blockers = "; ".join(f.title for f in ordered if f.severity is Severity.BLOCKER)

    if report.interrupted:
        if unusable:
            return Assessment(
                Verdict.BLOCKED,
                f"A transfer to {report.target.display} will not work from here: {blockers} "
                "(the check was interrupted; other results are missing).",
                "send this report to the network team, or run the check again to completion",
                ordered,
            )
        return Assessment(
            Verdict.CANNOT_TELL,
            "The check was interrupted before every probe finished.",
            "run the check again and let it finish",
            ordered,
        )
    if usable and not unusable and not undecided:
        return Assessment(
            Verdict.READY,
            f"SSH control (TCP) and FASP data (UDP) reach {report.target.display} on every address.",
            "start the transfer; keep this report with the job",
            ordered,
        )
    if usable:
        v6_only_problem = all(Family.of(a) is Family.IPV6 for a in unusable + undecided)
        if v6_only_problem and any(Family.of(a) is Family.IPV4 for a in usable):
            # ascp uses IPv4 unless given -6, so an IPv6-only block does not stop the transfer: a warning.
            softened = [
                replace(f, severity=Severity.WARNING) if f.severity is Severity.BLOCKER and f.address in unusable else f
                for f in ordered
            ]
            return Assessment(
                Verdict.READY,
                f"The IPv4 path to {report.target.display} works; its IPv6 address does not "
                "(ascp uses IPv4 unless given -6).",
                "start the transfer without -6; report the IPv6 warning to the network team",
                _by_severity(softened),
            )
        return Assessment(
            Verdict.DEGRADED,
            f"Only some addresses of {report.target.display} are reachable "
            f"({', '.join(usable)}); a transfer may fail when DNS hands out another one.",
            "ask the network team to open the blocked addresses below, or pin the working address",
            ordered,
        )
    if unusable:
        return Assessment(
            Verdict.BLOCKED,
            f"A transfer to {report.target.display} will not work from here: {blockers}.",
            "send this report to the network team; the blockers below say what must be opened",
            ordered,
        )
    return Assessment(
        Verdict.CANNOT_TELL,
        f"aspdiag could not test the path to {report.target.display}.",
        "see the warnings below, fix what stopped the probes, and run the check again",
        ordered,
    )


def _by_severity(findings: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted(findings, key=lambda f: list(Severity).index(f.severity)))
