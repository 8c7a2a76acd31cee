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

from aspdiag.core.model import Report
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.measurements.route import routes_of


def _internal_values(report: Report) -> tuple[list[str], list[str]]:
    """(addresses, names) to hide: what every measurement calls the client's side, and the resolvers given."""
    targets = set(report.addresses) | {report.target.host}
    # The client's own addresses first: they get the lowest tokens (ip-1 is "this machine").
    addresses: list[str] = [s.address for s in report.environment.sources]
    for measurement in MEASUREMENTS:
        addresses += measurement.internal_addresses(report.section(measurement.key, measurement.empty))
    addresses += [
        s.rsplit(":", 1)[0].strip("[]") if s.count(":") == 1 or s.startswith("[") else s
        for s in report.settings.dns_servers
    ]
    if report.environment.resolver:
        addresses.append(report.environment.resolver.split("@")[0])
    seen: dict[str, None] = {}
    for address in addresses:
        canonical = _canonical(address)
        if canonical is None:
            continue
        if canonical not in targets:
            seen.setdefault(canonical, None)
    names = [report.environment.hostname] if report.environment.hostname not in targets else []
    return list(seen), names


def redaction_map(*reports: Report) -> dict[str, str]:
    """Original value -> token (``ip-1``, ``ip-2``, ..., ``host-1``), one map over every report given (so a
    merged report keeps one token per value)."""
    addresses: dict[str, None] = {}
    names: dict[str, None] = {}
    for report in reports:
        found_addresses, found_names = _internal_values(report)
        addresses.update(dict.fromkeys(found_addresses))
        names.update(dict.fromkeys(n for n in found_names if n))
    mapping = {address: f"ip-{i}" for i, address in enumerate(addresses, start=1)}
    mapping.update({name: f"host-{i}" for i, name in enumerate(names, start=1)})
    for report in reports:
        # Subnets derived from a client address ("198.18.1.0/24") would reveal it: map their network too.
        for route in routes_of(report):
            subnet = route.source_subnet
            if subnet and route.source_address in mapping:
                mapping.setdefault(
                    str(ipaddress.ip_network(subnet).network_address), f"{mapping[route.source_address]}-net"
                )
    return mapping


_IPV4 = r"\d{1,3}(?:\.\d{1,3}){3}"
_ADDRESS = re.compile(
    r"(?<![0-9A-Za-z_.:])("
    r"(?:[0-9A-Fa-f]{0,4}:){2,7}(?:" + _IPV4 + r"|[0-9A-Fa-f]{0,4})(?:%[\w.-]+)?"
    r"|" + _IPV4 + r")(?![0-9A-Za-z_]|\.\d)"
)
_HOME = re.compile(r"(/home|/Users)/[^/\s\"']+/")


def _canonical(text: str) -> str | None:
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    return str(address)


def _redact_text(text: str, mapping: dict[str, str], names: re.Pattern[str] | None) -> str:
    def address(match: re.Match[str]) -> str:
        canonical = _canonical(match.group(1))
        return mapping.get(canonical, match.group(1)) if canonical else match.group(1)

    text = _ADDRESS.sub(address, text)
    text = _HOME.sub(lambda m: f"{m.group(1)}/<user>/", text)
    if names is not None:
        text = names.sub(lambda m: mapping[m.group(1)], text)
    return text


def _name_pattern(mapping: dict[str, str]) -> re.Pattern[str] | None:
    names = [k for k, v in mapping.items() if v.startswith("host-")]
    if not names:
        return None
    # Whole names only: never a label inside a longer name (the target's FQDN stays as it is).
    alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return re.compile(r"(?<![0-9A-Za-z.\-])(" + alternatives + r")(?![0-9A-Za-z\-]|\.[0-9A-Za-z])")


def _scrub(value: Any, mapping: dict[str, str], names: re.Pattern[str] | None) -> Any:
    if isinstance(value, Enum):  # StrEnum members are str too: keep them as they are
        return value
    if isinstance(value, str):
        return _redact_text(value, mapping, names)
    if isinstance(value, tuple):
        return tuple(_scrub(v, mapping, names) for v in value)
    if isinstance(value, dict):
        return {k: _scrub(v, mapping, names) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {f.name: _scrub(getattr(value, f.name), mapping, names) for f in dataclasses.fields(value)}
        return dataclasses.replace(value, **changes)
    return value


def redact(report: Report, mapping: dict[str, str] | None = None) -> Report:
    """The same report with every internal address and name replaced by its token."""
    mapping = mapping if mapping is not None else redaction_map(report)
    redacted: Report = _scrub(report, mapping, _name_pattern(mapping))
    return redacted


def redact_all(reports: list[Report]) -> list[Report]:
    """Several reports redacted with one shared map (merge)."""
    mapping = redaction_map(*reports)
    return [redact(r, mapping) for r in reports]
