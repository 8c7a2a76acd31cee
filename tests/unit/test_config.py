"""Validation of host names, literals, ports and resolver addresses."""

import pytest

from aspdiag.core.config import split_nameserver, validate_host, validate_port, validate_ports
from aspdiag.core.errors import ConfigError


@pytest.mark.parametrize(
    ("raw", "host", "literal"),
    [
        ("fasp.sra.ebi.ac.uk", "fasp.sra.ebi.ac.uk", False),
        ("FASP.Example.ORG.", "fasp.example.org", False),
        ("198.18.3.2", "198.18.3.2", True),
        ("2001:db8:3::2", "2001:db8:3::2", True),
        ("[2001:db8:3::2]", "2001:db8:3::2", True),
        ("2001:DB8:3:0::2", "2001:db8:3::2", True),
        ("bücher.example", "xn--bcher-kva.example", False),
        ("xn--bcher-kva.example", "xn--bcher-kva.example", False),
        ("a" * 63 + ".example", "a" * 63 + ".example", False),
    ],
)
def test_valid_hosts(raw, host, literal):
    target = validate_host(raw)
    assert (target.host, target.is_literal) == (host, literal)


def test_idn_display_keeps_unicode():
    assert validate_host("bücher.example").display == "bücher.example"


@pytest.mark.parametrize(
    ("raw", "needle"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("fasp example.org", "space"),
        ("host;rm -rf /", "';'"),
        ("$(reboot)", "'$'"),
        ("a|b", "'|'"),
        ("a`b`", "'`'"),
        ("-fasp.example.org", "starts with '-'"),
        ("a" * 254, "at most 253"),
        ("a" * 64 + ".example", "at most 63"),
        ("xn--a.example", "internationalised"),
        ("☃.example", "internationalised"),
        ("a..b", "empty label"),
        ("-a.b", "starts with '-'"),
        ("a-.b", "invalid label"),
        ("256.1.1.1", "IPv4"),
        ("1.2.3", "IPv4"),
        ("[198.18.0.1]", "IPv6"),
        ("[2001:db8::1", "IPv6"),
        ("host:22", "neither"),
        ("user@host", "'@'"),
        ("https://host/", "'/'"),
    ],
)
def test_invalid_hosts(raw, needle):
    with pytest.raises(ConfigError) as info:
        validate_host(raw)
    assert needle in str(info.value)
    assert info.value.hint


@pytest.mark.parametrize("value", ["0", "65536", "abc", "", "-1", "22.5", "1e3"])
def test_invalid_ports(value):
    with pytest.raises(ConfigError):
        validate_port(value, option="--ssh-port")


def test_ports_repeat_and_commas_deduplicate():
    assert validate_ports(["22,33001", "22", " 2222 "], (1,), option="--ssh-port") == (22, 33001, 2222)
    assert validate_ports(None, (22, 33001), option="--ssh-port") == (22, 33001)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("198.18.0.53", ("198.18.0.53", None)),
        ("198.18.0.53:5353", ("198.18.0.53", 5353)),
        ("[2001:db8::53]:53", ("2001:db8::53", 53)),
        ("2001:db8::53", ("2001:db8::53", None)),
    ],
)
def test_nameserver_forms(value, expected):
    assert split_nameserver(value) == expected


@pytest.mark.parametrize("value", ["dns.example", "198.18.0.53:0", "198.18.0.53:x", "[::1]x"])
def test_bad_nameserver(value):
    with pytest.raises(ConfigError):
        split_nameserver(value)
