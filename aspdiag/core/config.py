"""Validated run configuration: small ``validate_*`` functions that raise ConfigError with a hint."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

import idna

from aspdiag.core.errors import ConfigError
from aspdiag.core.model import SkippedStage, Target

MAX_NAME_LENGTH = 253
MAX_LABEL_LENGTH = 63

MAX_PORT_RANGE = 100
DEFAULT_TCP_PORTS: tuple[int, ...] = (22, 33001)
DEFAULT_UDP_PORTS: tuple[int, ...] = (33001,)

# Anything a shell would interpret, plus characters never valid in a host name or address literal.
_FORBIDDEN = re.compile(r"[\s;|&$`<>'\"\\(){}*?!#~,/@=+^]")
_LABEL = re.compile(r"^[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?$")


def validate_host(raw: str) -> Target:
    """Turn what the user typed into a Target, or raise ConfigError with one line and a hint.

    Accepts a DNS name (ASCII or internationalised), an IPv4 literal, or an IPv6 literal with or
    without brackets (``2001:db8::1``, ``[2001:db8::1]``).
    """
    text = raw
    if text == "" or text.strip() == "":
        raise ConfigError(
            "the host is empty",
            "give a host name or an IP address, e.g. aspdiag check fasp.example.org",
        )
    if text.startswith("-"):
        raise ConfigError(
            f"host {text!r} starts with '-'",
            "a host name cannot start with '-'; options go before or after the host",
        )
    literal = _as_literal(text)
    if literal is not None:
        return Target(raw=raw, host=literal, is_literal=True)
    if text.startswith("[") or text.endswith("]"):
        raise ConfigError(f"{text!r} is not a valid IPv6 literal", "write it as [2001:db8::1] or 2001:db8::1")
    match = _FORBIDDEN.search(text)
    if match:
        char = match.group(0)
        shown = "a space" if char.isspace() else repr(char)
        raise ConfigError(
            f"host {text!r} contains {shown}, which is not allowed in a host name",
            "give only the host name (no user@, port, path or URL), e.g. fasp.example.org",
        )
    if ":" in text:
        raise ConfigError(
            f"{text!r} is neither a host name nor a valid IP address",
            "give ports with --ssh-port/--udp-port, not as host:port; IPv6 literals look like 2001:db8::1",
        )
    name = text[:-1] if text.endswith(".") else text
    if not name.isascii():
        try:
            name = idna.encode(name, uts46=True).decode("ascii")
        except (idna.IDNAError, UnicodeError) as exc:
            raise ConfigError(
                f"host {text!r} is not a valid internationalised domain name ({exc})",
                "check the spelling, or give the ASCII (xn--) form of the name",
            ) from exc
    if len(name) > MAX_NAME_LENGTH:
        raise ConfigError(
            f"host name is {len(name)} characters long; DNS allows at most {MAX_NAME_LENGTH}",
            "check that the whole argument is one host name",
        )
    labels = name.split(".")
    for label in labels:
        if label == "":
            raise ConfigError(f"host {text!r} has an empty label (two dots in a row)", "remove the extra dot")
        if len(label) > MAX_LABEL_LENGTH:
            raise ConfigError(
                f"host {text!r} has a label of {len(label)} characters; DNS allows at most {MAX_LABEL_LENGTH}",
                "check the host name for a missing dot",
            )
        if not _LABEL.match(label):
            raise ConfigError(
                f"host {text!r} has an invalid label {label!r}",
                "labels use letters, digits and inner hyphens only",
            )
        if label.lower().startswith("xn--"):
            try:
                idna.decode(label)
            except (idna.IDNAError, UnicodeError) as exc:
                raise ConfigError(
                    f"host {text!r} has an invalid internationalised label {label!r} ({exc})",
                    "check the xn-- label, or type the name in its Unicode form",
                ) from exc
    if all(label.isdigit() for label in labels):
        raise ConfigError(f"{text!r} is not a valid IPv4 address", "an IPv4 address has four numbers 0-255")
    return Target(raw=raw, host=name.lower(), is_literal=False)


def _as_literal(text: str) -> str | None:
    """The canonical form of an IP literal (brackets removed), or None when it is not one."""
    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    if "%" in inner and not re.fullmatch(r"[0-9A-Fa-f:.]+%[A-Za-z0-9_.-]{1,15}", inner):
        raise ConfigError(
            f"{text!r} has an invalid IPv6 zone (the part after '%')",
            "a zone is an interface name, e.g. fe80::1%eth0",
        )
    try:
        address = ipaddress.ip_address(inner)
    except ValueError:
        return None
    if inner is not text and address.version != 6:
        return None
    return str(address)


def validate_port(value: str | int, *, option: str = "port") -> int:
    """A TCP/UDP port number 1-65535 from user input."""
    text = str(value).strip()
    if not re.fullmatch(r"[0-9]{1,5}", text):  # not str.isdigit(): it accepts '²' and other Unicode digits
        raise ConfigError(
            f"{option} {str(value)!r} is not a port number",
            "ports are whole numbers from 1 to 65535",
        )
    port = int(text)
    if not 1 <= port <= 65535:
        raise ConfigError(f"{option} {port} is out of range", "ports are whole numbers from 1 to 65535")
    return port


def validate_ports(values: list[str] | None, default: tuple[int, ...], *, option: str) -> tuple[int, ...]:
    """Several ports (repeated option or comma-separated), de-duplicated in order; default when none."""
    if not values:
        return default
    ports: dict[int, None] = {}
    for value in values:
        for part in value.split(","):
            low_text, dash, high_text = part.strip().partition("-")
            if dash and not low_text:  # '-5': not an empty port before a dash
                raise ConfigError(
                    f"{option} {part.strip()!r} is not a port number", "ports are whole numbers from 1 to 65535"
                )
            low = validate_port(low_text, option=option)
            high = validate_port(high_text, option=option) if dash else low
            if high < low or high - low >= MAX_PORT_RANGE:
                raise ConfigError(
                    f"{option} range {part.strip()!r} is not valid",
                    f"write a range low-high with at most {MAX_PORT_RANGE} ports, e.g. 33001-33010",
                )
            for port in range(low, high + 1):
                ports.setdefault(port, None)
    return tuple(ports)


def validate_timeout(value: float, *, option: str) -> float:
    """A positive timeout in seconds, at most 120."""
    if not 0 < value <= 120:
        raise ConfigError(
            f"{option} {value} is out of range",
            "give a number of seconds greater than 0 and at most 120",
        )
    return value


MAX_DURATION_S = 86400 * 30
"""The longest interval, stall time or time limit the long-running commands accept: 30 days."""


def validate_range(option: str, value: float, low: float, high: float, *, what: str = "a value") -> float:
    """A number within [low, high]; ``what`` names it in the hint ("seconds", "a value")."""
    if not low <= value <= high:
        # The number as it was given: an integer in full (a review: '--retries 1e+11'), others short.
        shown = str(value) if isinstance(value, int) else f"{value:g}"
        raise ConfigError(f"{option} {shown} is out of range", f"give {what} between {low:g} and {high:.0f}")
    return value


METHODS = ("auto", "raw", "socket")


def validate_method(value: str) -> str:
    """``auto``, ``raw`` or ``socket``."""
    method = value.strip().lower()
    if method not in METHODS:
        raise ConfigError(f"--method {value!r} is not one of {', '.join(METHODS)}", "use --method auto|raw|socket")
    return method


def validate_rule_days(value: int) -> int:
    """Lifetime of a temporary firewall rule, 1-3650 days."""
    if not 1 <= value <= 3650:
        raise ConfigError(f"--rule-days {value} is out of range", "give a number of days from 1 to 3650")
    return value


def validate_max_hops(value: int) -> int:
    """A TTL limit for localisation, 1-64."""
    if not 1 <= value <= 64:
        raise ConfigError(f"--max-hops {value} is out of range", "give a number of hops from 1 to 64")
    return value


def validate_nameserver(value: str) -> str:
    """A resolver address: IPv4 or IPv6 literal, optionally with a port (``198.18.0.1:5353``, ``[::1]:53``)."""
    address, port = split_nameserver(value)
    if port is not None:
        validate_port(port, option="--dns-server port")
    return value


def split_nameserver(value: str) -> tuple[str, int | None]:
    """Split ``addr``, ``addr:port`` or ``[v6]:port`` into address and port; ConfigError when invalid."""
    text = value.strip()
    port: str | None = None
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        if rest.startswith(":"):
            port = rest[1:]
        elif rest:
            host = ""
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host = text
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ConfigError(
            f"--dns-server {value!r} is not an IP address",
            "give the resolver as an address, e.g. 198.18.0.53, 198.18.0.53:5353 or [2001:db8::53]:53",
        ) from None
    return host, (validate_port(port, option="--dns-server port") if port is not None else None)


@dataclass(frozen=True)
class TransferSettings:
    """The capped test transfer the user asked for (validated)."""

    ascp: str
    user: str
    download: bool
    remote_path: str
    rate_mbps: float = 10.0
    time_limit_s: float = 20.0
    max_bytes: int = 64_000_000  # --max-bytes 64MB (decimal, like every size aspdiag writes)
    key_file: str | None = None
    encrypt: bool = True


MAX_SIZE = 10**15
"""1 PB: the largest --dataset-size, --expected or --max-bytes accepted."""


def parse_size(value: str, option: str) -> int:
    """``64MB``, ``2.3TB``, ``500k``, ``1048576`` -> bytes. Decimal, as aspdiag writes sizes (1 MB = 10^6 bytes);
    binary only when the unit says so (``64MiB`` = 64 x 2^20)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:([kKmMgGtT])(i)?)?[bB]?\s*", value)
    if not match:
        raise ConfigError(f"{option} {value!r} is not a size", "write it like 64MB, 2.3TB, 64MiB or 1048576")
    prefix, binary = (match.group(2) or "").upper(), bool(match.group(3))
    power = " KMGT".index(prefix) if prefix else 0
    factor = (1024 if binary else 1000) ** power
    try:
        size = int(float(match.group(1)) * factor)
    except (OverflowError, ValueError):
        raise ConfigError(f"{option} {value!r} is too large", "write it like 64MB or 2.3TB") from None
    if not 0 < size <= MAX_SIZE:
        raise ConfigError(f"{option} {value!r} is out of range", "give more than zero and at most 1 PB")
    return size


@dataclass(frozen=True)
class CheckConfig:
    """Everything ``aspdiag check`` needs, validated."""

    target: Target
    tcp_ports: tuple[int, ...] = DEFAULT_TCP_PORTS
    udp_ports: tuple[int, ...] = DEFAULT_UDP_PORTS
    timeout_s: float = 3.0
    """Per-probe answer timeout."""
    dns_timeout_s: float = 5.0
    dns_servers: tuple[str, ...] = ()
    method: str = "auto"
    """``auto`` (raw when privileged, else socket), ``raw`` or ``socket``."""
    max_hops: int = 16
    rule_days: int = 30
    ascp_user: str | None = None
    preset: str | None = None
    preset_key_files: tuple[str, ...] = ()
    transfer: TransferSettings | None = None
    path: bool = False
    """Measure RTT/jitter/loss and search the path MTU (``--path``)."""
    capacity: bool = False
    """Estimate the path's capacity with paced packet trains (``--capacity``)."""
    bandwidth: bool = False
    """Measure the client-to-server rate through the SSH port (``--bandwidth``)."""
    bandwidth_budget: float = 1.0
    """``--bandwidth-budget``: multiplies the default 8 MB / 3 s budget of the bandwidth stream."""
    responder_port: int | None = None
    """``--responder``: the port of an ``aspdiag responder`` beside the server (None: not used)."""
    responder_key: bytes = field(default=b"", repr=False)
    """The responder's shared key (from a file or the environment; never in a report or a log)."""
    responder_duration_s: float = 2.0
    """Length of each throughput test (up, then down); the responder may grant less."""
    dataset_bytes: int | None = None
    """``--dataset-size``: estimate how long this much data takes."""
    max_rate_mbps: float = 100.0
    """The politeness cap: the rate the estimate assumes at most."""
    ascp_installations: tuple[object, ...] = ()
    """The ascp installations discovery found before the check (the first is used)."""
    ascp_searched: bool = False
    """Whether discovery ran (then an empty ``ascp_installations`` means none was found)."""
    login: str = ""
    """How a transfer would log in (``password``, ``token``, ``key`` or ''): a name, never the secret."""
    skipped: tuple[SkippedStage, ...] = ()
    """Stages of the preflight left out, why, and the option that runs them."""
    command: str = ""
