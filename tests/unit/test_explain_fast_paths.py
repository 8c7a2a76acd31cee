"""explain's pass-overs for speed read a log exactly as the slower way does: a login refusal told from sshd's
message alone (``REFUSAL_AT_TAG``) before the whole line's match, the SSH ports' literal before the SYN-drop
pattern, one search for "__" before a script's data marker and a journal's fields."""

from __future__ import annotations

import dataclasses
import io
import random
import re
from pathlib import Path
from typing import Any

import pytest

from aspdiag.tools.explain import analyze, scan
from aspdiag.tools.explain.run import explain_inputs

NEVER = re.compile(rb"(?!)")


def _read(path: Path) -> list[Any]:
    report = explain_inputs([str(path)], io.BytesIO(b""))
    return [
        [dataclasses.asdict(s) for s in report.sessions],
        [dataclasses.asdict(c) for c in report.clients],
        report.sessions_total,
        report.causes,
        report.outcomes,
        report.server_side,
        report.clients_omitted,
    ]


def _server_log(seed: int, sessions: int) -> bytes:
    """A server's syslog: the internet's guessing (Invalid user, Failed password, closed while authenticating),
    partners' refused logins repeated on the same and on new connections, some with no stamp of their own, and
    ascp sessions of the partners sshd let in."""
    rnd = random.Random(seed)
    out = []
    for i in range(sessions):
        h = f"Mar {1 + i // 3000 % 28:2d} {i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d} dtn1"
        pid = 4000 + i
        guesser = f"203.0.113.{rnd.randrange(250)}"
        port = rnd.choice((40000, 40001, 40002, rnd.randrange(30000, 60000)))
        user = rnd.choice(("admin", "oracle", "xfer", "root", "test"))
        stamp = h if rnd.random() > 0.05 else ""
        out.append(f"{stamp} sshd[{pid}]: Invalid user {user} from {guesser} port {port}".lstrip())
        out.append(f"{h} sshd[{pid}]: Failed password for {user} from {guesser} port {port} ssh2")
        if rnd.random() < 0.3:
            out.append(
                f"{h} sshd[{pid}]: Connection closed by authenticating user {user} {guesser} port {port} [preauth]"
            )
        partner = f"198.51.100.{rnd.randrange(6)}"
        pport = rnd.choice((50000, 50001, rnd.randrange(30000, 60000)))
        if rnd.random() < 0.2:
            out.append(f"{h} sshd[{pid}]: Failed publickey for xfer from {partner} port {pport} ssh2")
        out.append(f"{h} sshd[{pid + 1}]: Accepted publickey for xfer from {partner} port {pport} ssh2: RSA SHA256:x")
        uuid = f"{seed:08x}-1111-2222-3333-{i:012d}"
        ascp = f"{h} ascp[{pid + 2}]:"
        out.append(
            f"{ascp} LOG FASP Session Start uuid={uuid} op=send status=started source=/d/f{i} dest=. "
            f"peer={partner}:{pport} tcp_port=22 peerver=4.4.1"
        )
        out.append(f'{ascp} LOG FASP Session Params uuid={uuid} userid=1001 user="xfer" targetrate=100000000')
        if i % 7 == 3:
            out.append(
                f"{ascp} LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=15 "
                f'errstr="Timeout establishing data connection" peer={partner}:{pport}'
            )
        else:
            out.append(f"{ascp} LOG FASP Session Stop uuid={uuid} op=send status=success peer={partner}:{pport}")
    return ("\n".join(out) + "\n").encode()


@pytest.mark.parametrize("seed", range(4))
def test_refusals_passed_over_by_their_message_read_as_matched_whole(
    seed: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a low bound (40 refusals kept) the pass-over meets both of its cases: a connection kept already and
    the kept ones at their bound."""
    path = tmp_path / "messages"
    path.write_bytes(_server_log(seed, 400))
    monkeypatch.setattr(analyze, "MAX_CLIENTS", 40)
    fast = _read(path)
    monkeypatch.setattr(analyze, "REFUSAL_AT_TAG", NEVER)
    assert _read(path) == fast
    monkeypatch.undo()
    fast = _read(path)
    monkeypatch.setattr(analyze, "REFUSAL_AT_TAG", NEVER)
    assert _read(path) == fast


def test_the_quick_look_names_the_same_client_account_and_port_as_the_whole_match() -> None:
    """Where both match, the message's groups are the whole line's (the pass-over's key is the one kept)."""
    for line in _server_log(7, 60).splitlines():
        whole = scan.SSHD_REFUSAL.match(line)
        hint = line.find(b"sshd[")
        quick = scan.REFUSAL_AT_TAG.match(line, hint) if hint >= 0 else None
        if whole is None:
            continue
        assert quick is not None, line
        for name in ("iuser", "ipeer", "iport", "fuser", "fpeer", "fport", "cuser", "cpeer", "cport"):
            assert quick.group(name) == whole.group(name), (line, name)


def test_syn_drops_to_the_ssh_ports_among_other_ports_are_still_read(tmp_path: Path) -> None:
    """The SSH ports' literal is looked for first: SYNs to 22 and 33001 among the internet's to other ports still
    make a client's attempts (a retransmitted SYN, no answer), and a log with SYNs to other ports only makes none."""
    other = "".join(
        f"Mar  2 10:00:{k:02d} fw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=203.0.113.{k} DST=192.0.2.10 LEN=44 "
        f"PROTO=TCP SPT={41000 + k} DPT=23 WINDOW=1024 RES=0x00 SYN URGP=0\n"
        for k in range(40)
    )

    def ours(port: int) -> str:
        return "".join(
            f"Mar  2 10:01:0{k} fw kernel: [UFW BLOCK] IN=eth0 OUT= SRC=198.51.100.9 DST=192.0.2.10 LEN=60 "
            f"PROTO=TCP SPT=52000 DPT={port} WINDOW=64240 RES=0x00 SYN URGP=0\n"
            for k in range(3)
        )

    path = tmp_path / "messages"
    for port in (22, 33001):
        path.write_text(other + ours(port) + other)
        report = explain_inputs([str(path)], io.BytesIO(b""))
        assert [s.cause_id for s in report.sessions] == ["ssh-port"], port
    path.write_text(other)
    assert explain_inputs([str(path)], io.BytesIO(b"")).sessions == ()
