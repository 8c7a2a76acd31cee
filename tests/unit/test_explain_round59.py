"""Blind round 59's misses (tests/data/explain/blind/round59-*), each in its smallest form."""

from __future__ import annotations

import pytest

from tests.unit.test_explain_round58 import causes

FAILED_AUTH = (
    "```shell\n# ascp: failed to authenticate, exiting.\n# Session Stop  (Error: failed to authenticate)\n```\n"
)


@pytest.mark.parametrize(
    "words",
    [
        "使用aspera可以达到百兆的速度，建议首先尝试。但最近试了几次，容易报错，不稳定(报错内容如下)；有时候可以。",
        "ENA downloads fail now and then; sometimes it works with the very same command:",
        "It is intermittent, the same key worked an hour ago:",
    ],
)
def test_a_failure_the_person_says_comes_and_goes_is_held_at_low(words):
    """The same command and key work at other times: a wrong key is unlikely, a busy server's sshd fits as well
    (a Chinese workflow note's "有时候可以", read as auth at medium)."""
    assert causes(words + "\n\n" + FAILED_AUTH) == [("auth", "low")]


def test_the_same_failure_without_those_words_keeps_its_confidence():
    assert causes("Aspera download fails:\n\n" + FAILED_AUTH) == [("auth", "medium")]


def test_ascps_help_through_a_container_is_no_run():
    """``apptainer exec image.sif $HOME/.aspera/connect/bin/ascp --help`` prints the usage text: no transfer, and
    no failed run (a README's documented run after it is the only one)."""
    text = (
        "$ apptainer exec ascp3_ubuntu22.sif  $HOME/.aspera/connect/bin/ascp --help\n"
        "Usage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\n"
        "  -h,--help                       Display usage\n"
        "$ apptainer exec ascp3_ubuntu22.sif ~/.aspera/connect/bin/ascp -T -l 300m -P 33001 -i key "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz ./\n"
        "ERR164407.fastq.gz                                  100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n"
        " (5132K bits/sec), in 1 file.\n"
    )
    assert causes(text) == [("ok", "high")]


KEY_MISSING = (
    "ascp: Private key file not found at path /root/.aspera/connect/etc/asperaweb_id_dsa.openssh, exiting.",
    "",
    "Session Stop  (Error: Private key file not found at path /root/.aspera/connect/etc/asperaweb_id_dsa.openssh)",
    "ascp failed rc=1",
)


def test_a_cloudwatch_csv_export_is_read_line_by_line():
    """AWS Batch's three attempts exported from CloudWatch (``1718011204388,"ascp: ..."``): three runs, not one."""
    text = ""
    for attempt in range(3):
        text += f"Log stream: ena-fetch/default/{attempt}\ntimestamp,message\n"
        text += "".join(f'17180112{attempt}4{i:03d},"{line}"\n' for i, line in enumerate(KEY_MISSING))
        text += "\n"
    assert causes(text) == [("key-file", "high")] * 3


def test_a_persons_words_about_their_own_port_check_are_no_run():
    """The container's command shown after its three failed pods, then "`nc -vz host 33001` just hangs until
    timeout": the words are about nc, not a fourth run that stalled."""
    failed = "".join(
        f"[pod/pull-{p}/ascp] ascp: Failed to open TCP connection for SSH, exiting.\n"
        f"[pod/pull-{p}/ascp] \n[pod/pull-{p}/ascp] Session Stop  (Error: Failed to open TCP connection for SSH)\n"
        for p in ("a", "b", "c")
    )
    text = (
        failed + "\nThe container command is\n  ascp -P 33001 -O 33001 -l 200m -k 1 -i /secrets/id_rsa "
        "xfer@aspera.partner.example.com:/outbound/ /data/incoming/\n\n"
        "From a debug pod in the same namespace `nc -vz aspera.partner.example.com 33001` just hangs until timeout.\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port"] * 3


def test_kingfishers_stderr_then_stdout_is_one_run():
    """kingfisher logs ``STDERR was: b'ascp: ..., exiting.\\n'STDOUT was: b'<progress>\\r...\\nSession Stop ...'``:
    ascp's progress and Session Stop came before its last words; one stalled run, then the retry that worked."""
    text = (
        "02/19/2025 09:41:08 AM INFO: Running command: ascp -T -l 300m -P33001 -k 2 -i key "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR101/062/ERR10198362/ERR10198362.fastq.gz .\n"
        "02/19/2025 09:58:44 AM WARNING: Error downloading from ENA with ASCP: Command '['ascp', '-T']' returned "
        "non-zero exit status 1.\n"
        "STDERR was: b'ascp: Data transfer stalled, timed out, exiting.\\n'STDOUT was: b'ERR10198362.fastq.gz"
        "          27% 3108MB  287Mb/s    04:41 ETA\\rERR10198362.fastq.gz          29% 3357MB   40Kb/s    --:-- ETA"
        "\\r\\nSession Stop  (Error: Data transfer stalled, timed out)\\n'\n"
        "02/19/2025 09:58:44 AM INFO: Retrying ena-ascp download for ERR10198362 (attempt 2 of 3) ..\n"
        "02/19/2025 10:08:55 AM INFO: Method ena-ascp worked.\n"
    )
    assert [c for c, _ in causes(text)] == ["stall", "ok"]


def test_ctrl_c_at_ascps_default_rate_stays_a_cancel():
    """Stopped at 9.9 Mb/s (no -l: ascp's default 10 Mb/s) beside a later run at 249: the person stopped it for
    being slow, not because it stalled."""
    text = (
        "$ ascp -QT -P33001 -k 2 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR127/ERR12713377/x.bam /lustre/\n"
        "x.bam                                   0%   71MB 9.9Mb/s    --:-- ETA\n^C\n"
        "$ ascp -QT -l 250m -P33001 -k 2 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR127/ERR12713377/x.bam "
        "/lustre/\n"
        "x.bam                                 100%   40GB  246Mb/s    18:07\n"
        "Completed: 33084416K bytes transferred in 1087 seconds\n (249289K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["cancelled", "ok"]


def test_ipythons_keyboard_interrupt_is_a_cancel():
    """A notebook's loop interrupted from Jupyter ends with IPython's ``KeyboardInterrupt: `` (a colon and a space)."""
    text = (
        "SRR8360192.fastq.gz                   21%  109MB 9.8Mb/s    07:09 ETA\n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\n"
        "Cell In[14], line 6\n"
        '----> 6     subprocess.run(["ascp", "-QT", "-P33001", "-i", key, src, "data/"], check=True)\n\n'
        "KeyboardInterrupt: \n"
    )
    assert causes(text) == [("cancelled", "high")]


def test_a_keyboard_interrupt_after_the_run_ended_is_the_wrappers():
    """pysradb's loop still reading after ascp's Session Stop, interrupted from the notebook: one UDP run, no cancel."""
    text = (
        "b'Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))'\n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\n"
        "---> 53         output = process.stdout.readline()\n\n"
        "KeyboardInterrupt: \n"
    )
    assert causes(text) == [("udp", "high")]
