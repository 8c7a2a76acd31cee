"""Blind round 61's misses (tests/data/explain/blind/round61-*), each in its smallest form: documents, code and
configuration quoting ascp's words, and a server firewall's single dropped SYN from a client it knows."""

from __future__ import annotations

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import causes


def test_a_wikis_example_inside_pre_is_no_run():
    """ "you may get an error such as" then <pre> holding a wrapper's line, ascp's line, a blank line and its Session
    Stop (a cluster wiki; read as auth, medium)."""
    text = (
        "If the server is incompatible with this older version, you may get an error such as\n\n<pre>\n"
        "Error with Aspera:\n\nascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n</pre>\n\nIn order to use Aspera Connect, install it.\n"
    )
    assert causes(text) == []


def test_the_same_lines_pasted_as_what_happened_are_a_run():
    text = (
        "This morning the upload failed with:\n\n<pre>\nascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n</pre>\n"
    )
    assert [c for c, _ in causes(text)] == ["auth"]


def test_an_xml_comment_quoting_an_error_is_no_run():
    text = (
        "<encryption>\n"
        "    <!-- 2023-11-08 JL: was aes-256. Two agencies on old Desktop Client kept getting\n"
        '         "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server '
        'allows)"\n'
        "         (ticket MH-2291). Back to any until they upgrade. -->\n"
        "    <allowed_cipher>any</allowed_cipher>\n</encryption>\n"
    )
    assert causes(text) == []


def test_a_file_between_cut_here_lines_is_no_run():
    text = (
        "Could someone sanity check it?\n\n----8<---- /opt/aspera/etc/aspera.conf ----8<----\n"
        "# old note: clients saw Session Stop  (Error: Server aborted session: Client requests stronger encryption "
        "than server allows)\n<allowed_cipher>any</allowed_cipher>\n----8<----\n\nThanks\n"
    )
    assert causes(text) == []


def test_a_python_module_with_canned_output_is_no_run():
    text = (
        "# tests/test_ascp_runner.py\n"
        '"""Unit tests: ascp is never executed here, FakeAscp replays canned output."""\n'
        "import subprocess\n\nimport pytest\n\n"
        'OK_STDOUT = (\n    "Completed: 74523K bytes transferred in 118 seconds\\n"\n'
        '    " (5132K bits/sec), in 1 file.\\n"\n)\n'
        'UDP_STDOUT = "\\r\\nSession Stop  (Error: Client unable to connect to server (check UDP port and '
        'firewall))\\n"\n\n'
        "class FakeAscp:\n    def __call__(self, cmd, **kwargs):\n        return None\n\n"
        "def test_udp(runner):\n    assert runner\n"
    )
    assert causes(text) == []


def test_a_markdown_post_with_code_and_its_output_is_still_read():
    """A report that opens with a markdown heading and shows its script in a code block, then the output: a run."""
    text = (
        "# ascp fails in my script\n\n```python\nimport subprocess\n\ndef fetch(acc):\n    pass\n\n"
        "def main():\n    fetch('ERR1')\n```\n\nOutput:\n\n```\nascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n```\n"
    )
    assert [c for c, _ in causes(text)] == ["auth"]


def test_ascps_help_quoted_from_the_built_in_help_and_a_wikis_sample_are_no_runs():
    text = (
        "== Syntax ==\nFrom the built-in help (Connect 3.9.x, trimmed):\n\n"
        " Usage: ascp [OPTION] SRC... DEST\n           SRC to DEST, or multiple SRC to DEST dir\n"
        "   -h,--help                       Display usage\n\n"
        "== What a good run ends with ==\n Completed: 74523K bytes transferred in 118 seconds\n"
        "  (5132K bits/sec), in 1 file.\n\n== Ticket template for IT ==\n Please allow outbound TCP and UDP 33001.\n"
    )
    assert causes(text) == []


def test_a_single_dropped_syn_from_a_client_let_in_later_is_its_attempt():
    """ufw logged one SYN for each of a client's two tries on 33001 (sshd listens on 22 only); it got in without
    -P 33001 later. Its tries come first: the log keeps only the session's Stop line."""
    ufw = (
        "Jul 30 12:0{m}:12 fasp kernel: [772001.228131] [UFW BLOCK] IN=ens5 OUT= MAC=0a:1b SRC=34.90.11.201 "
        "DST=172.31.8.20 LEN=60 TOS=0x00 PREC=0x00 TTL=109 ID=4411 DF PROTO=TCP SPT=5238{m} DPT=33001 WINDOW=65535 "
        "RES=0x00 SYN URGP=0\n"
    )
    text = (
        ufw.format(m=1)
        + ufw.format(m=3)
        + "Jul 30 12:20:05 fasp sshd[9120]: Accepted publickey for ext_sync from 34.90.11.201 port 52903 ssh2: RSA "
        "SHA256:x\n"
        "Jul 30 12:26:41 fasp ascp[9124]: LOG FASP Session Stop uuid=2f9d4c17-8a3e-4b61-9c05-e7d1a2b3c4f5 op=send "
        "status=success source=/out/ dest=./data/ local=172.31.8.20:33001 peer=34.90.11.201:33001 tcp_port=22\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port", "ssh-port", "ok"]
    first = explain_text(text)[0]
    assert "a TCP SYN" in first.reasoning[-1] and "sent again" not in first.reasoning[-1]  # one SYN, not retried


def test_a_scanners_single_syn_is_no_attempt():
    text = (
        "Jul 30 12:01:12 fasp kernel: [772001.228131] [UFW BLOCK] IN=ens5 OUT= MAC=0a:1b SRC=203.0.113.9 "
        "DST=172.31.8.20 LEN=60 TOS=0x00 PREC=0x00 TTL=109 ID=4411 DF PROTO=TCP SPT=52388 DPT=22 WINDOW=65535 "
        "RES=0x00 SYN URGP=0\n"
        "Jul 30 12:26:41 fasp ascp[9124]: LOG FASP Session Stop uuid=2f9d4c17-8a3e-4b61-9c05-e7d1a2b3c4f5 op=send "
        "status=success source=/out/ dest=./data/ local=172.31.8.20:33001 peer=34.90.11.201:33001 tcp_port=22\n"
    )
    assert [c for c, _ in causes(text)] == ["ok"]
