"""JSON renderer: an explicit, versioned view of the Report (not ``asdict`` of internal classes)."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from aspdiag.advice import RuleRequest, ascp_command, change_request, checklist, z_advice
from aspdiag.model import (
    DnsResult,
    Family,
    HopRef,
    IcmpError,
    PathResult,
    PortResult,
    ProbeAnswer,
    Report,
    RouteResult,
)


def _dns(dns: DnsResult | None) -> dict[str, Any] | None:
    if dns is None:
        return None
    return {
        "name": dns.name,
        "outcome": dns.outcome.value,
        "addresses": list(dns.addresses),
        "ipv4": [a for q in dns.queries if q.rdtype == "A" for a in q.addresses],
        "ipv6": [a for q in dns.queries if q.rdtype == "AAAA" for a in q.addresses],
        "cname_chain": list(dns.cname_chain),
        "answered_by": dns.nameserver,
        "configured_resolvers": list(dns.configured_resolvers),
        "lookup_ms": dns.lookup_ms,
        "detail": dns.detail,
        "started_utc": dns.started_utc,
        "queries": [
            {
                "rdtype": q.rdtype,
                "outcome": q.outcome.value,
                "addresses": list(q.addresses),
                "cname_chain": list(q.cname_chain),
                "answered_by": q.nameserver,
                "lookup_ms": q.lookup_ms,
                "detail": q.detail,
            }
            for q in dns.queries
        ],
    }


def _route(route: RouteResult | None) -> dict[str, Any] | None:
    if route is None:
        return None
    return {
        "outcome": route.outcome.value,
        "source_address": route.source_address,
        "interface": route.interface,
        "gateway": route.gateway,
        "interface_mtu_bytes": route.interface_mtu_bytes,
        "route_mtu_bytes": route.route_mtu_bytes,
        "source_prefix_len": route.source_prefix_len,
        "source_subnet": route.source_subnet,
        "detail": route.detail,
    }


def _icmp(icmp: IcmpError | None) -> dict[str, Any] | None:
    if icmp is None:
        return None
    return {"type": icmp.type, "code": icmp.code, "name": icmp.name, "offender": icmp.offender, "info": icmp.info}


def _hop(hop: HopRef | None) -> dict[str, Any] | None:
    return None if hop is None else {"hop": hop.hop, "address": hop.address}


def _answer(answer: ProbeAnswer) -> dict[str, Any]:
    return {
        "ttl": answer.ttl,
        "answer": answer.kind.value,
        "responder": answer.responder,
        "icmp": _icmp(answer.icmp),
        "reply_ttl": answer.reply_ttl,
        "reply_hops": answer.reply_hops,
        "rtt_ms": answer.rtt_ms,
        "sent_utc": answer.sent_utc,
    }


def _reachability(port: PortResult) -> dict[str, Any]:
    answer = port.answer
    return {
        "address": port.address,
        "family": Family.of(port.address).value,
        "protocol": port.protocol.value,
        "port": port.port,
        "state": port.state.value,
        "path_open": port.path_open,
        "method": port.method,
        "hops_to_target": port.hops_to_target,
        "last_responding_hop": _hop(port.last_responding_hop),
        "blocked_at": _hop(port.blocked_at),
        "location": port.location,
        "icmp": _icmp(port.icmp),
        "detail": port.detail,
        "banner": None if port.banner is None else {"kind": port.banner.kind.value, "text": port.banner.text},
        "evidence": {
            "probes_sent": port.probes_sent,
            "probes_answered": port.probes_answered,
            "rtt_ms": port.rtt_ms,
            "rtts_ms": list(port.rtts_ms),
            "offender": answer.responder if answer else None,
            "reply_ttl": answer.reply_ttl if answer else None,
            "reply_hops": answer.reply_hops if answer else None,
            "started_utc": port.started_utc,
            "rate_limit_suspected": port.rate_limit_suspected,
            "probes": [_answer(a) for a in port.probes],
            "trace": [_answer(a) for a in port.trace],
        },
    }


def _rule(row: RuleRequest) -> dict[str, Any]:
    return {
        "source_address": row.source_address,
        "source_subnet": row.source_subnet,
        "nat_note": row.nat_note,
        "destination_name": row.destination_name,
        "destination_address": row.destination_address,
        "protocol": row.protocol.value,
        "ports": row.ports,
        "direction": row.direction,
        "action": row.action,
        "justification": row.justification,
        "expires": row.expires,
        "evidence": row.evidence,
        "needed": row.needed,
    }


def _ascp(report: Report) -> dict[str, Any]:
    return {
        "installations": [
            {
                "path": inst.path,
                "origin": inst.origin,
                "used": index == 0,
                "product": inst.version.product if inst.version else None,
                "product_version": inst.version.product_version if inst.version else None,
                "build": inst.version.build if inst.version else None,
                "ascp_version": inst.version.ascp_version if inst.version else None,
                "git_hash": inst.version.git_hash if inst.version else None,
                "operating_system": inst.version.operating_system if inst.version else None,
                "license_max_rate": inst.version.license_max_rate if inst.version else None,
                "fips": inst.version.fips if inst.version else None,
                "aes_ni": inst.version.aes_ni if inst.version else None,
                "version_error": inst.version_error,
                "key_files": list(inst.key_files),
                "warnings": list(inst.warnings),
            }
            for index, inst in enumerate(report.ascp)
        ]
    }


def _transfer(report: Report) -> dict[str, Any] | None:
    t = report.transfer
    if t is None:
        return None
    from aspdiag.ascp.diagnose import diagnose

    return {
        "outcome": t.outcome.value,
        "direction": t.direction.value,
        "command": t.command,
        "target_rate_mbps": t.target_rate_mbps,
        "rate_mbps": t.rate_mbps,
        "reported_rate_mbps": t.reported_rate_mbps,
        "bytes": t.bytes,
        "duration_s": t.duration_s,
        "time_limit_s": t.time_limit_s,
        "ssh_port": t.ssh_port,
        "udp_port": t.udp_port,
        "ipv6": t.ipv6,
        "exit_status": t.exit_status,
        "error": {
            "code": t.error_code,
            "message": t.error_message,
            "meaning": t.error_meaning,
            "retryable": t.retryable,
            "check": t.check,
        },
        "diagnosis": diagnose(t, report.ports, report.settings.udp_ports[0] if report.settings.udp_ports else None),
        "loss_pct": t.loss_pct,
        "rtt_ms": t.rtt_ms,
        "log_sessions": t.log_sessions,
        "last_progress": t.last_progress,
        "stderr_tail": t.stderr_tail,
    }


def _path(p: PathResult) -> dict[str, Any]:
    data = asdict(p)
    data["z_advice"] = z_advice(p)
    return data


def _estimate(report: Report) -> dict[str, Any] | None:
    return asdict(report.estimate) if report.estimate is not None else None


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON view of a report (schema ``schema_version``)."""
    assessment = report.assessment
    settings = report.settings
    env = report.environment
    return {
        "schema_version": report.schema_version,
        "tool": {"name": "aspdiag", "version": report.tool_version},
        "target": {
            "input": report.target.raw,
            "host": report.target.host,
            "is_literal": report.target.is_literal,
        },
        "verdict": {
            "verdict": assessment.verdict.value,
            "summary": assessment.summary,
            "next_step": assessment.next_step,
            "findings": [
                {
                    "severity": f.severity.value,
                    "title": f.title,
                    "detail": f.detail,
                    "action": f.action,
                }
                for f in assessment.findings
            ],
        },
        "run": {
            "started_utc": report.started_utc,
            "finished_utc": report.finished_utc,
            "interrupted": report.interrupted,
            "command": settings.command,
            "settings": {
                "tcp_ports": list(settings.tcp_ports),
                "udp_ports": list(settings.udp_ports),
                "timeout_s": settings.timeout_s,
                "dns_timeout_s": settings.dns_timeout_s,
                "dns_servers": list(settings.dns_servers),
                "method": settings.method,
                "max_hops": settings.max_hops,
                "rule_days": settings.rule_days,
                "ascp_user": settings.ascp_user,
                "preset": settings.preset,
                "preset_key_files": list(settings.preset_key_files),
            },
        },
        "environment": {
            "hostname": env.hostname,
            "os": env.os,
            "python": env.python,
            "uid": env.uid,
            "privileged": env.privileged,
            "sources": [
                {"address": address, "interface": interface}
                for address, interface in sorted(
                    {(r.source_address, r.interface or "") for r in report.routes if r.source_address is not None}
                )
            ],
            "resolver": report.dns.nameserver if report.dns else None,
            "ascp_installations": [inst.path for inst in report.ascp] or None,
        },
        "dns": _dns(report.dns),
        "addresses": [
            {"address": address, "family": Family.of(address).value, "route": _route(report.route_for(address))}
            for address in report.addresses
        ],
        "reachability": [_reachability(p) for address in report.addresses for p in report.ports_for(address)],
        "change_request": [_rule(row) for row in change_request(report, settings.rule_days)],
        "recommendations": {
            "ascp_command": ascp_command(report, settings.ascp_user),
            "checklist": [
                {"item": item.item, "status": item.status.value, "note": item.note} for item in checklist(report)
            ],
        },
        "ascp": _ascp(report),
        "transfer": _transfer(report),
        "path": [_path(p) for p in report.paths] or None,
        "capacity": [asdict(c) for c in report.capacities] or None,
        "responder": [asdict(r) for r in report.responders] or None,
        "estimate": _estimate(report),
        "failures": [{"probe": f.key, "reason": f.reason} for f in report.failures],
    }


def render_json(report: Report) -> str:
    """Pretty, stable JSON with a trailing newline."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
