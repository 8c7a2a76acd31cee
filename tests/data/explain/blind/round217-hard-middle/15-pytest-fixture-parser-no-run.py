"""Tests for lab_tools.aspera.parse_ascp_output.

Fixtures are copied from public reports (kingfisher README, IBM support articles) so that the parser
matches real ascp output. Nothing here was produced by running ascp on this machine.
"""
import pytest

from lab_tools.aspera import parse_ascp_output, Outcome

ASCP_VERSION_SAMPLE = """\
IBM Aspera SDK version 1.1.1.52
ascp version 4.4.2.572 7fd3699
Operating System: MacOSX
FIPS 140-2-validated crypto ready to configure
AES-NI Supported
License max rate=(unlimited), account no.=1, license no.=57999
Enabled settings: desktop_gui
"""

CASES = [
    ("ascp: failed to authenticate, exiting.\n\r\nSession Stop  (Error: failed to authenticate)\n", Outcome.AUTH),
    ("\r\nSession Stop  (Error: Failure processing peer license: Deprecated peer license)\n", Outcome.LICENCE),
    ("Completed: 0K bytes transferred in 0 seconds\nSession Stop  (Error: Server aborted session: No such file or directory)\n", Outcome.NOT_FOUND),
    ("ERR164407.fastq.gz   100%  72MB 37.7Mb/s   01:58\nCompleted: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n", Outcome.OK),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_outcome(text, expected):
    assert parse_ascp_output(text).outcome is expected


def test_version_is_not_a_transfer():
    result = parse_ascp_output(ASCP_VERSION_SAMPLE)
    assert result.outcome is Outcome.NO_TRANSFER
    assert result.ascp_version == "4.4.2.572"
