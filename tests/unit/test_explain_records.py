"""explain's record search: the compiled one (``_records.c``) finds exactly what the regular expressions find
(``scan.records_py``), on every sample of the explain corpus, on the bench's server log and on generated lines
built from the pieces where the two could part (``ascp4``, RFC 5424's structured data, a file's figures given
twice, cut-off uuids, ``LOG``/``DBG`` lines, line ends inside a record)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aspdiag.tools.explain import scan

compiled: Callable[[bytes, bool], list[tuple[Any, ...]]] | None
sshd: Callable[[bytes], tuple[list[int], list[tuple[bytes, bytes]]]] | None
try:
    from aspdiag.tools.explain._records import records as compiled
    from aspdiag.tools.explain._records import sshd_lines as sshd
except ImportError:  # pragma: no cover - only where no C compiler built it
    compiled = sshd = None

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
    assert sshd is not None
    assert sshd(data) == scan.sshd_lines_py(data)


@needs_compiled
def test_same_records_on_the_bench_server_log() -> None:
    from tests.bench import _mixed_syslog_block

    block = _mixed_syslog_block().replace(b"BLOCKIDX", b"0000000a")  # as the bench writes its first block
    assert compiled is not None
    found = compiled(block, False)
    assert found == scan.records_py(block, False)
    assert {f[0] for f in found} == {1, 8, 10}  # ERR lines, files' ends and session records all met
    assert sshd is not None
    assert sshd(block) == scan.sshd_lines_py(block) and len(sshd(block)[1]) == 500


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
    _UUID[:8],  # a uuid a person shortened: eight characters or more
    _UUID[:7],
    _UUID + b"5",  # one too many
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
    b"Session Params ",
    b" peer=198.51.100.7:40001",
    b" local=",
    b' user="x fer"',
    b" user=xfer",
    b' user="',
    b"tx_bytes 12",
    b"tx_bytes 1x ",
    b"tx_bytes ",
    b"solicited_rex=0.01%",
    b"unsolicited_rex=",
    b"%",
    b"\r",
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


_SSHD_PREFIXES = [
    b"Mar  1 00:00:01 dtn1 sshd[812]: ",
    b"sshd-session[9]: ",
    b"sshd[9]:",
    b"sshd[9]:  ",
    b"<38>1 2024-03-03T08:10:00Z dtn1 sshd 812 - - ",
    b"sshd 812 ID1 [a] b] [c] ",
    b"sshd 812 x\t- ",
    b"sshd-x[1]: ",
    b"xsshd[1]: ",
]
_SSHD_PIECES = [
    b"error: ",
    b"Unable to negotiate with ",
    b"drop connection #",
    b"refused connect from ",
    b"Failed ",
    b"password",
    b"publickey",
    b"keyboard-interactive/pam",
    b" for ",
    b"invalid user ",
    b"Invalid user ",
    b"Connection closed by authenticating user ",
    b"Disconnected from authenticating user ",
    b"Accepted ",
    b"publickey for xfer",
    b" from ",
    b"198.51.100.7",
    b"2001:db8::1",
    b" port ",
    b"40000",
    b"sshd",
    b"[1]: ",
    b"] ",
    b" ",
    b"x",
]
_SSHD_MESSAGES = [
    b"Accepted publickey for xfer from 198.51.100.7 port 40000 ssh2",
    b"Accepted password for u from 2001:db8::1 port 1",
    b"Failed password for invalid user admin from 203.0.113.5 port 50000 ssh2",
    b"Failed password for root from 203.0.113.5 port 50000 ssh2",
    b"Failed publickey for xfer from 203.0.113.5 port 1 ssh2",
    b"Failed keyboard-interactive/pam for xfer from 203.0.113.5 port 1 ssh2",
    b"error: Unable to negotiate with 203.0.113.5 port 5: no matching MAC found",
    b"drop connection #0 from [203.0.113.5]:5 on [192.0.2.10]:33001 penalty: connections without attempting auth",
    b"refused connect from h.example (203.0.113.5)",
    b"Invalid user partner_upl from 198.51.100.7 port 61040",
    b"Connection closed by authenticating user seqpush 203.0.113.7 port 51514 [preauth]",
    b"Disconnected from authenticating user seqpush 203.0.113.7 port 51514 [preauth]",
]
# A message whole, cut short, or with pieces around it: the searches must part nowhere.
_SSHD_MESSAGE = st.one_of(
    st.sampled_from(_SSHD_MESSAGES),
    st.tuples(st.sampled_from(_SSHD_MESSAGES), st.integers(0, 80)).map(lambda m: m[0][: m[1]]),
    st.lists(st.sampled_from(_SSHD_PIECES), max_size=12).map(b"".join),
    st.tuples(st.sampled_from(_SSHD_PIECES), st.sampled_from(_SSHD_MESSAGES)).map(b"".join),
)
_SSHD_LINE = st.tuples(
    st.sampled_from([b"", b"x", b"sshd"]),
    st.sampled_from(_SSHD_PREFIXES),
    _SSHD_MESSAGE,
    st.sampled_from([b"\n", b"\r\n", b""]),
).map(b"".join)


@needs_compiled
@settings(max_examples=800, deadline=None)
@given(st.lists(_SSHD_LINE, min_size=1, max_size=6).map(b"".join))
def test_same_sshd_lines_on_generated_lines(data: bytes) -> None:
    assert sshd is not None
    assert sshd(data) == scan.sshd_lines_py(data)


@needs_compiled
def test_sshd_logins_as_sshd_writes_them() -> None:
    line = (
        b"Mar  1 00:00:01 dtn1 sshd[812]: Accepted publickey for xfer from 198.51.100.7 port 40000 ssh2\n"
        b"<38>1 2024-03-03T08:10:00Z dtn1 sshd 812 - [x a] b] Accepted password for u2 from 2001:db8::1 port 1\n"
    )
    assert sshd is not None
    assert sshd(line) == scan.sshd_lines_py(line) == ([], [(b"xfer", b"198.51.100.7"), (b"u2", b"2001:db8::1")])
    # One walk serves both searches, each with its own position: a hint's match reaching up to a login's tag
    # leaves that login found, as two separate finditer calls find it.
    both = b"sshd[1]: Unable to negotiate with sshd[2]: Accepted publickey for u from 192.0.2.1 port 22\n"
    assert sshd(both) == scan.sshd_lines_py(both) == ([0], [(b"u", b"192.0.2.1")])
    # A tag inside a match's structured data starts no match of that search (finditer does not overlap), though
    # it may start one of the other.
    for line in (
        b"sshd 9 h [sshd 9 h - Unable to negotiate with ] Unable to negotiate with x\n",
        b"sshd 9 h [sshd 9 h - Accepted publickey for u from 192.0.2.1 port ] Accepted publickey for v from "
        b"192.0.2.2 port 22\n",
        b"sshd 9 h [sshd 9 h - Accepted publickey for u from 192.0.2.1 port ] Unable to negotiate with x\n",
    ):
        assert sshd(line) == scan.sshd_lines_py(line), line
    assert [len(found) for found in sshd(line)] == [1, 1]


@needs_compiled
@pytest.mark.parametrize("prefix", _SSHD_PREFIXES + [b"sshd[9]:x", b"sshd 9 h [a] ", b"sshd-session 9 h - "])
@pytest.mark.parametrize("message", _SSHD_MESSAGES)
def test_same_sshd_lines_on_every_prefix_and_message(prefix: bytes, message: bytes) -> None:
    assert sshd is not None
    for data in (prefix + message + b"\n", b"x " + prefix + message, prefix + b"error: " + message):
        assert sshd(data) == scan.sshd_lines_py(data)


# -- the analyzer's loop: compiled (apply) and Python (Analyzer._apply) reach the same explanations ------------


def _explained(data: bytes, compiled_loop: bool, pieces: int = 1) -> dict[str, Any]:
    """explain's whole document for ``data`` fed in ``pieces`` chunks (split at line ends), by either loop."""
    from unittest import mock

    from aspdiag.render.explain import explain_to_dict
    from aspdiag.tools.explain import analyze
    from aspdiag.tools.explain.run import report_of

    lines = data.splitlines(keepends=True)
    step = max(1, len(lines) // pieces)
    with (
        mock.patch.object(analyze, "apply", scan.apply if compiled_loop else None),
        mock.patch.object(analyze, "count_success", scan.count_success if compiled_loop else None),
        mock.patch.object(scan, "parse_fields", scan.parse_fields if compiled_loop else None),
    ):
        analyzer = analyze.Analyzer()
        for at in range(0, len(lines), step):
            analyzer.feed_chunk("log", b"".join(lines[at : at + step]))
        analyzer.end_input("log")
        report = report_of(analyzer, analyzer.results(), "t", ("log",), (), len(data))
    # and the analyzer's own tallies that decide later readings (the accounts sessions ran as: sshd's refusals;
    # the sessions numbered and bound to their processes, which later lines of a process join)
    return {
        **explain_to_dict(report),
        "transfer_users": sorted(analyzer._transfer_users),
        "state": (analyzer._order, analyzer.sessions_seen, sorted(analyzer._run_sources), analyzer._process),
    }


def _server_log(seed: int, sessions: int, file_form: bool = False) -> bytes:
    """A server's syslog (or ascp's own log file, ``file_form``) of interleaved sessions with every kind of line
    the loop reads differently: starts that fail, Params or not, files that fail, statistics before and after the
    stop, stops that fail, ERR lines, the receiver's counts, a record split by syslog's line limit, sshd's logins
    and refusals, \\r line ends, both ends' ports every way round (whose log it is)."""
    import random

    rng = random.Random(seed)
    out: list[str] = []
    live: list[tuple[str, int, int]] = []
    for n in range(sessions):
        # odd seeds: uuids a person shortened to eight characters
        uuid = f"{seed:02x}{n:06x}" if seed % 2 else f"{seed:08x}-2222-3333-4444-{n:012d}"
        pid, client = 1000 + rng.randrange(40), rng.randrange(30)
        live.append((uuid, pid, client))
        rng.shuffle(live)
        while live and (len(live) > 5 or rng.random() < 0.3):
            uuid, pid, client = live.pop()
            h = f"Mar  1 00:{n % 60:02d}:{rng.randrange(60):02d} dtn1"
            a = (
                f"2024-03-03 08:{n % 60:02d}:{rng.randrange(60):02d} [{pid:x}-1] "
                if file_form
                else f"{h} ascp[{pid}]: "
            )
            peer = rng.choice(
                [f"198.51.100.{client}:{40000 + n}"] * 6
                + [f"198.51.100.{client}:33001", f"[2001:db8::{client}]:{40000 + n}", f"198.51.100.{client}", "[]:5"]
            )
            local = rng.choice(
                ["192.0.2.10:33001"] * 4 + ["0.0.0.0:33001", "0.0.0.0:40001", "192.0.2.10:40001", "[2001:db8::a]:22"]
            )
            if rng.random() < 0.6:
                out.append(f"{h} sshd[{pid}]: Accepted publickey for u{client % 4} from 198.51.100.{client} port 1\n")
            if rng.random() < 0.05:
                who = rng.choice(["u1", "xfer", "plain", "late"])  # an account some session runs as, or not
                if rng.random() < 0.5:  # password guessing: a refusal then counts only for a transfer account
                    out.append(f"{h} sshd[9]: Invalid user admin from 203.0.113.9 port 3\n")
                else:  # a client's mistyped account: an attempt only where sshd let that address in
                    out.append(f"{h} sshd[9]: Invalid user {who}x from 198.51.100.{client} port 4\n")
                out.append(f"{h} sshd[9]: Failed password for {who} from 198.51.100.{client} port 2 ssh2\n")
            if rng.random() < 0.1:
                out.append(f"{a}ERR Failed to authenticate\n")
            failed_start = rng.random() < 0.05
            status = "failed errcode=19" if failed_start else "started"
            out.append(f"{a}LOG FASP Session Start uuid={uuid} op=send status={status} local={local} peer={peer}\n")
            if rng.random() < 0.9:
                user = rng.choice(['user="xfer"', "user=plain", 'user="a b"', "", 'user=""', 'user="usé"'])
                user = "user=late" if n > 300 and rng.random() < 0.3 else user  # known only from counted ones
                out.append(f"{a}LOG FASP Session Params uuid={uuid} userid=1 {user} targetrate=100000000\n")
            for f in range(rng.randrange(4) if rng.random() > 0.05 else 130):  # past the 100 figures kept
                ok = "success" if rng.random() < 0.9 else "failed"
                rate = rng.choice(["95.10Mbps", "800Kbps", "1.2Gbps", "12bps", "1.2.3Mbps"])  # and a damaged one
                out.append(
                    f'{a}LOG FASP Transfer Stop uuid={uuid} op=send status={ok} file="/d/{f}" '
                    f"size={rng.randrange(10**9)} start_byte=0 rate={rate} elapsed={rng.random() * 9:.2f}s "
                    f"loss={rng.random():.2f} rexreqs=0\n"
                )
            if rng.random() < 0.1:
                out.append(f"{a}LOG Receiver bl t/o/r/d/ts=1/1/0/0/1 prog t/f/e={rng.randrange(10**6)}/0/0\n")
            stats = (
                f"{a}LOG FASP Session Statistics [Sender] id={uuid} delay=64ms "
                f"solicited_rex={rng.choice([f'{rng.random():.2f}', '1..2'])}% "
                f"unsolicited_rex=0.00% (progress: tx_bytes {rng.randrange(10**9)} file_bytes 1)\n"
            )
            late = rng.random() < 0.2
            if not late and rng.random() < 0.9:
                out.append(stats)
            if rng.random() < 0.05:
                out.append(f"{a}LOG FASP Session Stop uuid={uuid} op=send status=success peer={peer} tcp_port=22 ")
                out.append(f"x={n}\n{a}continued after syslog's line limit\n")
            elif rng.random() < 0.15:
                out.append(
                    f'{a}LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=15 errstr="Timeout '
                    f'establishing data connection" peer={peer}\r\n'
                )
            else:
                out.append(f"{a}LOG FASP Session Stop uuid={uuid} op=send status=success peer={peer}\n")
            if late:
                out.append(stats)
    return "".join(out).encode()


@needs_compiled
@pytest.mark.parametrize("seed", range(18))
def test_same_explanations_by_either_loop(seed: int) -> None:
    """Over the 200 kept successes (so that later ones are only counted), with sessions left for the end; seeds
    from 12 on write ascp's own log file (no syslog: the ports alone tell whose log it is)."""
    data = _server_log(seed, 60 if seed % 3 else 420, file_form=seed >= 12)
    for pieces in (1, 3):
        assert _explained(data, True, pieces) == _explained(data, False, pieces)


@needs_compiled
@pytest.mark.parametrize("seed", [3, 12])
def test_same_explanations_by_either_loop_at_small_bounds(seed: int) -> None:
    """With the open sessions' bound and the grace made small, sessions are finished early in both loops at the
    same points (the compiled opening leaves a session at the bound to Python's ``_new``)."""
    from unittest import mock

    from aspdiag.tools.explain import analyze

    interleaved = []  # eight sessions open at once: the oldest are finished early, their later records reopen
    file_form = seed >= 12
    for n in range(8):
        a = (
            f"2024-03-03 09:00:{n:02d} [{n}-1] LOG FASP "
            if file_form
            else f"Mar  1 00:00:{n:02d} dtn1 ascp[{n}]: LOG FASP "
        )
        interleaved.append(
            f"{a}Session Start uuid=0000000d-2222-3333-4444-{n:012d} op=send status=started "
            f"local=192.0.2.10:33001 peer=198.51.100.{n}:40000\n"
        )
    for n in range(8):
        a = (
            f"2024-03-03 09:01:{n:02d} [{n}-1] LOG FASP "
            if file_form
            else f"Mar  1 00:01:{n:02d} dtn1 ascp[{n}]: LOG FASP "
        )
        interleaved.append(f"{a}Session Stop uuid=0000000d-2222-3333-4444-{n:012d} op=send status=success\n")
    data = _server_log(seed, 200, file_form=file_form) + "".join(interleaved).encode()
    with mock.patch.object(analyze, "MAX_OPEN", 3), mock.patch.object(analyze, "GRACE", 2):
        compiled_view = _explained(data, True)
        assert compiled_view == _explained(data, False)
    with mock.patch.object(analyze, "GRACE", 2):
        assert _explained(data, True) != compiled_view  # the bound was reached


@needs_compiled
@pytest.mark.parametrize(
    "path", sorted(p for p in DATA.rglob("*") if p.is_file() and p.suffix != ".json"), ids=lambda p: p.name
)
def test_same_explanations_by_either_loop_on_the_corpus(path: Path) -> None:
    data = path.read_bytes()
    assert _explained(data, True) == _explained(data, False)


@needs_compiled
@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200), st.binary(max_size=6))
def test_plain_searches_as_python_does_them(data: bytes, needle: bytes) -> None:
    from aspdiag.tools.explain._records import contains, count_lines

    assert count_lines(data) == scan.count_lines_py(data)
    assert contains(data, needle) == scan.contains_py(data, needle)
    assert contains(data + needle + data, needle)


@needs_compiled
def test_sessions_opened_in_c_read_every_syslog_prefix_as_python_does() -> None:
    """A session record that opens a session is read in C (``_opened``: its time stamp and its process, host and
    pid), for each form of syslog line: BSD, RFC 5424 with and without structured data, a paste's list marker, and
    ascp's own log file; Python's ``_opened`` is not called for them, and both loops reach the same documents."""
    from unittest import mock

    from aspdiag.tools.explain import analyze

    forms = [
        ("Mar  1 00:00:{s:02d} dtn{h}", "{stamp} ascp[{pid}]: ", "Mar  1 00:00:{s:02d}"),
        ("<38>1 2024-03-03T08:10:{s:02d}Z dtn{h}", "{stamp} ascp {pid} ID47 - ", "2024-03-03T08:10:{s:02d}Z"),
        ("<38>1 2024-03-03T08:11:{s:02d}Z dtn{h}", "{stamp} ascp {pid} - [x@1 a=b] ", "2024-03-03T08:11:{s:02d}Z"),
        ("Mar  2 00:00:{s:02d} dtn{h}", "- {stamp} ascp[{pid}]: ", "Mar  2 00:00:{s:02d}"),
    ]
    lines = []
    for n in range(12):
        stamp_form, line_form, _ = forms[n % 4]
        a = line_form.format(stamp=stamp_form.format(s=n, h=n % 2), pid=100 + n % 3)
        uuid = f"0000000c-2222-3333-4444-{n:012d}"
        lines += [
            f"{a}LOG FASP Session Start uuid={uuid} op=send status=started local=192.0.2.10:33001 "
            f"peer=198.51.100.{n}:40000\n",
            f"{a}ERR Data transfer timed out\n",  # joins its process's session: bound in C
            f'{a}LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=15 errstr="Timeout" '
            f"peer=198.51.100.{n}:40000\n",
        ]
    data = "".join(lines).encode()
    with mock.patch.object(analyze.Analyzer, "_opened", side_effect=AssertionError("opened in Python")):
        compiled_view = _explained(data, True)
    assert compiled_view == _explained(data, False)
    sessions = compiled_view["sessions"]
    assert len(sessions) == 12
    assert {"dtn0/100", "dtn1/101"} <= {process.decode() for (_, process) in compiled_view["state"][3]}
    for n, session in enumerate(sessions):
        assert forms[n % 4][2].format(s=n) in str(session["time"]), session["time"]
        assert session["error_code"] == 15 and "ERR Data transfer timed out" in session["evidence"], session


@needs_compiled
def test_the_compiled_search_finds_a_text_at_every_place_and_length() -> None:
    """The search behind ``contains``, ``records`` and ``sshd_lines`` tries 16 or 32 places at once: a text at every
    place of a haystack (each place of a block, the block's edges and its tail) and of every length is found,
    and a near miss (its first and last bytes there, another between) is not."""
    every_place_and_length()


@needs_compiled
def test_the_search_without_avx2_finds_the_same() -> None:
    """Where the CPU has AVX2 the search tries 32 places at once, else 16 (SSE2): the narrower path, chosen at
    import by ASPDIAG_NO_AVX2, passes the same test in a process of its own."""
    from aspdiag.tools.explain._records import search_width

    code = "from tests.unit.test_explain_records import every_place_and_length as f; f(); "
    code += "from aspdiag.tools.explain._records import search_width as w; print(w())"
    env = {**os.environ, "ASPDIAG_NO_AVX2": "1"}
    root = Path(__file__).resolve().parents[2]  # (the child imports this module as tests.unit...)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False, cwd=root
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() in ("16", "1") and search_width() in (1, 16, 32)


def every_place_and_length() -> None:
    from aspdiag.tools.explain._records import contains

    for length in range(1, 21):
        needle = bytes(range(65, 65 + length))
        near = needle[:1] + b"." * (length - 2) + needle[-1:] if length > 2 else b"A."
        for size in (length, 17, 40, 80, 100):
            for at in range(0, size - length + 1):
                hay = bytearray(b"-" * size)
                hay[at : at + length] = needle
                assert contains(bytes(hay), needle), (length, size, at)
                if length > 2:
                    hay[at : at + length] = near
                    assert not contains(bytes(hay), needle), (length, size, at)


def test_a_damaged_figure_leaves_out_that_record_s_figures_only(tmp_path: Path) -> None:
    """``rate=1.2.3Mbps`` once stopped the whole file ('read stopped part-way'): now the file still counts."""
    from aspdiag.tools.explain.run import explain_inputs

    uuid = "11111111-2222-3333-4444-555555555555"
    a = "Mar  1 00:00:01 dtn1 ascp[12]: LOG FASP "
    log = tmp_path / "messages"
    log.write_text(
        f"{a}Session Start uuid={uuid} op=send status=started local=192.0.2.10:33001 peer=198.51.100.7:40001\n"
        f'{a}Transfer Stop uuid={uuid} op=send status=success file="/x" size=5 start_byte=0 rate=1.2.3Mbps '
        "elapsed=0.1s loss=0.0 rexreqs=0\n"
        f"{a}Session Statistics [Sender] id={uuid} solicited_rex=1..2% (progress: tx_bytes 5 file_bytes 5)\n"
        f"{a}Session Stop uuid={uuid} op=send status=success peer=198.51.100.7:40001\n"
    )
    result = explain_inputs([str(log)], io.BytesIO())
    assert result.problems == ()
    assert [(s.outcome, s.bytes, s.rate_mbps, s.loss_pct) for s in result.sessions] == [("success", 5, None, None)]
    if compiled is not None:
        data = log.read_bytes()
        assert _explained(data, True) == _explained(data, False)


@needs_compiled
def test_a_counted_success_names_its_account_and_client_by_either_loop() -> None:
    """Past the 200 kept successes a session is only counted (in C where built): its account still joins the
    accounts sessions run as, and its client's tally still grows."""
    lines = []
    for n in range(300):
        uuid = f"0000000b-2222-3333-4444-{n:012d}"
        user, client = ("solo", 7) if n == 220 else ("xfer", n % 3)  # counted: past 200, finished before the end
        a = f"Mar  1 00:00:{n % 60:02d} dtn1 ascp[{n}]: LOG FASP "
        lines += [
            f"{a}Session Start uuid={uuid} op=send status=started local=192.0.2.10:33001 "
            f"peer=198.51.100.{client}:{40000 + n}\n",
            f'{a}Session Params uuid={uuid} userid=1 user="{user}" targetrate=1\n',
            f"{a}Session Statistics [Sender] id={uuid} (progress: tx_bytes {n} file_bytes 1)\n",
            f"{a}Session Stop uuid={uuid} op=send status=success peer=198.51.100.{client}:{40000 + n}\n",
        ]
    data = "".join(lines).encode()
    compiled_view, python_view = _explained(data, True), _explained(data, False)
    assert compiled_view == python_view
    assert "solo" in compiled_view["transfer_users"]
    xfer = [c for c in compiled_view["clients"] if c["user"] == "xfer" and c["peer"] == "198.51.100.1"]
    assert xfer and xfer[0]["succeeded"] == xfer[0]["sessions"] == 99  # n % 3 == 1, but for the one of solo
    # A client's own log (ascp's log file, the server's port at the far end): no client tally, only the account.
    own = []
    for n in range(300):
        uuid = f"0000000c-2222-3333-4444-{n:012d}"
        a = f"2024-03-03 08:10:{n % 60:02d} [{n:x}-1] LOG FASP "
        own += [
            f"{a}Session Start uuid={uuid} op=recv status=started local=10.0.0.5:{40000 + n} peer=192.0.2.10:33001\n",
            f'{a}Session Params uuid={uuid} userid=1 user="{"alone" if n == 220 else "me"}" targetrate=1\n',
            f"{a}Session Stop uuid={uuid} op=recv status=success peer=192.0.2.10:33001\n",
        ]
    data = "".join(own).encode()
    compiled_view, python_view = _explained(data, True), _explained(data, False)
    assert compiled_view == python_view and "alone" in compiled_view["transfer_users"]


@pytest.mark.parametrize("seed", [1, 4, 13])
def test_a_session_only_counted_is_tallied_as_its_full_explanation_would_be(seed: int) -> None:
    """Past the listed sessions (here 2 of each) a session is tallied from ``brief``, not from its whole
    explanation: the tallies (causes, outcomes, clients, accounts) are the ones the whole explanation gives."""
    from unittest import mock

    from aspdiag.tools.explain import analyze, session

    def whole(collected: session.Collected, fields: dict[str, str] | None = None) -> session.Brief:
        e = session.explain(collected, fields)
        return session.Brief(e.outcome, e.cause_id, e.user, e.peer_address, e.side, e.bytes, e.time)

    data = _server_log(seed, 300, file_form=seed >= 12)
    for compiled_loop in (True, False) if compiled is not None else (False,):
        with mock.patch.object(analyze, "MAX_KEPT_FAILED", 2), mock.patch.object(analyze, "MAX_KEPT_OK", 2):
            counted = _explained(data, compiled_loop)
            with mock.patch.object(analyze, "brief", whole):
                assert _explained(data, compiled_loop) == counted
        assert sum(counted["outcomes"].values()) > 100 and len(counted["sessions"]) <= 4


_FIELD_PIECES = st.lists(
    st.sampled_from(
        [
            b" op=send",
            b" status=failed",
            b" errcode=15",
            b' errstr="Timeout establishing"',
            b' errstr="cut',
            b" peer=",
            b" peer=198.51.100.7:40001",
            b" local=[2001:db8::a]:33001",
            b' user="a b"',
            b" user=x\xff\xfey",
            b" user=",
            b" tcp_port=22",
            b" peerver=4.4.1",
            b" targetrate=100",
            b"=",
            b'"',
            b" ",
            b"x",
            b"\xc3\xa9",
        ]
    ),
    max_size=12,
).map(b"".join)


@needs_compiled
@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([b"Session Start", b"Session Params", b"Session Stop", b"Other"]), _FIELD_PIECES),
        max_size=5,
    )
)
def test_parsed_fields_as_python_reads_them(records: list[tuple[bytes, bytes]]) -> None:
    """``Collected.parsed`` compiled (``scan.parse_fields``) and its Python loop read the same fields."""
    from unittest import mock

    from aspdiag.tools.explain.session import Collected

    collected = Collected("log", "u", 1)
    collected.fields["seen_by"] = "sshd"
    collected.records.extend(records)
    fast = collected.parsed()
    with mock.patch.object(scan, "parse_fields", None):
        assert collected.parsed() == fast


def _busy_server_log(seed: int, sessions: int) -> bytes:
    """A busy server's syslog: mostly plain successes (Start, Params, statistics, files that ended well, Stop), two
    or three running at once, with what could make settling one of them (``scan.settle``) read it otherwise than
    its records would: an ERR line of its process before its start or while it runs, a process id used again
    (on this host or another one), the receiver's count, a record of its uuid after its stop (a second Stop, late
    statistics) soon after or past the grace, a file that failed, a failed start or stop, no Params or no user, a
    client or an account seen late, odd ends (no port, IPv6, a non-ASCII address, 0.0.0.0), a record split by
    syslog's line limit, a tx_bytes too long to read in C, sshd's logins."""
    import random

    rng = random.Random(seed)
    out: list[str] = []
    live: list[tuple[str, int, str, str, str]] = []
    ended: list[tuple[str, int, str]] = []
    for n in range(sessions):
        uuid = f"{seed:08x}-5555-3333-4444-{n:012d}"
        odd = rng.random() < 0.35
        kind = (
            rng.choice(
                [
                    "err-before",
                    "err-inside",
                    "pid-again",
                    "other-host",
                    "receiver",
                    "stop-twice",
                    "late-stats",
                    "file-failed",
                    "start-failed",
                    "stop-failed",
                    "no-params",
                    "no-user",
                    "late-client",
                    "late-user",
                    "no-port",
                    "ipv6",
                    "non-ascii",
                    "any-local",
                    "split",
                    "huge-tx",
                    "err-ahead",
                    "stats-ahead",
                    "uuid-again",
                    "never-stops",
                    "params-twice",
                    "failed-start-stops",
                ]
            )
            if odd
            else "plain"
        )
        pid = 3000 + n if kind not in ("pid-again", "other-host") else 3000 + max(0, n - rng.randrange(1, 6))
        host = "dtn2" if kind == "other-host" else "dtn1"
        client = 40 + n if kind == "late-client" else rng.randrange(12)
        user = f"late{n}" if kind == "late-user" else rng.choice(["xfer", "xfer", "lab"])
        peer = {
            "no-port": f"198.51.100.{client}",
            "ipv6": f"[2001:db8::{client}]:{40000 + n}",
            "non-ascii": f"h\u00f6st{client}:{40000 + n}",
        }.get(kind, f"198.51.100.{client}:{40000 + n}")
        local = "0.0.0.0:33001" if kind == "any-local" else "192.0.2.10:33001"
        if kind == "uuid-again" and ended:
            uuid = rng.choice(ended[-40:])[0]  # a new session with the uuid of one that ended lately (still recent)
        if kind == "err-ahead":  # a line of a process whose session starts later (a pending run of it meanwhile)
            out.append(f"Mar  1 00:00:00 dtn1 ascp[{3000 + n + 150}]: ERR Failed to open session\n")
        if kind == "stats-ahead":  # a record of a session before its start: it is open when its start comes
            later_uuid = f"{seed:08x}-5555-3333-4444-{n + 150:012d}"
            out.append(f"Mar  1 00:00:00 dtn1 ascp[{3000 + n + 150}]: LOG FASP Session Statistics [Sender] id=")
            out.append(f"{later_uuid} (progress: tx_bytes 7 file_bytes 1)\n")
        live.append((uuid, pid, host, kind, f"{peer}|{local}|{user}"))
        while live and (len(live) > 2 or rng.random() < 0.5):
            uuid, pid, host, kind, ends = live.pop(0 if rng.random() < 0.7 else -1)
            peer, local, user = ends.split("|")
            h = f"Mar  1 00:{n % 60:02d}:{rng.randrange(60):02d} {host}"
            a = f"{h} ascp[{pid}]: "
            if rng.random() < 0.3:
                out.append(f"{h} sshd[{pid}]: Accepted publickey for {user} from {peer.rpartition(':')[0]} port 1\n")
            if kind == "err-before":
                out.append(f"{a}ERR Failed to open session\n")
            status = "started"
            if kind in ("start-failed", "failed-start-stops"):
                status = 'failed errcode=19 errstr="Failed to authenticate"'  # no Stop follows, or one does
            out.append(f"{a}LOG FASP Session Start uuid={uuid} op=send status={status} local={local} peer={peer}\n")
            if kind != "no-params":
                named = "" if kind == "no-user" else f'user="{user}"'
                out.append(f"{a}LOG FASP Session Params uuid={uuid} userid=1 {named} targetrate=100000000\n")
            if kind == "params-twice":
                out.append(f'{a}LOG FASP Session Params uuid={uuid} userid=1 user="second" targetrate=1\n')
            if kind == "err-inside":
                out.append(f"{a}ERR Data transfer timed out\n")
            if kind == "receiver":
                out.append(f"{a}LOG Receiver bl t/o/r/d/ts=1/1/0/0/1 prog t/f/e={rng.randrange(10**6)}/0/0\n")
            for f in range(rng.randrange(3)):
                ok = "failed" if kind == "file-failed" and f == 0 else "success"
                out.append(
                    f'{a}LOG FASP Transfer Stop uuid={uuid} op=send status={ok} file="/d/{f}" '
                    f"size={rng.randrange(10**9)} start_byte=0 rate=95.10Mbps elapsed=1.00s loss=0.01 rexreqs=0\n"
                )
            tx = "123456789012345678901" if kind == "huge-tx" else str(rng.randrange(10**9))
            for _ in range(rng.randrange(3)):
                out.append(
                    f"{a}LOG FASP Session Statistics [Sender] id={uuid} delay=64ms solicited_rex=0.01% "
                    f"(progress: tx_bytes {tx} file_bytes 1)\n"
                )
            if kind == "split":
                out.append(f"{a}LOG FASP Session Stop uuid={uuid} op=send status=success peer={peer} tcp_port=22 ")
                out.append(f"x={n}\n{a}continued after syslog's line limit\n")
            elif kind == "stop-failed":
                out.append(
                    f'{a}LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=15 errstr="Timeout '
                    f'establishing data connection" peer={peer}\n'
                )
            elif kind not in ("start-failed", "never-stops"):
                out.append(f"{a}LOG FASP Session Stop uuid={uuid} op=send status=success peer={peer}\n")
            if kind == "stop-twice":
                out.append(f"{a}LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=40 peer={peer}\n")
            ended.append((uuid, pid, a))
        if ended and rng.random() < 0.05:
            # a record of a session that ended a while ago: within the grace (joins it) or past it (a new one)
            back = rng.choice([3, 30, 63, 64, 65, 70, 140])
            if back <= len(ended):
                old, _, old_a = ended[-back]
                out.append(
                    f"{old_a}LOG FASP Session Statistics [Sender] id={old} (progress: tx_bytes 5 file_bytes 1)\n"
                )
    return "".join(out).encode()


@needs_compiled
@pytest.mark.parametrize("seed", range(6))
def test_settled_successes_read_as_their_records_would_be(seed: int) -> None:
    """``scan.settle`` counts the plain successes of a chunk as it finds them (past the kept ones): the document,
    the accounts and the analyzer's numbering and bindings are the same as when every record is applied (and as
    Python's own loop gives), whatever the chunks' sizes; and sessions really were settled."""
    from unittest import mock

    from aspdiag.tools.explain import analyze

    data = _busy_server_log(seed, 2500)
    settled = []
    real = scan.settle
    assert real is not None

    def counting(chunk: bytes, state: tuple[object, ...]) -> tuple[list[tuple[Any, ...]], int]:
        found, n = real(chunk, state)
        settled.append(sum(1 for t in found if t[0] == 15))
        return found, n

    for pieces, max_open in ((4, analyze.MAX_OPEN), (9, analyze.MAX_OPEN), (9, 300), (9, 30)):
        # (few open sessions at most: the sessions that never stop fill them, and the oldest are finished early)
        with mock.patch.object(analyze, "MAX_OPEN", max_open):
            with mock.patch.object(analyze, "settle", counting):
                settling = _explained(data, True, pieces)
            with mock.patch.object(analyze, "settle", None):
                applied = _explained(data, True, pieces)
            assert settling == applied
            assert settling == _explained(data, False, pieces)
    assert sum(settled) > 500  # most plain successes past the kept 200


@needs_compiled
def test_no_session_is_settled_where_the_open_ones_could_reach_their_bound() -> None:
    """A session settled takes no place among the open ones; where its place would have pushed the oldest open
    one out (finished, and its later record a new session), nothing in the chunk is settled."""
    from unittest import mock

    from aspdiag.tools.explain import analyze

    def plain(n: int) -> list[str]:
        uuid = f"0000000e-2222-3333-4444-{n:012d}"
        a = f"Mar  1 00:00:{n % 60:02d} dtn1 ascp[{5000 + n}]: LOG FASP "
        return [
            f"{a}Session Start uuid={uuid} op=send status=started local=192.0.2.10:33001 peer=198.51.100.1:4{n}\n",
            f'{a}Session Params uuid={uuid} userid=1 user="xfer" targetrate=1\n',
            f"{a}Session Stop uuid={uuid} op=send status=success peer=198.51.100.1:4{n}\n",
        ]

    first = [line for n in range(300) for line in plain(n)]  # the 200 kept successes ended in it
    for n in range(50):  # sessions that never stop: the open ones at their bound
        a = f"Mar  1 00:01:{n % 60:02d} dtn1 ascp[{8000 + n}]: LOG FASP "
        first.append(f"{a}Session Start uuid=0000000f-2222-3333-4444-{n:012d} op=send status=started\n")
    second = [line for n in range(300, 320) for line in plain(n)]
    second.append("Mar  1 00:02:00 dtn1 ascp[8000]: LOG FASP Session Statistics [Sender] ")
    second.append("id=0000000f-2222-3333-4444-000000000000 (progress: tx_bytes 9 file_bytes 1)\n")
    second += [line for n in range(320, 450) for line in plain(n)]
    data = "".join(first).encode() + "".join(second).encode()
    views = []
    for settling in (scan.settle, None):
        with mock.patch.object(analyze, "MAX_OPEN", 50), mock.patch.object(analyze, "settle", settling):
            analyzer = analyze.Analyzer()
            analyzer.feed_chunk("log", "".join(first).encode())
            analyzer.feed_chunk("log", "".join(second).encode())
            analyzer.end_input("log")
            views.append([(s.uuid, s.outcome, s.bytes) for s in analyzer.results()])
    assert views[0] == views[1]
    assert sum(1 for _, outcome, moved in views[0] if moved == 9) == 1  # the session pushed out, opened again
    assert data


@needs_compiled
@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=300),
    st.lists(st.binary(max_size=12), max_size=8),
    st.integers(min_value=0, max_value=300),
)
def test_one_pass_for_many_texts_as_python_does_it(data: bytes, needles: list[bytes], at: int) -> None:
    """``which`` (Wu and Manber's search, compiled) answers as ``in`` does for each text, one planted or not."""
    from aspdiag.tools.explain._records import which

    texts = tuple(needles)
    assert which(data, texts) == scan.which_py(data, texts)
    if texts:
        planted = data[:at] + texts[-1] + data[at:]
        assert which(planted, texts) == scan.which_py(planted, texts)
        assert which(planted, texts) >> (len(texts) - 1) & 1


@needs_compiled
def test_one_pass_for_the_chunk_texts_on_a_server_log() -> None:
    """The analyzer's own texts over a server log's lines, each planted once at the chunk's end or not at all."""
    from aspdiag.tools.explain._records import which
    from aspdiag.tools.explain.analyze import _RARE_TEXTS

    log = b"Mar  1 00:00:01 h sshd[1]: Invalid user admin from 203.0.113.9 port 4\n" * 2000
    assert which(log, _RARE_TEXTS) == 0
    for k, text in enumerate(_RARE_TEXTS):
        assert which(log + text, _RARE_TEXTS) == 1 << k
        assert which(text[:-1] + log, _RARE_TEXTS) == 0  # (cut short: not there)
