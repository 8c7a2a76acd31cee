"""ascp's documented outputs (every sample from the reference notes, recorded in tests/data/ascp) through
the pure parsers; the error table as data."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aspdiag.fasp.errors import describe, error_table
from aspdiag.fasp.parse import parse_errors, parse_log, parse_progress, parse_summary, parse_version

DATA = Path(__file__).resolve().parents[1] / "data" / "ascp"
MANIFEST = json.loads((DATA / "manifest.json").read_text())


def _sample(entry):
    return (DATA / entry["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["kind"] == "version"], ids=lambda e: e["file"])
def test_version_samples(entry):
    version = parse_version(_sample(entry))
    for key, expected in entry["expect"].items():
        assert getattr(version, key) == expected, key


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["kind"] == "progress"], ids=lambda e: e["file"])
def test_progress_samples(entry):
    progress = next(p for line in _sample(entry).splitlines() if (p := parse_progress(line)) is not None)
    expect = dict(entry["expect"])
    assert progress.time_text == expect.pop("eta_text")
    for key, expected in expect.items():
        assert getattr(progress, key) == expected, key


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["kind"] == "summary"], ids=lambda e: e["file"])
def test_summary_samples(entry):
    summary = parse_summary(_sample(entry))
    assert summary is not None
    expect = entry["expect"]
    assert summary.completed is expect["completed"]
    assert f"{summary.bytes // 1024}K" == expect["bytes_text"]
    assert summary.seconds == expect["seconds"]
    if "rate_text" in expect:
        assert f"{summary.rate_kbps}K bits/sec" == expect["rate_text"]
    if "files_ok" in expect:
        assert summary.files == expect["files_ok"]
    if "files_failed" in expect:
        assert summary.files_failed == expect["files_failed"]


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["kind"] == "error"], ids=lambda e: e["file"])
def test_error_samples(entry):
    errors = parse_errors(_sample(entry), "")
    assert errors, "every error sample holds at least one error line"
    expect = entry["expect"]
    if "message" in expect:
        assert any(e.message == expect["message"] for e in errors)
    if "code" in expect:
        assert any(e.code == expect["code"] for e in errors)


@pytest.mark.parametrize("entry", [e for e in MANIFEST if e["kind"] == "log"], ids=lambda e: e["file"])
def test_log_samples(entry):
    sessions = parse_log(_sample(entry).splitlines())
    expect = entry["expect"]
    if "sessions" in expect:
        assert len(sessions) == expect["sessions"]
    if "errcode" in expect:
        assert sessions[0].errcode == expect["errcode"]
    if "direction" in expect:
        assert sessions[0].op == expect["direction"]
    if "peer" in expect:
        assert sessions[0].peer == expect["peer"]
    if "user" in expect:
        assert sessions[0].user == expect["user"]


def test_streams_and_windows_prefix():
    errors = parse_errors(
        "\r\nSession Stop  (Error: failed to authenticate)\n", "ascp.exe: failed to authenticate, exiting.\n"
    )
    assert [(e.stream, e.code) for e in errors] == [("stderr", 19), ("stdout", 19)]


def test_error_table_is_complete_data():
    table = error_table()
    assert sorted(table) == list(range(67))
    fifteen = describe(15)
    assert fifteen is not None and fifteen.retryable
    nineteen = describe(19)
    assert nineteen is not None and not nineteen.retryable
    assert describe(999) is None and describe(None) is None


@given(st.text(max_size=2000))
def test_parsers_never_crash(text):
    parse_version(text)
    parse_progress(text)
    parse_summary(text)
    parse_errors(text, text)
    parse_log(text.splitlines())


@pytest.mark.parametrize(
    ("text", "product", "version", "build", "ascp"),
    [
        (
            "IBM Aspera Connect version 4.2.13 (820)\nascp version 4.4.3.820 529a938b9",
            "IBM Aspera Connect",
            "4.2.13",
            "820",
            "4.4.3.820",
        ),
        (
            "IBM Aspera Connect version 4.2.19 (956)\nascp version 4.4.7.956",
            "IBM Aspera Connect",
            "4.2.19",
            "956",
            "4.4.7.956",
        ),
        (
            "[root@centos ~]# ascp4 -A\nascp4 version 3.9.1.168954\nOperating System: Linux",
            None,
            None,
            None,
            "3.9.1.168954",
        ),
    ],
)
def test_inline_version_samples(text, product, version, build, ascp):
    parsed = parse_version(text)
    assert (parsed.product, parsed.product_version, parsed.build, parsed.ascp_version) == (
        product,
        version,
        build,
        ascp,
    )


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (
            "Session Stop (Error: Failure processing peer license: Deprecated peer license)",
            "Failure processing peer license: Deprecated peer license",
        ),
        ("ascp: Source file list not specified, exiting", "Source file list not specified"),
        ("ascp.exe: failed to connect to management socket, exiting.", "failed to connect to management socket"),
        (
            "Session Stop  (Error: Session shutdown failed, Tried to write different output after EAGAIN)",
            "Session shutdown failed, Tried to write different output after EAGAIN",
        ),
    ],
)
def test_inline_error_samples(line, message):
    assert [e.message for e in parse_errors(line, "")] == [message]
