"""``--redact``: replace internal addresses and names with stable tokens before anything is rendered.

Internal means everything that describes the sender's side: the client's host name and addresses, its
subnet, gateways, resolvers, and every router on the path. The target's name and addresses stay (the
reader needs them). The same value always becomes the same token, in every format, because redaction
happens once, on the Report model.
"""

from __future__ import annotations

import dataclasses
import ipaddress
import re
from enum import Enum
from typing import Any

from aspdiag.model import Report


def _internal_values(report: Report) -> tuple[list[str], list[str]]:
    """(addresses, names) to hide."""
    targets = set(report.addresses) | {report.target.host}
    addresses: list[str] = []
    for route in report.routes:
        addresses += [a for a in (route.source_address, route.gateway) if a]
    if report.dns is not None:
        addresses += [ns.split("@")[0] for ns in report.dns.configured_resolvers]
        addresses += [q.nameserver.split("@")[0] for q in report.dns.queries if q.nameserver]
    addresses += [
        s.rsplit(":", 1)[0].strip("[]") if s.count(":") == 1 or s.startswith("[") else s
        for s in report.settings.dns_servers
    ]
    for port in report.ports:
        for answer in (*port.probes, *port.trace):
            for value in (answer.responder, answer.icmp.offender if answer.icmp else None):
                if value:
                    addresses.append(value)
        for hop in (port.last_responding_hop, port.blocked_at):
            if hop is not None and hop.address:
                addresses.append(hop.address)
    seen: dict[str, None] = {}
    for address in addresses:
        try:
            canonical = str(ipaddress.ip_address(address))
        except ValueError:
            continue
        if canonical not in targets:
            seen.setdefault(canonical, None)
    names = [report.environment.hostname] if report.environment.hostname not in targets else []
    return list(seen), names


def redaction_map(report: Report) -> dict[str, str]:
    """Original value -> token (``ip-1``, ``ip-2``, ..., ``host-1``)."""
    addresses, names = _internal_values(report)
    mapping = {address: f"ip-{i}" for i, address in enumerate(addresses, start=1)}
    mapping.update({name: f"host-{i}" for i, name in enumerate(names, start=1) if name})
    # Subnets derived from a client address ("198.18.1.0/24") would reveal it: replace their network part too.
    for route in report.routes:
        subnet = route.source_subnet
        if subnet and route.source_address in mapping:
            mapping[subnet.split("/")[0]] = f"{mapping[route.source_address]}-net"
    return mapping


def _pattern(mapping: dict[str, str]) -> re.Pattern[str] | None:
    if not mapping:
        return None
    # Longest first, and never inside a longer address or name.
    keys = sorted(mapping, key=len, reverse=True)
    return re.compile(r"(?<![0-9A-Za-z:.\-])(" + "|".join(re.escape(k) for k in keys) + r")(?![0-9A-Za-z:\-]|\.\d)")


def _scrub(value: Any, pattern: re.Pattern[str], mapping: dict[str, str]) -> Any:
    if isinstance(value, Enum):  # StrEnum members are str too: keep them as they are
        return value
    if isinstance(value, str):
        return pattern.sub(lambda m: mapping[m.group(1)], value)
    if isinstance(value, tuple):
        return tuple(_scrub(v, pattern, mapping) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name), pattern, mapping) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def redact(report: Report) -> Report:
    """The same report with every internal address and name replaced by its token."""
    mapping = redaction_map(report)
    pattern = _pattern(mapping)
    if pattern is None:
        return report
    redacted: Report = _scrub(report, pattern, mapping)
    return redacted
