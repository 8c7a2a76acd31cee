"""Read a saved JSON report back into the Report model (for ``aspdiag report render`` and ``merge``).

Every problem with the file is a ReportFileError: one line, exit 2.
"""

from __future__ import annotations

import ipaddress
import json
import math
from pathlib import Path
from typing import Any

from aspdiag.errors import ConfigError
from aspdiag.model import (
    SCHEMA_VERSION,
    AnswerKind,
    Banner,
    BannerKind,
    CapacityResult,
    CheckSettings,
    DnsOutcome,
    DnsQuery,
    DnsResult,
    Environment,
    Family,
    HopRef,
    IcmpError,
    PathResult,
    PortResult,
    PortState,
    ProbeAnswer,
    ProbeFailure,
    Protocol,
    Report,
    ResponderResult,
    RouteOutcome,
    RouteResult,
    Target,
    TransferEstimate,
)

MAX_REPORT_BYTES = 64 * 1024 * 1024


class ReportFileError(ConfigError):
    """A file that is not a readable aspdiag JSON report of this schema version."""

    default_hint = "give a JSON report written by aspdiag check (reports/*.json)"


def load_report(path: Path) -> Report:
    """Load and check one saved report."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_REPORT_BYTES:
            raise ReportFileError(f"{name} is larger than {MAX_REPORT_BYTES // 2**20} MB: not an aspdiag report")
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportFileError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise ReportFileError(f"{name} is a directory") from None
    except UnicodeDecodeError:
        raise ReportFileError(f"{name} is not UTF-8 text: not an aspdiag JSON report") from None
    except OSError as exc:
        raise ReportFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    return report_from_dict(data, name)


def report_from_dict(data: Any, name: str = "the report") -> Report:
    """Rebuild a Report from its JSON view; ReportFileError when it is not one."""
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "aspdiag":
        raise ReportFileError(f"{name} is not an aspdiag report (no tool.name 'aspdiag')")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        raise ReportFileError(
            f"{name} has report schema version {version!r}; this aspdiag reads version {SCHEMA_VERSION}",
            "re-run the check with this version of aspdiag, or use the aspdiag version that wrote it",
        )
    try:
        _check_values(data)
        return _report(data)
    except (KeyError, TypeError, ValueError, AttributeError, StopIteration, OverflowError, IndexError) as exc:
        raise ReportFileError(f"{name} is not a complete aspdiag report ({type(exc).__name__}: {exc})") from None


_BYTE_KEYS = {"ttl", "hop", "reply_ttl", "reply_hops", "hops_to_target"}
_PORT_KEYS = {"port", "tcp_port", "udp_port", "ssh_port"}


def _check_values(value: Any, key: str = "", parent: str = "") -> None:
    """Ranges and kinds the renderers rely on: TTLs and hops 0-255, ports 1-65535, target addresses that are
    IP addresses, finite numbers. Raises ValueError with the offending key."""
    if isinstance(value, dict):
        for child_key, child in value.items():
            _check_values(child, str(child_key), key)
        return
    if isinstance(value, list):
        for item in value[:100_000]:
            _check_values(item, key, parent)
        return
    if value is None:
        return
    if key in _BYTE_KEYS and not (isinstance(value, int) and 0 <= value <= 255):
        raise ValueError(f"{key}={value!r} is not a hop count or TTL (0-255)")
    if key in _PORT_KEYS and not (isinstance(value, int) and 1 <= value <= 65535):
        raise ValueError(f"{key}={value!r} is not a port")
    if key in ("tcp_ports", "udp_ports") and not (isinstance(value, int) and 1 <= value <= 65535):
        raise ValueError(f"{key} holds {value!r}, not a port")
    if key == "address" and parent in ("addresses", "reachability", ""):
        ipaddress.ip_address(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{key}={value!r} is not a finite number")
    if key.endswith(("_ms", "_s", "_mbps", "_bytes", "_pct", "_days")) and not isinstance(value, (int, float)):
        raise ValueError(f"{key}={value!r} is not a number")
    if key.endswith("_days") and not 0 < value <= 3650:
        raise ValueError(f"{key}={value!r} is out of range")


def _icmp(data: Any, family: Family) -> IcmpError | None:
    if data is None:
        return None
    return IcmpError(family, int(data["type"]), int(data["code"]), data.get("offender"), int(data.get("info", 0)))


def _hop(data: Any) -> HopRef | None:
    return None if data is None else HopRef(int(data["hop"]), data.get("address"))


def _answer(data: Any, family: Family) -> ProbeAnswer:
    return ProbeAnswer(
        ttl=int(data["ttl"]),
        kind=AnswerKind(data["answer"]),
        responder=data.get("responder"),
        icmp=_icmp(data.get("icmp"), family),
        reply_ttl=data.get("reply_ttl"),
        rtt_ms=data.get("rtt_ms"),
        sent_utc=data.get("sent_utc", ""),
    )


def _port(data: Any) -> PortResult:
    family = Family(data["family"])
    evidence = data["evidence"]
    banner = data.get("banner")
    return PortResult(
        address=data["address"],
        protocol=Protocol(data["protocol"]),
        port=int(data["port"]),
        state=PortState(data["state"]),
        method=data["method"],
        probes=tuple(_answer(a, family) for a in evidence["probes"]),
        trace=tuple(_answer(a, family) for a in evidence["trace"]),
        hops_to_target=data.get("hops_to_target"),
        last_responding_hop=_hop(data.get("last_responding_hop")),
        blocked_at=_hop(data.get("blocked_at")),
        location=data.get("location", ""),
        detail=data.get("detail", ""),
        banner=None if banner is None else Banner(BannerKind(banner["kind"]), banner.get("text", "")),
        rate_limit_suspected=bool(evidence.get("rate_limit_suspected", False)),
        started_utc=evidence.get("started_utc", ""),
    )


def _route(address: str, data: Any) -> RouteResult:
    return RouteResult(
        address=address,
        outcome=RouteOutcome(data["outcome"]),
        source_address=data.get("source_address"),
        interface=data.get("interface"),
        gateway=data.get("gateway"),
        interface_mtu_bytes=data.get("interface_mtu_bytes"),
        route_mtu_bytes=data.get("route_mtu_bytes"),
        source_prefix_len=data.get("source_prefix_len"),
        detail=data.get("detail", ""),
    )


def _dns(data: Any) -> DnsResult | None:
    if data is None:
        return None
    return DnsResult(
        name=data["name"],
        queries=tuple(
            DnsQuery(
                q["rdtype"],
                DnsOutcome(q["outcome"]),
                tuple(q["addresses"]),
                tuple(q["cname_chain"]),
                q.get("answered_by"),
                float(q.get("lookup_ms", 0.0)),
                q.get("detail", ""),
            )
            for q in data["queries"]
        ),
        configured_resolvers=tuple(data.get("configured_resolvers", [])),
        lookup_ms=float(data.get("lookup_ms", 0.0)),
        started_utc=data.get("started_utc", ""),
        literal=data["outcome"] == DnsOutcome.LITERAL.value,
    )


def _installations(data: Any) -> tuple[Any, ...]:
    from aspdiag.ascp.find import AscpInstallation
    from aspdiag.ascp.parse import AscpVersion

    out = []
    for item in (data or {}).get("installations", []):
        version = AscpVersion(
            product=item.get("product"),
            product_version=item.get("product_version"),
            build=item.get("build"),
            ascp_version=item.get("ascp_version"),
            git_hash=item.get("git_hash"),
            operating_system=item.get("operating_system"),
            license_max_rate=item.get("license_max_rate"),
            fips=item.get("fips"),
            aes_ni=item.get("aes_ni"),
        )
        out.append(
            AscpInstallation(
                item["path"],
                item["origin"],
                version,
                item.get("version_error", ""),
                tuple(item.get("key_files", [])),
                tuple(item.get("warnings", [])),
            )
        )
    return tuple(out)


def _transfer(data: Any) -> Any:
    if data is None:
        return None
    from aspdiag.ascp.transfer import Direction, TransferOutcome, TransferResult

    error = data.get("error", {})
    return TransferResult(
        outcome=TransferOutcome(data["outcome"]),
        direction=Direction(data["direction"]),
        command=data["command"],
        target_rate_mbps=float(data["target_rate_mbps"]),
        time_limit_s=float(data["time_limit_s"]),
        exit_status=data.get("exit_status"),
        bytes=int(data.get("bytes", 0)),
        duration_s=float(data["duration_s"]),
        error_code=error.get("code"),
        error_message=error.get("message", ""),
        error_meaning=error.get("meaning", ""),
        retryable=error.get("retryable"),
        check=error.get("check", ""),
        reported_rate_mbps=data.get("reported_rate_mbps"),
        last_progress=data.get("last_progress", ""),
        log_sessions=int(data.get("log_sessions", 0)),
        loss_pct=data.get("loss_pct"),
        rtt_ms=data.get("rtt_ms"),
        ssh_port=data.get("ssh_port"),
        udp_port=data.get("udp_port"),
        ipv6=bool(data.get("ipv6", False)),
        stderr_tail=data.get("stderr_tail", ""),
    )


def _report(data: Any) -> Report:
    run = data["run"]
    settings = run["settings"]
    env = data["environment"]
    target = data["target"]
    return Report(
        tool_version=data["tool"]["version"],
        target=Target(target["input"], target["host"], bool(target["is_literal"])),
        settings=CheckSettings(
            tcp_ports=tuple(settings["tcp_ports"]),
            udp_ports=tuple(settings["udp_ports"]),
            timeout_s=float(settings["timeout_s"]),
            dns_timeout_s=float(settings["dns_timeout_s"]),
            dns_servers=tuple(settings.get("dns_servers", [])),
            command=run.get("command", ""),
            method=settings.get("method", "socket"),
            max_hops=int(settings.get("max_hops", 16)),
            rule_days=int(settings.get("rule_days", 30)),
            ascp_user=settings.get("ascp_user"),
            preset=settings.get("preset"),
            preset_key_files=tuple(settings.get("preset_key_files", [])),
        ),
        environment=Environment(env["hostname"], env["os"], env["python"], int(env["uid"]), bool(env["privileged"])),
        started_utc=run["started_utc"],
        finished_utc=run["finished_utc"],
        dns=_dns(data.get("dns")),
        routes=tuple(_route(a["address"], a["route"]) for a in data["addresses"] if a.get("route") is not None),
        ports=tuple(_port(p) for p in data["reachability"]),
        failures=tuple(ProbeFailure(f["probe"], f["reason"]) for f in data.get("failures", [])),
        interrupted=bool(run.get("interrupted", False)),
        ascp=_installations(data.get("ascp")),
        transfer=_transfer(data.get("transfer")),
        paths=tuple(_flat(PathResult, p) for p in data.get("path") or ()),
        estimate=_flat(TransferEstimate, data["estimate"]) if data.get("estimate") else None,
        capacities=tuple(_flat(CapacityResult, c) for c in data.get("capacity") or ()),
        responders=tuple(_flat(ResponderResult, r) for r in data.get("responder") or ()),
    )


def _flat(cls: Any, data: Any) -> Any:
    """A flat result dataclass from its JSON object (extra keys, such as derived advice, are ignored)."""
    from dataclasses import fields

    return cls(**{f.name: data[f.name] for f in fields(cls)})
