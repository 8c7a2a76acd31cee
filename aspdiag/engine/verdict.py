"""The verdict: ready / degraded / blocked / cannot tell, with the findings behind it — computed once, when a
check ends, from what every registered measurement says (its findings, which addresses it shows usable, a
decision it can make alone, an amendment it makes last), and saved with the report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aspdiag.core.model import (
    Assessment,
    Audience,
    Family,
    Finding,
    Grade,
    Recommendations,
    Report,
    Severity,
    SourceAddress,
    Verdict,
)
from aspdiag.engine.advice import ascp_command, change_request, only_ipv6_works
from aspdiag.engine.checklist import checklist
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.measurements.ascp import installations_of
from aspdiag.measurements.dns import dns_of
from aspdiag.measurements.path import paths_of
from aspdiag.measurements.route import routes_of


def by_severity(findings: Sequence[Finding]) -> tuple[Finding, ...]:
    """Blockers first, then warnings, then information; the order within each kept."""
    return tuple(sorted(findings, key=lambda f: list(Severity).index(f.severity)))


def _collect(report: Report) -> tuple[list[Finding], dict[str, Grade]]:
    """Every measurement's findings and the grade of every address, in registry order. An address's grade is
    the weakest any measurement gives it (none: unknown). Once a measurement that ``stops_address`` grades an
    address BLOCKED, later findings about that address are left out."""
    findings: list[Finding] = []
    grades: dict[str, Grade] = {}
    stopped: set[str] = set()
    for measurement in MEASUREMENTS:
        findings += [f for f in measurement.findings(report) if f.address is None or f.address not in stopped]
        for address, grade in measurement.grades(report).items():
            if address in stopped:
                continue
            grades[address] = min(grade, grades.get(address, Grade.PROVEN))
            if grade is Grade.BLOCKED and measurement.stops_address:
                stopped.add(address)
    for f in findings:
        # A proven blocker about an address blocks it, whichever measurement found it (a failed responder
        # test, say).
        if f.address is not None and f.severity is Severity.BLOCKER and f.proven:
            grades[f.address] = Grade.BLOCKED
    return findings, grades


def _settle(findings: tuple[Finding, ...]) -> str:
    """What would settle a verdict that is not proven: the first unproven finding's answer."""
    return next((f.settle for f in findings if not f.proven and f.settle), "")


def assess(report: Report) -> Assessment:
    """Derive the verdict and findings from the measurements (pure)."""
    found, grades = _collect(report)
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
    by_grade = {grade: [a for a in report.addresses if grades.get(a, Grade.UNKNOWN) is grade] for grade in Grade}
    assessment = _verdict(report, ordered, by_grade)
    if assessment.verdict in (Verdict.UNCONFIRMED, Verdict.CANNOT_TELL) and not assessment.settle:
        assessment = replace(assessment, settle=_settle(ordered))
    for measurement in MEASUREMENTS:
        assessment = measurement.amend(report, assessment)
    return assessment


def _verdict(report: Report, ordered: tuple[Finding, ...], by_grade: dict[Grade, list[str]]) -> Assessment:
    proven, probable = by_grade[Grade.PROVEN], by_grade[Grade.PROBABLE]
    usable = proven + probable
    unusable, undecided = by_grade[Grade.BLOCKED], by_grade[Grade.UNKNOWN]
    blocking = [f for f in ordered if f.severity is Severity.BLOCKER]
    # The proven blockers name the cause; without any, the others still say what stops the transfer.
    blockers = "; ".join(f.title for f in ([b for b in blocking if b.proven] or blocking))
    # A blocker for the network team that is not a port rule (a router without a route) has no change request.
    to_network = any(f.audience is Audience.CLIENT_NETWORK for f in blocking) and bool(change_request(report))
    target = report.target.display
    if report.interrupted:
        if unusable:
            return Assessment(
                Verdict.BLOCKED,
                f"A transfer to {target} will not work from here: {blockers} "
                "(the check was interrupted; other results are missing).",
                "send this report to whom the blockers name, or run the check again to completion",
                ordered,
            )
        return Assessment(
            Verdict.CANNOT_TELL,
            "The check was interrupted before every probe finished.",
            "run the check again and let it finish",
            ordered,
            "run the check again without interrupting it",
        )
    problems = unusable + undecided
    if usable and problems and all(Family.of(a) is Family.IPV6 for a in problems):
        if any(Family.of(a) is Family.IPV4 for a in usable):
            # ascp uses IPv4 unless given -6, so an IPv6-only problem does not stop the transfer: a warning.
            softened = [
                replace(f, severity=Severity.WARNING) if f.severity is Severity.BLOCKER and f.address in problems else f
                for f in ordered
            ]
            ipv4 = [a for a in usable if Family.of(a) is Family.IPV4]
            # 'does not work' only where that is proven; an IPv6 address that could not be told is just that.
            ipv6_state = "does not work" if all(a in unusable for a in problems) else "could not be confirmed"
            if all(a in proven for a in ipv4):
                return Assessment(
                    Verdict.READY,
                    f"The IPv4 path to {target} works; its IPv6 address {ipv6_state} (ascp uses IPv4 unless given -6).",
                    "start the transfer without -6; report the IPv6 warning to whom it names",
                    by_severity(softened),
                )
            return Assessment(
                Verdict.UNCONFIRMED,
                f"The IPv4 path to {target} looks usable but is not proven end to end; its IPv6 address "
                f"{ipv6_state} (ascp uses IPv4 unless given -6).",
                "run the capped test transfer to confirm; report the IPv6 warning to whom it names",
                by_severity(softened),
                _settle(ordered),
            )
    if usable and not problems:
        if not probable:
            # Proven, and so is a black hole for full-size packets where there is one: the transfer works with
            # -Z, so the headline says so instead of contradicting its own 'the transfer stalls' warning (a
            # held-out review: READY above a proven MTU black hole).
            holes = sorted(
                {p.max_fasp_datagram_bytes for p in paths_of(report) if p.needs_z and p.max_fasp_datagram_bytes}
            )
            if holes:
                return Assessment(
                    Verdict.READY,
                    f"SSH control (TCP) and FASP data (UDP) reach {target} on every address, but full-size packets "
                    f"vanish on the way: ascp needs -Z {holes[0]} or the transfer stalls.",
                    f"start the transfer with -Z {holes[0]} (the suggested command carries it); ask the network "
                    "team to let ICMP fragmentation-needed come back (see the MTU warning)",
                    ordered,
                )
            return Assessment(
                Verdict.READY,
                f"SSH control (TCP) and FASP data (UDP) reach {target} on every address.",
                "start the transfer; keep this report with the job",
                ordered,
            )
        return Assessment(
            Verdict.UNCONFIRMED,
            f"Everything that can be seen toward {target} works, but not all of it is proven: see the "
            "unconfirmed findings.",
            "run the capped test transfer (or the responder) to confirm; "
            + (
                "the warnings name what the network team should look at"
                if any(f.audience is Audience.CLIENT_NETWORK for f in ordered)
                else "no firewall change is needed on this evidence"
            ),
            ordered,
        )
    if usable and unusable and only_ipv6_works(report):
        return Assessment(
            Verdict.DEGRADED,
            f"Only the IPv6 address of {target} is reachable ({', '.join(usable)}); ascp uses IPv4 unless given -6, "
            "so a plain ascp command fails here.",
            "start the transfer with -6 (the suggested command carries it); ask whom the blockers name to open IPv4",
            ordered,
        )
    if usable and unusable:
        return Assessment(
            Verdict.DEGRADED,
            f"Only some addresses of {target} are reachable "
            f"({', '.join(usable)}); a transfer may fail when DNS hands out another one.",
            "ask whom the blockers name to open the blocked addresses, or pin the working address",
            ordered,
        )
    if usable:
        if all(Family.of(a) is Family.IPV6 for a in usable) and any(Family.of(a) is Family.IPV4 for a in problems):
            # ascp uses IPv4 unless given -6: with IPv4 unknown (a black hole: silence, no ICMP) a plain ascp
            # command may well hang there (a review: 'some addresses look usable', beside a DEGRADED '-6' for the
            # same outage when the router said net-unreachable).
            return Assessment(
                Verdict.UNCONFIRMED,
                f"Only the IPv6 address of {target} is shown to work ({', '.join(usable)}); its IPv4 address could "
                "not be told, and ascp uses IPv4 unless given -6.",
                "start the transfer with -6, or run the capped test transfer to see whether IPv4 works",
                ordered,
            )
        return Assessment(
            Verdict.UNCONFIRMED,
            f"Some addresses of {target} look usable ({', '.join(usable)}); others could not be told.",
            "run the capped test transfer to confirm, or pin a working address",
            ordered,
        )
    if unusable:
        return Assessment(
            Verdict.BLOCKED,
            f"A transfer to {target} will not work from here: {blockers}.",
            "send this report to whom each blocker names"
            + (" (the change request is for your network team)" if to_network else ""),
            ordered,
        )
    return Assessment(
        Verdict.CANNOT_TELL,
        f"aspdiag could not show whether a transfer to {target} works: the evidence does not settle it.",
        "see the unconfirmed findings below and what would settle them",
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
    # The checklist reads the change request: it says whether the network team has something to do.
    judged = replace(judged, environment=environment, change_request=change_request(judged, report.settings.rule_days))
    return replace(
        judged, recommendations=Recommendations(ascp_command(judged, report.settings.ascp_user), checklist(judged))
    )
