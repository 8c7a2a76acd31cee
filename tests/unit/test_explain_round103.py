"""explain: what blind round 103 found (each test failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_MESSAGES = (
    "ascp: failed to authenticate, exiting.",
    "Session Stop  (Error: Server aborted session: No such file or directory)",
    "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))",
    "ascp: Failed to open TCP connection for SSH, exiting.",
)


def test_a_quiz_s_lettered_options_are_a_catalogue():
    """Blind round 103 (a course's slides): a quiz's options "(a) ascp: ...", "(b) Session Stop ..." are choices, no
    runs (the catalogue test had taken them as lines standing as output). The same round's JATS table, its messages
    in ``<td><monospace>`` cells, is kept as ``round103-documents/10-jats-xml-methods-aspera.txt``."""
    text = "Which of these means the UDP port is blocked?\n\n" + "".join(
        f"({letter}) {m}\n" for letter, m in zip("abcd", _MESSAGES, strict=True)
    )
    assert causes(text) == []
