"""Misses found this session (the session of 2026-12-02, sixth): kept blind sets' remaining misses and blind round
65's, each in its smallest form."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_UUIDS = [f"{n:08x}-0000-4000-8000-00000000000{n}" for n in range(1, 5)]


def _verbose_journal(order: str, udp: bool = False) -> str:
    """sshd at LogLevel VERBOSE: three clients connect (ports 40001, 40002, 40004) and one is dropped past
    MaxStartups (40003) between the second and third arrivals; the logins and Session Start lines come after the
    drop. ``order``: the order of the three sessions' start lines (they need not follow the arrivals)."""
    lines = []
    head = "May 21 02:00:0{s} hsts sshd[{pid}]: "
    for pid, port in ((5103, 40001), (5106, 40002)):
        lines.append(head.format(s=1, pid=pid) + f"Connection from 198.51.100.77 port {port} on 10.50.0.8 port 33001")
    lines.append(
        head.format(s=2, pid=1021) + "drop connection #10 from [198.51.100.77]:40003 on [10.50.0.8]:33001 past "
        "MaxStartups"
    )
    lines.append(head.format(s=2, pid=5112) + "Connection from 198.51.100.77 port 40004 on 10.50.0.8 port 33001")
    for pid, port in ((5103, 40001), (5106, 40002), (5112, 40004)):
        lines.append(head.format(s=3, pid=pid) + f"Accepted publickey for mill from 198.51.100.77 port {port} ssh2")
    ports = {"1": 40001, "2": 40002, "4": 40004} if not udp else {"1": 52113, "2": 38870, "4": 60211}
    for n in order:
        lines.append(
            f"May 21 02:00:0{5} hsts ascp[{6000 + int(n)}]: LOG FASP Session Start uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=started source=/r/{n} dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    for n in order:
        lines.append(
            f"May 21 02:03:0{n} hsts ascp[{6000 + int(n)}]: LOG FASP Session Stop uuid={_UUIDS[int(n) - 1]} "
            f"op=recv status=success source=/r/{n} (1) dest=/in peer=198.51.100.77:{ports[n]} tcp_port=33001"
        )
    return "\n".join(lines) + "\n"


def test_a_client_dropped_between_arrivals_is_listed_between_them():
    """Blind round 63's 14 pushes at once: the drop came after two clients had connected and before the third, so
    it is listed third, though all three logged in and started after it (it had been listed first)."""
    assert [c for c, _ in causes(_verbose_journal("124"))] == ["ok", "ok", "ssh-refused", "ok"]
    # a server's records name the client's UDP port: the k-th session of an address is its k-th connection
    assert [c for c, _ in causes(_verbose_journal("124", udp=True))] == ["ok", "ok", "ssh-refused", "ok"]
    # without VERBOSE's "Connection from" lines the logins are the arrivals: all three came after the drop
    quiet = "".join(line + "\n" for line in _verbose_journal("124").splitlines() if "Connection from" not in line)
    assert [c for c, _ in causes(quiet)] == ["ssh-refused", "ok", "ok", "ok"]


def test_background_jobs_are_listed_by_their_job_numbers():
    """bash numbers background jobs in the order it started them; its "Done" and "Exit 1" lines tell which
    numbers completed (blind round 62: jobs 2 and 4 refused, their errors printed before jobs 1 and 3 finished;
    they had been listed first)."""
    command = "ascp -T -P 33001 --mode=recv --host=h --user=u /out/$f /in/"
    text = (
        f"$ for f in a b c d; do {command} & done; wait\n[1] 30411\n[2] 30412\n[3] 30413\n[4] 30414\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "a                                                100% 3686MB 94.1Mb/s    05:29\n"
        "Completed: 3774464K bytes transferred in 329 seconds\n (91780K bits/sec), in 1 file.\n"
        "c                                                100% 4017MB 93.8Mb/s    05:58\n"
        "Completed: 4113408K bytes transferred in 358 seconds\n (91919K bits/sec), in 1 file.\n"
        f"[1]   Done                    {command}\n[2]   Exit 1                  {command}\n"
        f"[3]-  Done                    {command}\n[4]+  Exit 1                  {command}\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "permission", "ok", "permission"]
    # the job lines do not say which run is which when their count differs from the runs'
    assert [c for c, _ in causes(text.replace(f"[4]+  Exit 1                  {command}\n", ""))] == [
        "permission",
        "permission",
        "ok",
        "ok",
    ]


_STOPPED = (
    "$ ascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR139/035/SRR13926435/SRR13926435_1.fastq.gz "
    "./\nSRR13926435_1.fastq.gz                                  37%  874MB 17.9Mb/s    13:24 ETA\n^C\n\n"
)


def test_a_run_the_person_stopped_after_it_hung_is_a_stall():
    """Blind round 65: the progress line froze at 37 % for 40 minutes, then Ctrl-C (read as cancelled, high)."""
    for told in (
        "进度停在 37% 这一行不动了，等了 40 多分钟都没有变化，只能 ctrl+c 中断掉",
        "The transfer hangs at 37% and never moves.",
        "37% で止まったまま 40 分以上動かないので Ctrl+C で止めました。",
    ):
        assert causes(_STOPPED + told + "\n") == [("stall", "medium")], told
    # stopped for another reason, or a hang told as a case: the person's cancel
    assert causes(_STOPPED + "I got bored and pressed ctrl-c.\n") == [("cancelled", "high")]
    assert causes(_STOPPED + "如果卡住了就按 ctrl+c 重新下载。\n") == [("cancelled", "high")]


def test_a_transfer_the_person_says_is_still_running_is_no_run_yet():
    """Blind round 65: a failed run, then the rerun shown at 23 % "（还在跑）" (still running) at the end of the
    paste: one run, not a second whose outcome cannot be told."""
    failed = (
        "$ ascp -Q -k1 -l 100M -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR346/SRR346368/SRR346368.fastq.gz ./\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n\n"
    )
    rerun = "SRR346368.fastq.gz                                         23%  412MB 94.6Mb/s    11:05 ETA\n"
    for said in ("我又加回去重新跑了，现在是这样（还在跑）：", "Added -T back, it is still running now:"):
        assert [c for c, _ in causes(failed + said + "\n\n" + rerun)] == ["stronger-encryption"], said
    # without those words: a second run whose end is not shown
    assert [c for c, _ in causes(failed + "Added -T back:\n\n" + rerun)] == ["stronger-encryption", "unknown"]
