"""explain: what blind round 107 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def _read(text: str) -> list[str]:
    return [cause for cause, _ in causes(text)]


AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_a_json_file_that_names_its_schema_first_is_no_run():
    """An lnav log format: its "sample" lines, dated as a log's are, are its parser's tests (one had read as a run
    whose SSH port was blocked)."""
    text = (
        '{\n    "$schema": "https://lnav.org/schemas/format-v1.schema.json",\n    "aspera_ascp_log": {\n'
        '        "title": "IBM Aspera ascp transfer log",\n        "sample": [\n'
        '            {"line": "2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH"},\n'
        '            {"line": "2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate"}\n        ]\n    }\n}\n'
    )
    assert _read(text) == []


def test_sshd_lines_pasted_without_their_time_stamp_say_why_the_client_failed():
    """A container's three runs of an old Connect's ascp ("failed to authenticate"), and the admin's sshd lines of
    the same minutes with their time and host cut off ("sshd[88412]: Unable to negotiate ... Their offer: ssh-rsa,
    ssh-dss"): the handshake failed (each had read as auth)."""
    run = f"fetcher-1  | {AUTH.replace(chr(10), chr(10) + 'fetcher-1  | ')}fetcher-1 exited with code 1\n"
    text = (
        "$ docker compose logs fetcher\n"
        + run * 3
        + "\nAdmin sent this from sshd's journal, same minutes:\n"
        + "".join(
            f"sshd[884{n}]: Unable to negotiate with 172.31.8.14 port 401{n}: no matching host key type found. "
            "Their offer: ssh-rsa,ssh-dss [preauth]\n"
            for n in (12, 30, 51)
        )
    )
    assert _read(text) == ["ssh-handshake"] * 3
