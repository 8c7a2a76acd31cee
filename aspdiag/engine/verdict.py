"""The verdict: ready / degraded / blocked / cannot tell, with the findings behind it — computed once, when a
check ends, from what every registered measurement says (its findings, which addresses it shows usable, a
decision it can make alone, an amendment it makes last), and saved with the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aspdiag.core.model import (
    Assessment,
    Family,
    Finding,
    Recommendations,
    Report,
    Severity,
    SourceAddress,
    Verdict,
)
from aspdiag.engine.advice import ascp_command, change_request, checklist
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.measurements.ascp import installations_of
from aspdiag.measurements.dns import dns_of
from aspdiag.measurements.route import routes_of


def by_severity(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Blockers first, then warnings, then information; the order within each kept."""
    return tuple(sorted(findings, key=lambda f: list(Severity).index(f.severity)))


def _collect(report: Report) -> tuple[list[Finding], dict[str, list[bool]]]:
    """Every measurement's findings and its per-address usability votes, in registry order. Once a measurement
    that ``stops_address`` calls an address unusable, later findings about that address are left out."""
    findings: list[Finding] = []
    votes: dict[str, list[bool]] = {}
    stopped: set[str] = set()
    for measurement in MEASUREMENTS:
        findings += [f for f in measurement.findings(report) if f.address is None or f.address not in stopped]
        for address, usable in measurement.usable(report).items():
            if address in stopped:
                continue
            votes.setdefault(address, []).append(usable)
            if not usable and measurement.stops_address:
                stopped.add(address)
    return findings, votes


def assess(report: Report) -> Assessment:
    """Derive the verdict and findings from the measurements (pure)."""
    found, votes = _collect(report)
    decided = next((d for m in MEASUREMENTS if (d := m.decide(report)) is not None), None)
    if decided is not None:
        # The decision stands; what the other measurements say about the machine (ascp, ...) still counts.
        others = [f for f in found if f not in decided.findings]
        assessment = replace(decided, findings=by_severity([*decided.findings, *others]))
        for measurement in MEASUREMENTS:
            assessment = measurement.amend(report, assessment)
        return assessment
    if report.interrupted:
        found.append(
            Finding(
                Severity.WARNING,
                "The check was interrupted",
                "results are partial: probes that did not finish are listed as failures",
            )
        )
    ordered = by_severity(found)
    usable: list[str] = []
    unusable: list[str] = []
    undecided: list[str] = []
    for address in report.addresses:
        blocked = any(f.severity is Severity.BLOCKER and f.address == address for f in found)
        if blocked:
            unusable.append(address)
        elif votes.get(address) and all(votes[address]):
            usable.append(address)
        else:
            undecided.append(address)
    assessment = _verdict(report, ordered, usable, unusable, undecided)
    for measurement in MEASUREMENTS:
        assessment = measurement.amend(report, assessment)
    return assessment


def _verdict(
    report: Report, ordered: tuple[Finding, ...], usable: list[str], unusable: list[str], undecided: list[str]
) -> Assessment:
    blockers = "; ".join(f.title for f in ordered if f.severity is Severity.BLOCKER)
    target = report.target.display
    if report.interrupted:
        if unusable:
            return Assessment(
                Verdict.BLOCKED,
                f"A transfer to {target} will not work from here: {blockers} "
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
            f"SSH control (TCP) and FASP data (UDP) reach {target} on every address.",
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
                f"The IPv4 path to {target} works; its IPv6 address does not (ascp uses IPv4 unless given -6).",
                "start the transfer without -6; report the IPv6 warning to the network team",
                by_severity(softened),
            )
        return Assessment(
            Verdict.DEGRADED,
            f"Only some addresses of {target} are reachable "
            f"({', '.join(usable)}); a transfer may fail when DNS hands out another one.",
            "ask the network team to open the blocked addresses below, or pin the working address",
            ordered,
        )
    if unusable:
        return Assessment(
            Verdict.BLOCKED,
            f"A transfer to {target} will not work from here: {blockers}.",
            "send this report to the network team; the blockers below say what must be opened",
            ordered,
        )
    return Assessment(
        Verdict.CANNOT_TELL,
        f"aspdiag could not test the path to {target}.",
        "see the warnings below, fix what stopped the probes, and run the check again",
        ordered,
    )


def judge(report: Report) -> Report:
    """The report with its verdict, change request, recommendations and the environment's summary filled in:
    done once, when the check ends, so that a saved report shows the verdict it had."""
    judged = replace(report, assessment=assess(report))
    dns = dns_of(report)
    installations = installations_of(report)
    environment = replace(
        report.environment,
        sources=tuple(
            SourceAddress(address, interface)
            for address, interface in sorted(
                {(r.source_address, r.interface or "") for r in routes_of(report) if r.source_address is not None}
            )
        ),
        resolver=dns.nameserver if dns is not None else None,
        ascp_installations=tuple(i.path for i in installations) or None,
    )
    return replace(
        judged,
        environment=environment,
        change_request=change_request(judged, report.settings.rule_days),
        recommendations=Recommendations(ascp_command(judged, report.settings.ascp_user), checklist(judged)),
    )
