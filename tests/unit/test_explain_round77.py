"""Misses found in the session of 2026-12-03 (second): parallel jobs' tagged output, and blind round 77's confident
wrong answers, each in its smallest form, with the cases beside them that must still read as before."""

from __future__ import annotations

from aspdiag.tools.explain.scan import tagged_runs_apart
from tests.unit.test_explain_round58 import causes

_AUTH = "ascp: failed to authenticate, exiting.\n{t}Session Stop  (Error: failed to authenticate)\n"
_DONE = "Completed: 74523K bytes transferred in 118 seconds\n{t} (5132K bits/sec), in 1 file.\n"
_UDP = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"


def _tagged(tag: str, text: str) -> str:
    return "".join(f"{tag}{line}\n" for line in text.format(t="").splitlines())


def test_parallel_jobs_tagged_lines_are_each_jobs_run_in_start_order():
    """Three uploads started at once, each line tagged with its job (blind round 72's cron script): the second
    job's failure ends first, the first job's success last. Each job is one run, in the order the jobs started."""
    text = (
        "[job1] start ascp -P 33001 -i k --mode=send --user=u --host=h /a /in\n"
        "[job2] start ascp -P 33001 -i k --mode=send --user=u --host=h /b /in\n"
        "[job3] start ascp -P 33001 -i k --mode=send --user=u --host=h /c /in\n"
        + _tagged("[job2] ", _AUTH)
        + "[job2] rc=1\n"
        + _tagged("[job3] ", _UDP)
        + "[job3] rc=1\n"
        + _tagged("[job1] ", _DONE)
        + "[job1] rc=0\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "auth", "udp"]
    # GNU parallel's --tag (the argument, a tab): the same
    tab = (
        "SRR101\tascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/a.fastq.gz .\n"
        "SRR102\tascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:/vol1/b.fastq.gz .\n"
        + _tagged("SRR102\t", _UDP)
        + _tagged("SRR101\t", _DONE)
    )
    assert [c for c, _ in causes(tab)] == ["ok", "udp"]


def test_tagged_lines_that_are_not_interleaved_are_read_as_they_are():
    """Jobs one after another (each job's lines together), one job's tag only, and bash's job control lines
    (``[1] 30411``, ``[2]   Exit 1   ascp ...``) are no parallel jobs' tags: nothing is reordered."""
    one_after_another = "[job1] ascp -QT u@h:/a .\n" + _tagged("[job1] ", _DONE) + "[job2] ascp -QT u@h:/b .\n"
    one_after_another += _tagged("[job2] ", _UDP)
    assert tagged_runs_apart(one_after_another.encode()) is None
    assert [c for c, _ in causes(one_after_another)] == ["ok", "udp"]
    one_job = "[job1] ascp -QT u@h:/a .\n[job1] Session Stop  (Error: failed to authenticate)\n[job1] rc=1\n"
    assert tagged_runs_apart(one_job.encode()) is None
    bash = (
        "$ for f in a b; do ascp -QT u@h:/$f . & done; wait\n[1] 30411\n[2] 30412\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        + _DONE.format(t="")
        + "[1]   Exit 1                  ascp -QT u@h:/$f .\n[2]   Done                    ascp -QT u@h:/$f .\n"
    )
    assert tagged_runs_apart(bash.encode()) is None


def test_an_address_a_person_calls_a_scanner_makes_no_runs_of_its_drops():
    """An operator's journal of MaxStartups drops, one from the partner and two from an address they say is a
    scanner (blind round 75: three runs read where the partner's one failed). A scanner behind the clients' NAT
    (its address also logged in) keeps the drops: they may be the clients'."""
    journal = (
        "Jun 11 02:00:02 hsts01 sshd[41177]: error: beginning MaxStartups throttling\n"
        "Jun 11 02:00:02 hsts01 sshd[41177]: drop connection #10 from [192.0.2.77]:40122 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
        "Jun 11 02:00:03 hsts01 sshd[41177]: drop connection #10 from [198.18.40.7]:51544 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
        "Jun 11 02:00:03 hsts01 sshd[41177]: drop connection #11 from [192.0.2.77]:40130 on [203.0.113.10]:33001 "
        "past MaxStartups\n"
    )
    said = "\n198.18.40.7 is the partner. 192.0.2.77 is a scanner hammering us at 02:00 every night.\n"
    assert [c for c, _ in causes(journal + said)] == ["ssh-refused"]
    assert [c for c, _ in causes(journal)] == ["ssh-refused"] * 3
    shared = journal + (
        "Jun 11 02:00:05 hsts01 sshd[41190]: Accepted publickey for lab from 192.0.2.77 port 40150 ssh2\n" + said
    )
    assert [c for c, _ in causes(shared)][:3] == ["ssh-refused"] * 3
