"""explain's record search: the compiled one (``_records.c``) finds exactly what the regular expressions find
(``scan.records_py``), on every sample of the explain corpus, on the bench's server log and on generated lines
built from the pieces where the two could part (``ascp4``, RFC 5424's structured data, a file's figures given
twice, cut-off uuids, ``LOG``/``DBG`` lines, line ends inside a record)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aspdiag.tools.explain import scan

compiled: Callable[[bytes, bool], list[tuple[Any, ...]]] | None
try:
    from aspdiag.tools.explain._records import records as compiled
except ImportError:  # pragma: no cover - only where no C compiler built it
    compiled = None

DATA = Path(__file__).resolve().parents[1] / "data" / "explain"

needs_compiled = pytest.mark.skipif(compiled is None, reason="the compiled record search was not built here")


def test_ci_builds_the_compiled_search() -> None:
    """In CI (``.ci/run``) the extension must have been built: without it explain is about a third slower."""
    if os.environ.get("ASPDIAG_REQUIRE_COMPILED") == "1":
        assert scan.COMPILED and compiled is not None
    elif compiled is None:
        pytest.skip("the compiled record search was not built here")


@needs_compiled
@pytest.mark.parametrize("path", sorted(p for p in DATA.rglob("*") if p.is_file()), ids=lambda p: p.name)
def test_same_records_on_the_corpus(path: Path) -> None:
    assert compiled is not None
    data = path.read_bytes()
    for file_form in (False, True):
        assert compiled(data, file_form) == scan.records_py(data, file_form)


@needs_compiled
def test_same_records_on_the_bench_server_log() -> None:
    from tests.bench import _mixed_syslog_block

    block = _mixed_syslog_block().replace(b"BLOCKIDX", b"0000000a")  # as the bench writes its first block
    assert compiled is not None
    found = compiled(block, False)
    assert found == scan.records_py(block, False)
    assert {f[0] for f in found} == {1, 8, 10}  # ERR lines, files' ends and session records all met


_UUID = b"11111111-2222-3333-4444-555555555555"
_PIECES = [
    b"ascp",
    b"ascp4",
    b"xascp",
    b"[",
    b" ",
    b"]",
    b"]:",
    b"]: ",
    b"12",
    b"7",
    b"a1-b2",
    b"-",
    b"- ",
    b"host",
    b" [meta x=1] ",
    b"] ",
    b"LOG ",
    b"DBG ",
    b"ERR timed out",
    b"LOG FASP ",
    b"LOG FASP Transfer Stop uuid=",
    b"LOG FASP Session Start ",
    b"Session Stop ",
    b"Session Statistics ",
    b"Transfer Stop ",
    b"uuid=",
    b"[Sender] id=",
    _UUID,
    _UUID[:35],
    b" op=send",
    b" status=success ",
    b"status=",
    b" size=",
    b"100 ",
    b'file="/a b" size=x ',
    b"rate=",
    b"targetrate=",
    b"1.5",
    b"M",
    b"Kbps",
    b"bps elapsed=",
    b"0.09s loss=",
    b"s loss=",
    b"0.00",
    b"LOG Receiver bl ",
    b"prog t/f/e=5/",
    b"\n",
    b"\r\n",
    b"\t",
]


_PREFIXES = [
    b"Mar  1 00:00:01 dtn1 ascp[12]: ",
    b"ascp[12]:",
    b"ascp[12]:  ",
    b"ascp4[7]: ",
    b"ascp4 7]: ",
    b"<14>1 2024-03-03T08:10:00Z dtn1 ascp 12 - - ",
    b"ascp 12 ID47 [meta a=1] ",
    b"ascp 12 ID47 [a] b] [c] ",
    b"ascp 12 host\t- ",
    b"2024-03-03 08:10:00 [1a2b-9] ",
    b"[0x1-x] ",
    b"[12-] ",
]
_LINE = st.tuples(
    st.sampled_from([b"", b"x", b"ascp", b"["]),
    st.sampled_from(_PREFIXES),
    st.lists(st.sampled_from(_PIECES), max_size=14).map(b"".join),
    st.sampled_from([b"\n", b"\r\n", b""]),
).map(b"".join)


@needs_compiled
@settings(max_examples=800, deadline=None)
@given(st.lists(_LINE, min_size=1, max_size=6).map(b"".join), st.booleans())
def test_same_records_on_generated_lines(data: bytes, file_form: bool) -> None:
    assert compiled is not None
    assert compiled(data, file_form) == scan.records_py(data, file_form)


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES + _PREFIXES), max_size=40).map(b"".join), st.booleans())
def test_same_records_on_shuffled_pieces(data: bytes, file_form: bool) -> None:
    assert compiled is not None
    assert compiled(data, file_form) == scan.records_py(data, file_form)


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300), st.booleans())
def test_same_records_on_any_bytes(data: bytes, file_form: bool) -> None:
    assert compiled is not None
    assert compiled(data, file_form) == scan.records_py(data, file_form)


@needs_compiled
def test_every_alternative_of_a_file_end() -> None:
    """A file's end whose first ``size=`` and ``rate=`` lead nowhere: both searches take the later ones."""
    line = (
        b"2024-03-03 08:10:00 [1a-2b] LOG FASP Transfer Stop uuid=" + _UUID + b" op=recv status=success "
        b'file="/x size=9" size=1048576 start_byte=0 targetrate=9 rate=95.10Mbps elapsed=0.09s loss=0.00 r\n'
    )
    assert compiled is not None
    found = compiled(line, True)
    assert found == scan.records_py(line, True)
    assert found[0][0] == 8 and found[0][6:9] == (b"1048576", b"95.10", b"M")
