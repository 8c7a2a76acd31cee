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


def test_a_latex_block_titled_as_a_sample_holds_no_run():
    """Blind round 103 (beamer slides): a block titled "Typical output (...)" shows a README's successful run in
    its verbatim lines; no run of anyone's (it had been read as a completed run, confidently)."""
    text = (
        "\\begin{frame}[fragile]{Checking a download}\n"
        "\\begin{exampleblock}{Example output (copied from the workshop handout)}\n"
        "\\begin{verbatim}\n"
        "SRR1553610_1.fastq.gz                         100%  412MB  96.0Mb/s    00:36\n"
        "Completed: 421888K bytes transferred in 36 seconds\n"
        " (96001K bits/sec), in 1 file.\n"
        "\\end{verbatim}\n"
        "\\end{exampleblock}\n"
        "\\end{frame}\n"
    )
    assert causes(text) == []


def test_a_latex_block_titled_otherwise_keeps_its_run():
    """Guard: a block whose title says nothing of a sample ("My run on the cluster") still holds a run."""
    text = (
        "\\begin{block}{My run on the cluster}\n"
        "\\begin{verbatim}\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
        "\\end{verbatim}\n"
        "\\end{block}\n"
    )
    assert [cause for cause, _ in causes(text)] == ["ssh-port"]


def test_ml_style_tests_of_ascp_s_lines_are_no_runs():
    """Blind round 103 (Elm tests): fixtures applied to a parser ML-style (``parse "Completed: ..."``) and the
    expectation piped after them (``|> Expect.equal (Stopped "...")``) are source code, not output (they had been
    read as a completed run and two failures)."""
    text = (
        "suite =\n"
        '    describe "ascp lines"\n'
        '        [ test "done" <|\n'
        "            \\_ ->\n"
        '                decode "Completed: 1024K bytes transferred in 3 seconds"\n'
        "                    |> Expect.equal (Done 1024)\n"
        '        , test "progress" <|\n'
        "            \\_ ->\n"
        '                decode "SRR000001.sra          42%  10MB 9.9Mb/s    00:04 ETA"\n'
        "                    |> Expect.equal (Moving 42)\n"
        '        , test "stopped" <|\n'
        "            \\_ ->\n"
        '                decode "Session Stop  (Error: Session data transfer timeout)"\n'
        '                    |> Expect.equal (Stopped "Session data transfer timeout")\n'
        "        ]\n"
    )
    assert causes(text) == []


def test_a_person_s_quoted_message_on_its_own_line_is_still_their_run():
    """Guard: ``I got "ascp: ..."`` is a person's words about their run, not a function applied to a literal."""
    assert [cause for cause, _ in causes('I got "ascp: Failed to open TCP connection for SSH, exiting."\n')] == [
        "ssh-port"
    ]
